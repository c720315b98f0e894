package cn.kaoping.inspection.internal;

import cn.kaoping.inspection.Period;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.KaopingPrincipal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rounds and their published result revisions in PostgreSQL. */
@Repository
public class Rounds {

    static final RowMapper<Round> ROUND = (rs, i) -> new Round(rs.getLong("id"), rs.getString("name"),
            rs.getString("scheme_code"), rs.getInt("scheme_version"),
            new Period(rs.getString("period"), rs.getObject("period_start", LocalDate.class),
                    rs.getObject("period_end", LocalDate.class)),
            rs.getLong("region_id"), rs.getString("region_path"), rs.getObject("inspection_due", LocalDate.class),
            rs.getObject("review_due", LocalDate.class), rs.getInt("publicity_days"),
            RoundStatus.valueOf(rs.getString("status")), rs.getObject("publicity_start", LocalDate.class),
            rs.getObject("publicity_end", LocalDate.class), rs.getInt("version"));

    private final JdbcClient jdbc;

    Rounds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(Round r, String by, OffsetDateTime at) {
        return jdbc.sql("""
                INSERT INTO round (name, scheme_code, scheme_version, period, period_start, period_end, region_id,
                                   region_path, inspection_due, review_due, publicity_days, status, created_by,
                                   created_at)
                VALUES (:name, :code, :version, :period, :start, :end, :region, :path, :idue, :rdue, :days, :status,
                        :by, :at)
                RETURNING id""")
                .param("name", r.name()).param("code", r.schemeCode()).param("version", r.schemeVersion())
                .param("period", r.period().code()).param("start", r.period().start()).param("end", r.period().end())
                .param("region", r.regionId()).param("path", r.regionPath()).param("idue", r.inspectionDue())
                .param("rdue", r.reviewDue()).param("days", r.publicityDays()).param("status", r.status().name())
                .param("by", by).param("at", at)
                .query(Long.class).single();
    }

    /** Another round of the same scheme and period over estates of this one: its name and how many estates. */
    public record Overlap(long roundId, String name, int estates) {
    }

    /** The other rounds with the same scheme (any version) and period that assess some of this round's estates. */
    public List<Overlap> overlapping(long id) {
        return jdbc.sql("""
                SELECT o.id, o.name, count(*) AS estates
                FROM round r
                JOIN round o ON o.scheme_code = r.scheme_code AND o.period = r.period AND o.id <> r.id
                JOIN inspection oi ON oi.round_id = o.id
                WHERE r.id = :id
                  AND oi.estate_id IN (SELECT estate_id FROM inspection WHERE round_id = :id)
                GROUP BY o.id, o.name ORDER BY o.id""")
                .param("id", id)
                .query((rs, i) -> new Overlap(rs.getLong("id"), rs.getString("name"), rs.getInt("estates"))).list();
    }

    public Optional<Round> find(long id) {
        return jdbc.sql("SELECT * FROM round WHERE id = :id").param("id", id).query(ROUND).optional();
    }

    /** The round, locked for the rest of the transaction so that two transitions cannot interleave. */
    /** Unpublished rounds of a scheme whose period contains the day (the rounds a stand-alone survey feeds). */
    public List<Round> ofSchemeOn(String schemeCode, LocalDate day) {
        return jdbc.sql("""
                SELECT * FROM round WHERE scheme_code = :scheme AND status <> 'PUBLISHED'
                  AND :day BETWEEN period_start AND period_end ORDER BY id""")
                .param("scheme", schemeCode).param("day", day).query(ROUND).list();
    }

    public Optional<Round> lock(long id) {
        return jdbc.sql("SELECT * FROM round WHERE id = :id FOR UPDATE").param("id", id).query(ROUND).optional();
    }

    public void saveState(Round r) {
        int n = jdbc.sql("""
                UPDATE round SET status = :status, publicity_start = :ps, publicity_end = :pe, version = version + 1
                WHERE id = :id AND version = :version""")
                .param("status", r.status().name()).param("ps", r.publicityStart()).param("pe", r.publicityEnd())
                .param("id", r.id()).param("version", r.version()).update();
        if (n == 0) {
            throw new ConflictException("轮次已被他人修改，请刷新后重试");
        }
    }

    public List<RoundSummary> list(KaopingPrincipal p) {
        Scope.SqlCondition scope = Scope.rounds(p);
        Scope.SqlCondition visible = Scope.inspections(p);
        return jdbc.sql("""
                SELECT r.*,
                       (SELECT count(*) FROM inspection i WHERE i.round_id = r.id AND %s) AS tasks,
                       (SELECT count(*) FROM inspection i WHERE i.round_id = r.id AND %s AND i.status = 'ACCEPTED')
                           AS accepted
                FROM round r WHERE %s
                ORDER BY r.period_end DESC, r.id DESC""".formatted(visible.sql(), visible.sql(), scope.sql()))
                .params(scope.params())
                .query((rs, i) -> new RoundSummary(ROUND.mapRow(rs, i), rs.getInt("tasks"), rs.getInt("accepted")))
                .list();
    }

