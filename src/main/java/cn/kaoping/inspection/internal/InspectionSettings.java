package cn.kaoping.inspection.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code kaoping.inspection}: {@code minPublicityDays} is the shortest publicity 公示 a round may have (1: a round
 * published the day its publicity starts would show an end before its start); {@code publicityDays} the default of a
 * district that has not chosen its own (7).
 */
@Validated
@ConfigurationProperties("kaoping.inspection")
public record InspectionSettings(@DefaultValue("1") @Min(0) @Max(60) int minPublicityDays,
                                 @DefaultValue("7") @Min(1) @Max(60) int publicityDays) {
}
