package cn.kaoping.audit;

import java.time.OffsetDateTime;

/**
 * One line of the audit log as the search screen shows it; {@code before}/{@code after} are JSON text.
 *
 * @param actorName the actor's display name today ("系统" for automatic steps), the username when no account has it
 */
public record AuditEntry(long id, OffsetDateTime occurredAt, String actor, String actorName, String action,
                         String entityType,
                         String entityId, String summary, String before, String after) {
}
