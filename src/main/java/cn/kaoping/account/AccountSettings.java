package cn.kaoping.account;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code kaoping.account}: the first administrator's password ({@code KAOPING_ADMIN_PASSWORD}; generated and
 * printed once when empty), lock-out after {@code maxFailedLogins} failures for {@code lockout}, API token life.
 */
@Validated
@ConfigurationProperties("kaoping.account")
public record AccountSettings(String adminPassword, @Min(1) int maxFailedLogins, @NotNull Duration lockout,
                              @NotNull Duration tokenValidity, @Min(1) int maxFailedLoginsPerAddress,
                              @NotNull Duration addressWindow) {
}
