package cn.kaoping.credit.internal;

import cn.kaoping.credit.CreditDispute;
import cn.kaoping.credit.CreditKind;
import cn.kaoping.credit.CreditRecord;
import cn.kaoping.credit.Direction;
import cn.kaoping.credit.SubjectType;
import cn.kaoping.platform.database.SqlArrays;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for credit records, their evidence and disputes. */
@Repository
class CreditStore {

    /** A record as inserted. */
    record NewRecord(SubjectType subjectType, long subjectId, String subjectName, long companyId, String companyName,
                     Direction direction, CreditKind kind, String source, String sourceEvent, LocalDate occurredOn,
                     String description, Long districtId, LocalDate validUntil, int ruleVersion, String enteredBy,
                     String enteredByName, OffsetDateTime enteredAt) {

        /** Builds a record to insert by component name; a component not set is null, zero or false. */
        static Builder builder() {
            return new Builder();
        }

        /** Sets the components of {@link NewRecord} by name, in any order. */
        static final class Builder {

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
            private LocalDate validUntil;
            private int ruleVersion;
            private String enteredBy;
            private String enteredByName;
            private OffsetDateTime enteredAt;

            private Builder() {
            }

            Builder subjectType(SubjectType subjectType) {
                this.subjectType = subjectType;
                return this;
            }

            Builder subjectId(long subjectId) {
                this.subjectId = subjectId;
                return this;
            }

            Builder subjectName(String subjectName) {
                this.subjectName = subjectName;
                return this;
            }

            Builder companyId(long companyId) {
                this.companyId = companyId;
                return this;
            }

            Builder companyName(String companyName) {
                this.companyName = companyName;
                return this;
            }

            Builder direction(Direction direction) {
                this.direction = direction;
                return this;
            }

            Builder kind(CreditKind kind) {
                this.kind = kind;
                return this;
            }

            Builder source(String source) {
                this.source = source;
                return this;
            }

            Builder sourceEvent(String sourceEvent) {
                this.sourceEvent = sourceEvent;
                return this;
            }

            Builder occurredOn(LocalDate occurredOn) {
                this.occurredOn = occurredOn;
                return this;
            }

            Builder description(String description) {
                this.description = description;
                return this;
            }

            Builder districtId(Long districtId) {
                this.districtId = districtId;
                return this;
            }

            Builder validUntil(LocalDate validUntil) {
                this.validUntil = validUntil;
                return this;
            }

            Builder ruleVersion(int ruleVersion) {
                this.ruleVersion = ruleVersion;
                return this;
            }

            Builder enteredBy(String enteredBy) {
                this.enteredBy = enteredBy;
                return this;
            }

            Builder enteredByName(String enteredByName) {
                this.enteredByName = enteredByName;
                return this;
            }

            Builder enteredAt(OffsetDateTime enteredAt) {
                this.enteredAt = enteredAt;
                return this;
            }

            /** Whom the record is about: the company itself, or one of its project managers. */
            Builder subject(SubjectType type, long id, String name) {
                return subjectType(type).subjectId(id).subjectName(name);
            }

            NewRecord build() {
                return new NewRecord(subjectType, subjectId, subjectName, companyId, companyName, direction, kind,
                        source, sourceEvent, occurredOn, description, districtId, validUntil, ruleVersion, enteredBy,
                        enteredByName, enteredAt);
            }
        }
    }

    private static final RowMapper<CreditRecord> RECORD = (rs, i) -> CreditRecord.builder().id(rs.getLong("id"))
            .subjectType(SubjectType.valueOf(rs.getString("subject_type"))).subjectId(rs.getLong("subject_id"))
            .subjectName(rs.getString("subject_name")).companyId(rs.getLong("company_id"))
            .companyName(rs.getString("company_name")).direction(Direction.valueOf(rs.getString("direction")))
            .kind(CreditKind.valueOf(rs.getString("kind"))).source(rs.getString("source"))
            .sourceEvent(rs.getString("source_event")).occurredOn(rs.getObject("occurred_on", LocalDate.class))
            .description(rs.getString("description")).districtId((Long) rs.getObject("district_id"))
            .validFrom(rs.getObject("valid_from", LocalDate.class))
            .validUntil(rs.getObject("valid_until", LocalDate.class)).ruleVersion(rs.getInt("rule_version"))
            .status(rs.getString("status")).enteredBy(rs.getString("entered_by"))
            .enteredByName(rs.getString("entered_by_name"))
            .enteredAt(rs.getObject("entered_at", OffsetDateTime.class)).build();

    private final JdbcClient jdbc;

    CreditStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts unless a record of the same source exists; the new id, or empty. */
    Optional<Long> insert(NewRecord r) {
        return jdbc.sql("""
                INSERT INTO credit_record (subject_type, subject_id, subject_name, company_id, company_name, direction,
                       kind, source, source_event, occurred_on, description, district_id, valid_from, valid_until,
                       rule_version, entered_by, entered_by_name, entered_at)
                VALUES (:type, :subject, :subjectName, :company, :companyName, :direction, :kind, :source, :event,
                        :on, :description, :district, :on, :until, :rules, :by, :byName, :at)
                ON CONFLICT (source) DO NOTHING RETURNING id""")
                .param("type", r.subjectType().name()).param("subject", r.subjectId())
                .param("subjectName", r.subjectName()).param("company", r.companyId())
                .param("companyName", r.companyName()).param("direction", r.direction().name())
                .param("kind", r.kind().name()).param("source", r.source()).param("event", r.sourceEvent())
                .param("on", r.occurredOn()).param("description", r.description()).param("district", r.districtId())
                .param("until", r.validUntil()).param("rules", r.ruleVersion()).param("by", r.enteredBy())
                .param("byName", r.enteredByName()).param("at", r.enteredAt())
                .query(Long.class).optional();
    }

