package cn.kaoping.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A published anchor of the audit chain: after {@code rowCount} rows the chain's head was {@code headHash}, and
 * {@code mac} = HMAC-SHA256(KAOPING_AUDIT_KEY, {@link #message()}) proves the application made it.
 */
public record AuditAnchor(long id, LocalDate anchoredOn, long rowCount, String headHash, String mac,
                          OffsetDateTime createdAt) {

    /** The text the MAC covers. */
    public String message() {
        return message(anchoredOn, rowCount, headHash);
    }

    public static String message(LocalDate anchoredOn, long rowCount, String headHash) {
        return "kaoping-audit-anchor/v1|" + anchoredOn + "|" + rowCount + "|" + headHash;
    }
}