    public boolean visible(KaopingPrincipal p, long id) {
        Scope.SqlCondition scope = Scope.rounds(p);
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM round r WHERE r.id = :id AND " + scope.sql() + ")")
                .params(scope.params()).param("id", id).query(Boolean.class).single();
    }

    // --- published revisions ------------------------------------------------------------------------------------

    /**
     * Stores the next revision of the round's results: a jsonb snapshot of every estate's total, grade, score
     * sheet, findings, evidence checksums and objections with their decisions, built by PostgreSQL from the current
     * rows, with its SHA-256.
     */
    public RoundResult snapshot(long roundId, String reason, String by, OffsetDateTime at) {
        int revision = jdbc.sql("SELECT coalesce(max(revision), 0) + 1 FROM round_result WHERE round_id = :id")
                .param("id", roundId).query(Integer.class).single();
        jdbc.sql("""
                INSERT INTO round_result (round_id, revision, reason, content, content_hash, published_by, published_at)
                SELECT CAST(:round AS bigint), CAST(:revision AS int), CAST(:reason AS text), c.content,
                       encode(sha256(convert_to(c.content::text, 'UTF8')), 'hex'), CAST(:by AS text),
                       CAST(:at AS timestamptz)
                FROM (SELECT jsonb_build_object(
                        'round', jsonb_build_object('id', r.id, 'name', r.name, 'schemeCode', r.scheme_code,
                                                    'schemeVersion', r.scheme_version, 'period', r.period,
                                                    'periodStart', r.period_start, 'periodEnd', r.period_end),
                        'revision', CAST(:revision AS int), 'reason', CAST(:reason AS text),
                        'estates', coalesce((
                            SELECT jsonb_agg(jsonb_build_object(
                                       'inspectionId', i.id, 'estateId', i.estate_id, 'estateName', i.estate_name,
                                       'streetId', i.street_id, 'streetName', i.street_name,
                                       'companyId', i.company_id, 'total', i.total, 'grade', i.grade,
                                       'gradeLabel', i.grade_label, 'passed', coalesce(i.passed, false),
                                       'evaluation', i.evaluation,
                                       'findings', coalesce((
                                           SELECT jsonb_agg(jsonb_build_object('rule', f.rule_code, 'count', f.count,
                                                      'holds', f.holds, 'value', f.value, 'note', f.note)
                                                      || jsonb_strip_nulls(jsonb_build_object('sample', f.sample,
                                                      'due', f.due, 'date', f.date, 'source', f.source))
                                                  ORDER BY f.rule_code, f.due)
                                           FROM finding f WHERE f.inspection_id = i.id), '[]'::jsonb),
                                       'evidence', coalesce((
                                           SELECT jsonb_agg(jsonb_build_object('rule', e.rule_code, 'sha256', s.sha256)
                                                  ORDER BY e.id)
                                           FROM evidence e JOIN stored_file s ON s.id = e.file_id
                                           WHERE e.inspection_id = i.id), '[]'::jsonb),
                                       'objections', coalesce((
                                           SELECT jsonb_agg(jsonb_build_object('id', o.id, 'rule', o.rule_code,
                                                      'reason', o.reason, 'raisedBy', o.raised_by,
                                                      'status', o.status, 'decision', o.decision,
                                                      'decidedBy', o.decided_by) ORDER BY o.id)
                                           FROM objection o WHERE o.inspection_id = i.id), '[]'::jsonb))
                                   ORDER BY i.total DESC NULLS LAST, i.estate_name, i.id)
                            FROM inspection i WHERE i.round_id = r.id), '[]'::jsonb)) AS content
                      FROM round r WHERE r.id = :round) c""")
                .param("round", roundId).param("revision", revision).param("reason", reason).param("by", by)
                .param("at", at).update();
        return results(roundId).get(0);
    }

    /** Every revision of the round's results, newest first, with whether its hash still matches its content. */
    public List<RoundResult> results(long roundId) {
        return jdbc.sql("""
                SELECT revision, reason, content_hash, published_by, published_at,
                       content_hash = encode(sha256(convert_to(content::text, 'UTF8')), 'hex') AS intact
                FROM round_result WHERE round_id = :id ORDER BY revision DESC""")
                .param("id", roundId)
                .query((rs, i) -> new RoundResult(roundId, rs.getInt("revision"), rs.getString("reason"),
                        rs.getString("content_hash"), rs.getString("published_by"),
                        rs.getObject("published_at", OffsetDateTime.class), rs.getBoolean("intact")))
                .list();
    }

    /** The stored jsonb text of one revision. */
    public Optional<String> content(long roundId, int revision) {
        return jdbc.sql("SELECT content::text FROM round_result WHERE round_id = :id AND revision = :rev")
                .param("id", roundId).param("rev", revision).query(String.class).optional();
    }

    public int openObjections(long roundId) {
        return jdbc.sql("SELECT count(*) FROM objection WHERE round_id = :id AND status = 'OPEN'")
                .param("id", roundId).query(Integer.class).single();
    }

    public Map<String, Object> counts(long roundId) {
        return jdbc.sql("""
                SELECT count(*) AS total,
                       count(*) FILTER (WHERE status = 'PENDING') AS pending,
                       count(*) FILTER (WHERE status = 'SUBMITTED') AS submitted,
                       count(*) FILTER (WHERE status = 'RETURNED') AS returned,
                       count(*) FILTER (WHERE status = 'ACCEPTED') AS accepted
                FROM inspection WHERE round_id = :id""").param("id", roundId).query().singleRow();
    }

    /** A round as listed: with the number of its tasks the viewer sees and how many are accepted. */
    public record RoundSummary(Round round, int tasks, int accepted) {
    }

    /** One published revision: who, when, why (for corrections), its hash and whether the hash still matches. */
    public record RoundResult(long roundId, int revision, String reason, String contentHash, String publishedBy,
                              OffsetDateTime publishedAt, boolean intact) {
    }
}
