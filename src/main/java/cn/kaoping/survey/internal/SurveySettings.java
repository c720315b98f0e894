package cn.kaoping.survey.internal;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code kaoping.survey}: a client (address) that enters {@code maxWrongCodes} wrong codes for one survey within
 * {@code window} is locked out of it for {@code lockout}; {@code burstCount} accepted submissions from one client
 * within {@code burstWindow} are flagged on the dashboard. {@code publicBaseUrl} (e.g. https://kaoping.example.gov.cn)
 * is printed in QR codes and links; empty means the address the page was requested with.
 */
@Validated
@ConfigurationProperties("kaoping.survey")
public record SurveySettings(@DefaultValue("10") @Min(1) int maxWrongCodes,
                             @DefaultValue("10m") @NotNull Duration window,
                             @DefaultValue("15m") @NotNull Duration lockout,
                             @DefaultValue("10") @Min(2) int burstCount,
                             @DefaultValue("10m") @NotNull Duration burstWindow,
                             @DefaultValue("") String publicBaseUrl) {
}
