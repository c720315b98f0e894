package cn.kaoping.escalation.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code kaoping.escalation}: {@code interviewAfterDays} is how many days after a circular 通报 a notice behind it must
 * still be open for an interview 约谈 to be suggested (seed 000 line 20: 整改不到位 … 进行约谈; the seed gives no number,
 * so it is a setting, default 15).
 */
@Validated
@ConfigurationProperties("kaoping.escalation")
public record EscalationSettings(@DefaultValue("15") @Min(1) @Max(365) int interviewAfterDays) {
}
