package cn.kaoping.credit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One record in a credit file.
 *
 * @param source      the event and its id (e.g. {@code CircularIssued:12}) or {@code MANUAL:…}; unique
 * @param sourceEvent the event's name, or MANUAL
 * @param status      ACTIVE, CONTESTED (a dispute is open) or ANNULLED (the district annulled it: it no longer counts)
 */
public record CreditRecord(long id, SubjectType subjectType, long subjectId, String subjectName, long companyId,
                           String companyName, Direction direction, CreditKind kind, String source, String sourceEvent,
                           LocalDate occurredOn, String description, Long districtId, LocalDate validFrom,
                           LocalDate validUntil, int ruleVersion, String status, String enteredBy,
                           String enteredByName, OffsetDateTime enteredAt, List<Evidence> evidence) {

    public CreditRecord {
        evidence = List.copyOf(evidence);
    }

    /** An evidence file (platform file store id and original name). */
    public record Evidence(java.util.UUID fileId, String name) {
    }

    /** Whether the record is in force on a date: within its validity, both ends included. */
    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validUntil);
    }

    public boolean annulled() {
        return "ANNULLED".equals(status);
    }

    public boolean contested() {
        return "CONTESTED".equals(status);
    }

    /** Whether it counts in a score on that day: in force and not annulled. */
    public boolean countsOn(LocalDate day) {
        return !annulled() && validOn(day);
    }
}
