package cn.kaoping.audit;

import java.time.LocalDate;

/** Search criteria for the audit log; every field optional. */
public record AuditQuery(String actor, String entityType, String entityId, String action, LocalDate from,
                         LocalDate to) {
}
