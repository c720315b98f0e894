package cn.kaoping.inspection.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Objections 异议 raised during publicity and the district's decisions, in PostgreSQL. */
@Repository
public class Objections {

    static final RowMapper<ObjectionRow> ROW = (rs, i) -> new ObjectionRow(rs.getLong("id"), rs.getLong("round_id"),
            rs.getLong("inspection_id"), rs.getString("rule_code"), rs.getString("reason"),
            rs.getObject("file_id", UUID.class), rs.getString("raised_by"),
            rs.getObject("raised_at", OffsetDateTime.class), rs.getString("status"), rs.getString("decision"),
            rs.getString("decided_by"), rs.getObject("decided_at", OffsetDateTime.class));

    private final JdbcClient jdbc;

    Objections(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long roundId, long inspectionId, String rule, String reason, UUID fileId, String by,
                       OffsetDateTime at) {
        return jdbc.sql("""
                INSERT INTO objection (round_id, inspection_id, rule_code, reason, file_id, raised_by, raised_at, status)
                VALUES (:round, :insp, :rule, :reason, :file, :by, :at, 'OPEN') RETURNING id""")
                .param("round", roundId).param("insp", inspectionId).param("rule", rule).param("reason", reason)
                .param("file", fileId).param("by", by).param("at", at).query(Long.class).single();
    }

    public Optional<ObjectionRow> lock(long id) {
        return jdbc.sql("SELECT * FROM objection WHERE id = :id FOR UPDATE").param("id", id).query(ROW).optional();
    }

    public List<ObjectionRow> ofInspection(long inspectionId) {
        return jdbc.sql("SELECT * FROM objection WHERE inspection_id = :id ORDER BY id").param("id", inspectionId)
                .query(ROW).list();
    }

    /** The objections of a round on inspections the principal may see, newest first, with the estate's name. */
    public List<RoundObjection> ofRound(cn.kaoping.shared.KaopingPrincipal p, long roundId) {
        Scope.SqlCondition scope = Scope.inspections(p);
        return jdbc.sql("""
                SELECT o.*, i.estate_name FROM objection o JOIN inspection i ON i.id = o.inspection_id
                JOIN round r ON r.id = i.round_id
                WHERE o.round_id = :round AND %s ORDER BY o.id DESC""".formatted(scope.sql()))
                .params(scope.params()).param("round", roundId)
                .query((rs, i) -> new RoundObjection(ROW.mapRow(rs, i), rs.getString("estate_name"))).list();
    }

    public void decide(long id, boolean upheld, String decision, String by, OffsetDateTime at) {
        jdbc.sql("""
                UPDATE objection SET status = :status, decision = :decision, decided_by = :by, decided_at = :at
                WHERE id = :id""")
                .param("status", upheld ? "UPHELD" : "REJECTED").param("decision", decision).param("by", by)
                .param("at", at).param("id", id).update();
    }

    /** An objection as listed on the round's page: with the name of the estate it concerns. */
    public record RoundObjection(ObjectionRow objection, String estateName) {
    }

    /** One objection and, once taken, its decision. Status {@code OPEN}, {@code UPHELD} or {@code REJECTED}. */
    public record ObjectionRow(long id, long roundId, long inspectionId, String rule, String reason, UUID fileId,
                               String raisedBy, OffsetDateTime raisedAt, String status, String decision,
                               String decidedBy, OffsetDateTime decidedAt) {

        public boolean open() {
            return "OPEN".equals(status);
        }
    }
}
