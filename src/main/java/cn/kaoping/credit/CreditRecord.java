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

    /** Builds a record by component name; a component not set is null, zero, false or empty. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these components, to make a copy that differs in a few. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.subjectType = subjectType;
        b.subjectId = subjectId;
        b.subjectName = subjectName;
        b.companyId = companyId;
        b.companyName = companyName;
        b.direction = direction;
        b.kind = kind;
        b.source = source;
        b.sourceEvent = sourceEvent;
        b.occurredOn = occurredOn;
        b.description = description;
        b.districtId = districtId;
        b.validFrom = validFrom;
        b.validUntil = validUntil;
        b.ruleVersion = ruleVersion;
        b.status = status;
        b.enteredBy = enteredBy;
        b.enteredByName = enteredByName;
        b.enteredAt = enteredAt;
        b.evidence = evidence;
        return b;
    }

    /** Sets the components of {@link CreditRecord} by name, in any order. */
    public static final class Builder {

        private long id;
        private SubjectType subjectType;
        private long subjectId;
        private String subjectName;
        private long companyId;
        private String companyName;
        private Direction direction;
        private CreditKind kind;
        private String source;
        private String sourceEvent;
        private LocalDate occurredOn;
        private String description;
        private Long districtId;
        private LocalDate validFrom;
        private LocalDate validUntil;
        private int ruleVersion;
        private String status;
        private String enteredBy;
        private String enteredByName;
        private OffsetDateTime enteredAt;
        private List<Evidence> evidence = List.of();

        private Builder() {
        }

        public Builder id(long id) {
            this.id = id;
            return this;
        }

        public Builder subjectType(SubjectType subjectType) {
            this.subjectType = subjectType;
            return this;
        }

        public Builder subjectId(long subjectId) {
            this.subjectId = subjectId;
            return this;
        }

        public Builder subjectName(String subjectName) {
            this.subjectName = subjectName;
            return this;
        }

        public Builder companyId(long companyId) {
            this.companyId = companyId;
            return this;
        }

        public Builder companyName(String companyName) {
            this.companyName = companyName;
            return this;
        }

        public Builder direction(Direction direction) {
            this.direction = direction;
            return this;
        }

        public Builder kind(CreditKind kind) {
            this.kind = kind;
            return this;
        }

        public Builder source(String source) {
            this.source = source;
            return this;
        }

        public Builder sourceEvent(String sourceEvent) {
            this.sourceEvent = sourceEvent;
            return this;
        }

        public Builder occurredOn(LocalDate occurredOn) {
            this.occurredOn = occurredOn;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder districtId(Long districtId) {
            this.districtId = districtId;
            return this;
        }

        public Builder validFrom(LocalDate validFrom) {
            this.validFrom = validFrom;
            return this;
        }

        public Builder validUntil(LocalDate validUntil) {
            this.validUntil = validUntil;
            return this;
        }

        public Builder ruleVersion(int ruleVersion) {
            this.ruleVersion = ruleVersion;
            return this;
        }

        public Builder status(String status) {
            this.status = status;
            return this;
        }

        public Builder enteredBy(String enteredBy) {
            this.enteredBy = enteredBy;
            return this;
        }

        public Builder enteredByName(String enteredByName) {
            this.enteredByName = enteredByName;
            return this;
        }

        public Builder enteredAt(OffsetDateTime enteredAt) {
            this.enteredAt = enteredAt;
            return this;
        }

        public Builder evidence(List<Evidence> evidence) {
            this.evidence = evidence;
            return this;
        }

        public CreditRecord build() {
            return new CreditRecord(id, subjectType, subjectId, subjectName, companyId, companyName, direction, kind,
                    source, sourceEvent, occurredOn, description, districtId, validFrom, validUntil, ruleVersion,
                    status, enteredBy, enteredByName, enteredAt, evidence);
        }
    }
}
