package cn.kaoping.audit;

import java.time.OffsetDateTime;

/** One line of the audit log as the search screen shows it; {@code before}/{@code after} are JSON text. */
public record AuditEntry(long id, OffsetDateTime occurredAt, String actor, String action, String entityType,
                         String entityId, String summary, String before, String after) {
}
