package cn.kaoping.inspection.internal;

import cn.kaoping.organisation.EstateListing;

import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.KaopingPrincipal;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Inspections, their findings and evidence in PostgreSQL. */
@Repository
public class Inspections {

    static final RowMapper<Inspection> INSPECTION = (rs, i) -> new Inspection(rs.getLong("id"),
            rs.getLong("round_id"), rs.getLong("estate_id"), rs.getString("estate_name"), rs.getString("estate_path"),
            rs.getLong("street_id"), rs.getString("street_name"), (Long) rs.getObject("company_id"),
            rs.getString("assignee"), InspectionStatus.valueOf(rs.getString("status")),
            rs.getString("review_comment"), rs.getInt("version"));

    static final RowMapper<Finding> FINDING = (rs, i) -> new Finding(rs.getString("rule_code"),
            (Integer) rs.getObject("count"), rs.getBoolean("holds"), rs.getBigDecimal("value"), rs.getString("note"),
            rs.getBigDecimal("sample"), rs.getObject("due", LocalDate.class), rs.getObject("date", LocalDate.class),
            rs.getString("source"));

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;

    Inspections(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /** Creates one pending task per estate; the copied name, path and company keep the round independent of later registry edits. */
    public int createTasks(long roundId, List<EstateListing> estates) {
        List<Object[]> rows = estates.stream().map(e -> new Object[] {roundId, e.id(), e.name(), e.regionPath(),
                e.streetId(), e.streetName(), e.companyId()}).toList();
        jdbcTemplate.batchUpdate("""
                INSERT INTO inspection (round_id, estate_id, estate_name, estate_path, street_id, street_name,
                                        company_id, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING')""", rows);
        return rows.size();
    }

    public Optional<Inspection> find(long id) {
        return jdbc.sql("SELECT * FROM inspection WHERE id = :id").param("id", id).query(INSPECTION).optional();
    }

    /** The task of one estate in a round. */
    public Optional<Inspection> ofRoundAndEstate(long roundId, long estateId) {
        return jdbc.sql("SELECT * FROM inspection WHERE round_id = :round AND estate_id = :estate")
                .param("round", roundId).param("estate", estateId).query(INSPECTION).optional();
    }

    public Optional<Inspection> lock(long id) {
        return jdbc.sql("SELECT * FROM inspection WHERE id = :id FOR UPDATE").param("id", id).query(INSPECTION)
                .optional();
    }

    public void saveState(Inspection i, String by, OffsetDateTime at) {
        boolean submitted = i.status() == InspectionStatus.SUBMITTED;
        int n = jdbc.sql("""
                UPDATE inspection SET status = :status, review_comment = :comment,
                       submitted_by = CASE WHEN :submitted THEN :by ELSE submitted_by END,
                       submitted_at = CASE WHEN :submitted THEN :at ELSE submitted_at END,
                       reviewed_by = CASE WHEN :submitted THEN reviewed_by ELSE :by END,
                       reviewed_at = CASE WHEN :submitted THEN reviewed_at ELSE :at END,
                       version = version + 1
                WHERE id = :id AND version = :version""")
                .param("status", i.status().name()).param("comment", i.reviewComment()).param("submitted", submitted)
                .param("by", by).param("at", at).param("id", i.id()).param("version", i.version()).update();
        if (n == 0) {
            throw new ConflictException("检查已被他人修改，请刷新后重试");
        }
    }

    public void assign(long id, String username) {
        jdbc.sql("UPDATE inspection SET assignee = CAST(:who AS text) WHERE id = :id").param("who", username)
                .param("id", id).update();
    }

    public int countNotAccepted(long roundId) {
        return jdbc.sql("SELECT count(*) FROM inspection WHERE round_id = :id AND status <> 'ACCEPTED'")
                .param("id", roundId).query(Integer.class).single();
    }

    public int countTasks(long roundId) {
        return jdbc.sql("SELECT count(*) FROM inspection WHERE round_id = :id").param("id", roundId)
                .query(Integer.class).single();
    }

    /** The inspections of a round the principal may see, best total first. */
    public List<TaskRow> ofRound(KaopingPrincipal p, long roundId) {
        Scope.SqlCondition scope = Scope.inspections(p);
        return jdbc.sql("""
                SELECT i.*, r.inspection_due, r.name AS round_name FROM inspection i JOIN round r ON r.id = i.round_id
                WHERE i.round_id = :round AND %s
                ORDER BY i.total DESC NULLS LAST, i.street_name, i.estate_name""".formatted(scope.sql()))
                .params(scope.params()).param("round", roundId).query(TASK_ROW).list();
    }

    /**
     * A street officer's open tasks across rounds: those assigned to him and the unassigned ones of his street,
     * earliest due date first.
     */
    public List<TaskRow> openTasks(KaopingPrincipal p) {
        Scope.SqlCondition scope = Scope.inspections(p);
        return jdbc.sql("""
                SELECT i.*, r.inspection_due, r.name AS round_name FROM inspection i JOIN round r ON r.id = i.round_id
                WHERE r.status = 'OPEN' AND i.status IN ('PENDING', 'RETURNED') AND %s
                  AND (i.assignee IS NULL OR i.assignee = :me)
                ORDER BY r.inspection_due, i.estate_name LIMIT 200""".formatted(scope.sql()))
                .params(scope.params()).param("me", p.username()).query(TASK_ROW).list();
    }

    private static final RowMapper<TaskRow> TASK_ROW = (rs, n) -> new TaskRow(INSPECTION.mapRow(rs, n),
            rs.getBigDecimal("total"), rs.getString("grade_label"), (Boolean) rs.getObject("passed"),
            rs.getObject("inspection_due", LocalDate.class), rs.getString("round_name"));

    // --- findings -----------------------------------------------------------------------------------------------

    public List<Finding> findings(long inspectionId) {
        return jdbc.sql("SELECT * FROM finding WHERE inspection_id = :id ORDER BY rule_code, due")
                .param("id", inspectionId).query(FINDING).list();
    }

    /** All findings of a round, per inspection, in one query. */
    public Map<Long, List<Finding>> findingsOfRound(long roundId) {
        Map<Long, List<Finding>> all = new LinkedHashMap<>();
        jdbc.sql("SELECT i.id AS inspection_id, f.rule_code, f.count, f.holds, f.value, f.note, f.sample, f.due, "
                        + "f.date, f.source FROM inspection i LEFT JOIN finding f ON f.inspection_id = i.id "
                        + "WHERE i.round_id = :id ORDER BY i.id")
                .param("id", roundId)
                .query(rs -> {
                    List<Finding> list = all.computeIfAbsent(rs.getLong("inspection_id"), k -> new ArrayList<>());
                    if (rs.getString("rule_code") != null) {
                        list.add(FINDING.mapRow(rs, 0));
                    }
                });
        return all;
    }

    /**
     * Replaces the given rules' findings (per deadline for milestone reports); a finding that records nothing is
     * removed. Other rules stay.
     */
    public void saveFindings(long inspectionId, Collection<Finding> findings, String by, OffsetDateTime at) {
        for (Finding f : findings) {
            if (!f.recordsSomething()) {
                jdbc.sql("DELETE FROM finding WHERE inspection_id = :id AND rule_code = :rule "
                                + "AND due IS NOT DISTINCT FROM :due")
                        .param("id", inspectionId).param("rule", f.rule()).param("due", f.due()).update();
                continue;
            }
            jdbc.sql("""
                    INSERT INTO finding (inspection_id, rule_code, count, holds, value, note, sample, due, date, source,
                                         updated_by, updated_at)
                    VALUES (:id, :rule, :count, :holds, :value, :note, :sample, :due, :date, :source, :by, :at)
                    ON CONFLICT (inspection_id, rule_code, due) DO UPDATE
                    SET count = EXCLUDED.count, holds = EXCLUDED.holds, value = EXCLUDED.value, note = EXCLUDED.note,
                        sample = EXCLUDED.sample, date = EXCLUDED.date, source = EXCLUDED.source,
                        updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at""")
                    .param("id", inspectionId).param("rule", f.rule()).param("count", f.count())
                    .param("holds", f.holds()).param("value", f.value())
                    .param("note", f.note() == null || f.note().isBlank() ? null : f.note().strip())
                    .param("sample", f.sample()).param("due", f.due()).param("date", f.date())
                    .param("source", f.source()).param("by", by).param("at", at).update();
        }
    }

    /** Stores the current score of one inspection (total, grade and the explained evaluation as jsonb). */
    public void saveScore(long inspectionId, BigDecimal total, String grade, String gradeLabel, boolean passed,
                          String evaluationJson) {
        jdbc.sql("""
                UPDATE inspection SET total = :total, grade = :grade, grade_label = :label, passed = :passed,
                       evaluation = CAST(:evaluation AS jsonb) WHERE id = :id""")
                .param("total", total).param("grade", grade).param("label", gradeLabel).param("passed", passed)
                .param("evaluation", evaluationJson).param("id", inspectionId).update();
    }

    /**
     * Stores the scores of many inspections in one statement: {@code scoresJson} is a JSON array of objects with
     * id, total, grade, gradeLabel, passed and evaluation.
     */
    public int saveScores(String scoresJson) {
        return jdbc.sql("""
                UPDATE inspection i SET total = s.total, grade = s.grade, grade_label = s."gradeLabel",
                       passed = s.passed, evaluation = s.evaluation
                FROM jsonb_to_recordset(CAST(:scores AS jsonb))
                     AS s(id BIGINT, total NUMERIC, grade TEXT, "gradeLabel" TEXT, passed BOOLEAN, evaluation JSONB)
                WHERE i.id = s.id""").param("scores", scoresJson).update();
    }

    // --- evidence -----------------------------------------------------------------------------------------------

    public long addEvidence(long inspectionId, String rule, UUID fileId, String by, OffsetDateTime at) {
        return jdbc.sql("""
                INSERT INTO evidence (inspection_id, rule_code, file_id, created_by, created_at)
                VALUES (:id, :rule, :file, :by, :at) RETURNING id""")
                .param("id", inspectionId).param("rule", rule).param("file", fileId).param("by", by).param("at", at)
                .query(Long.class).single();
    }

    public List<EvidenceRow> evidence(long inspectionId) {
        return jdbc.sql("""
                SELECT e.id, e.rule_code, e.file_id, s.sha256, s.content_type, s.size_bytes, e.created_by, e.created_at
                FROM evidence e JOIN stored_file s ON s.id = e.file_id
                WHERE e.inspection_id = :id ORDER BY e.id""")
                .param("id", inspectionId)
                .query((rs, n) -> new EvidenceRow(rs.getLong("id"), rs.getString("rule_code"),
                        rs.getObject("file_id", UUID.class), rs.getString("sha256"), rs.getString("content_type"),
                        rs.getLong("size_bytes"), rs.getString("created_by"),
                        rs.getObject("created_at", OffsetDateTime.class)))
                .list();
    }

    /** A task as listed: the inspection, its current total and grade, and its due date. */
    public record TaskRow(Inspection inspection, BigDecimal total, String gradeLabel, Boolean passed,
                          LocalDate due, String roundName) {
    }

    /** One evidence photo of a finding. */
    public record EvidenceRow(long id, String rule, UUID fileId, String sha256, String contentType, long size,
                              String createdBy, OffsetDateTime createdAt) {
    }
}