    void addEvidence(long recordId, UUID fileId, String name) {
        jdbc.sql("INSERT INTO credit_evidence (record_id, file_id, name) VALUES (:r, :f, :n) ON CONFLICT DO NOTHING")
                .param("r", recordId).param("f", fileId).param("n", name).update();
    }

    Optional<CreditRecord> find(long id) {
        return jdbc.sql("SELECT * FROM credit_record WHERE id = :id").param("id", id).query(RECORD).optional()
                .map(r -> withEvidence(List.of(r)).get(0));
    }

    Optional<CreditRecord> bySource(String source) {
        return jdbc.sql("SELECT * FROM credit_record WHERE source = :s").param("s", source).query(RECORD).optional();
    }

    /** Every record of a company's file, its managers' included, newest first. */
    List<CreditRecord> ofCompany(long companyId) {
        return withEvidence(jdbc.sql("""
                SELECT * FROM credit_record WHERE company_id = :c ORDER BY occurred_on DESC, id DESC""")
                .param("c", companyId).query(RECORD).list());
    }

    List<CreditRecord> ofSubject(SubjectType type, long id) {
        return withEvidence(jdbc.sql("""
                SELECT * FROM credit_record WHERE subject_type = :t AND subject_id = :s
                ORDER BY occurred_on DESC, id DESC""")
                .param("t", type.name()).param("s", id).query(RECORD).list());
    }

    /** Records about these companies themselves (not their managers), for scoring many at once. */
    Map<Long, List<CreditRecord>> ofCompanies(List<Long> companyIds) {
        if (companyIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                SELECT * FROM credit_record WHERE subject_type = 'COMPANY'
                  AND subject_id = ANY (CAST(:ids AS bigint[]))""")
                .param("ids", SqlArrays.ids(companyIds)).query(RECORD).list().stream()
                .collect(Collectors.groupingBy(CreditRecord::subjectId));
    }

    /**
     * Bad records in force on the day and not annulled (the public list), of one company or, with null, of all;
     * newest first.
     */
    List<CreditRecord> publicBad(Long companyId, LocalDate day) {
        return withEvidence(jdbc.sql("""
                SELECT * FROM credit_record
                WHERE direction = 'BAD' AND status <> 'ANNULLED' AND valid_from <= :day AND valid_until >= :day
                  AND (CAST(:c AS bigint) IS NULL OR company_id = CAST(:c AS bigint))
                ORDER BY occurred_on DESC, id DESC""")
                .param("day", day).param("c", companyId).query(RECORD).list());
    }

    void status(long id, String status) {
        jdbc.sql("UPDATE credit_record SET status = :s WHERE id = :id").param("s", status).param("id", id).update();
    }

    private List<CreditRecord> withEvidence(List<CreditRecord> records) {
        if (records.isEmpty()) {
            return records;
        }
        Map<Long, List<CreditRecord.Evidence>> ev = jdbc.sql("""
                SELECT record_id, file_id, name FROM credit_evidence WHERE record_id = ANY (CAST(:ids AS bigint[]))
                ORDER BY name""")
                .param("ids", SqlArrays.ids(records.stream().map(CreditRecord::id).toList()))
                .query((rs, i) -> Map.entry(rs.getLong("record_id"), new CreditRecord.Evidence(
                        rs.getObject("file_id", UUID.class), rs.getString("name")))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        List<CreditRecord> result = new ArrayList<>(records.size());
        for (CreditRecord r : records) {
            result.add(r.toBuilder().evidence(ev.getOrDefault(r.id(), List.of())).build());
        }
        return result;
    }

    // disputes

    private static final RowMapper<CreditDispute> DISPUTE = (rs, i) -> new CreditDispute(rs.getLong("id"),
            rs.getLong("record_id"), rs.getString("reason"), rs.getObject("evidence_id", UUID.class),
            rs.getString("evidence_name"), rs.getString("raised_by"), rs.getString("raised_by_name"),
            rs.getObject("raised_at", OffsetDateTime.class), rs.getString("decision"),
            rs.getString("decision_reason"), rs.getString("decided_by"), rs.getString("decided_by_name"),
            rs.getObject("decided_at", OffsetDateTime.class));

    long insertDispute(long recordId, String reason, UUID evidence, String evidenceName, String by, String byName,
                       OffsetDateTime at) {
        return jdbc.sql("""
                INSERT INTO credit_dispute (record_id, reason, evidence_id, evidence_name, raised_by, raised_by_name,
                                            raised_at)
                VALUES (:r, :reason, :ev, :evName, :by, :byName, :at) RETURNING id""")
                .param("r", recordId).param("reason", reason).param("ev", evidence).param("evName", evidenceName)
                .param("by", by).param("byName", byName).param("at", at).query(Long.class).single();
    }

    /** Decides an open dispute; false when it was decided already. */
    boolean decide(long id, String decision, String reason, String by, String byName, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE credit_dispute SET decision = :d, decision_reason = :reason, decided_by = :by,
                       decided_by_name = :byName, decided_at = :at
                WHERE id = :id AND decision IS NULL""")
                .param("d", decision).param("reason", reason).param("by", by).param("byName", byName)
                .param("at", at).param("id", id).update() == 1;
    }

    Optional<CreditDispute> dispute(long id) {
        return jdbc.sql("SELECT * FROM credit_dispute WHERE id = :id").param("id", id).query(DISPUTE).optional();
    }

    List<CreditDispute> disputesOf(List<Long> recordIds) {
        if (recordIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM credit_dispute WHERE record_id = ANY (CAST(:ids AS bigint[])) ORDER BY id")
                .param("ids", SqlArrays.ids(recordIds)).query(DISPUTE).list();
    }
}
