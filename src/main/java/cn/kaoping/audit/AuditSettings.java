package cn.kaoping.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code kaoping.audit}: the secret that keys published anchors ({@code KAOPING_AUDIT_KEY}, at least 32
 * characters); when empty, a random key is generated once into {@code keyFile} ({@code KAOPING_AUDIT_KEY_FILE},
 * default {@code ./data/audit-anchor.key}) and read from there after. Several instances need the same key.
 */
@Validated
@ConfigurationProperties("kaoping.audit")
public record AuditSettings(String key, String keyFile) {
}
