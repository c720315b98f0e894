package cn.kaoping.escalation.internal;

import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Suggestions and the triggers behind them (one per condition that held, keyed so that it counts once) in
 * PostgreSQL; the state a transition changed is saved here, its other side effects are {@link SuggestionTransitions}.
 */
@Repository
class SuggestionStore {

    private static final String SUGGESTION = """
            SELECT s.id, s.case_id, c.district_id, c.district_path, s.kind, s.basis_id, s.status, s.rung_id,
                   s.closed_by, s.closed_at, s.dismiss_reason
            FROM escalation_suggestion s JOIN escalation_case c ON c.id = s.case_id""";
    private static final RowMapper<Suggestion> LOADED = (rs, i) -> new Suggestion(rs.getLong("id"),
            rs.getLong("case_id"), rs.getLong("district_id"), rs.getString("district_path"),
            SuggestionKind.valueOf(rs.getString("kind")), (Long) rs.getObject("basis_id"),
            SuggestionStatus.valueOf(rs.getString("status")), (Long) rs.getObject("rung_id"),
            rs.getString("closed_by"), rs.getObject("closed_at", OffsetDateTime.class),
            rs.getString("dismiss_reason"));

    private final JdbcClient jdbc;

    SuggestionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The suggestion locked for a transition if the principal sees its ladder; 404 otherwise, as for a missing one. */
    Suggestion lock(KaopingPrincipal p, long id) {
        CaseScope scope = CaseScope.of(p, "c");
        var spec = jdbc.sql(SUGGESTION + " WHERE s.id = :id AND " + scope.condition() + " FOR UPDATE OF s")
                .param("id", id);
        scope.params().forEach(spec::param);
        return spec.query(LOADED).optional().orElseThrow(() -> new NotFoundException("督办建议不存在"));
    }

    /** The suggestion as it is stored, without a scope (for the system's own checks). */
    Suggestion get(long id) {
        return jdbc.sql(SUGGESTION + " WHERE s.id = :id").param("id", id).query(LOADED).single();
    }

    /** Stores a new open suggestion; the result has its {@link SuggestionEvent.Raised} registered. */
    Suggestion insert(long caseId, SuggestionKind kind, LocalDate on, Long basisId, Long rankingId, String reason) {
        record Inserted(long id, long districtId, String districtPath) {
        }
        Inserted row = jdbc.sql("""
                WITH s AS (INSERT INTO escalation_suggestion (case_id, kind, raised_on, basis_id, ranking_id)
                           VALUES (:case, :kind, :on, :basis, :ranking) RETURNING id, case_id)
                SELECT s.id, c.district_id, c.district_path FROM s JOIN escalation_case c ON c.id = s.case_id""")
                .param("case", caseId).param("kind", kind.name()).param("on", on).param("basis", basisId)
                .param("ranking", rankingId)
                .query((rs, i) -> new Inserted(rs.getLong("id"), rs.getLong("district_id"),
                        rs.getString("district_path"))).single();
        return Suggestion.raised(row.id(), caseId, row.districtId(), row.districtPath(), kind, basisId, reason);
    }

    /** Saves what a decision or dismissal changed. */
    void save(Suggestion s) {
        jdbc.sql("""
                UPDATE escalation_suggestion SET status = :status, rung_id = :rung, closed_by = :by, closed_at = :at,
                       dismiss_reason = :reason WHERE id = :id""")
                .param("status", s.status().name()).param("rung", s.rungId()).param("by", s.closedBy())
                .param("at", s.closedAt()).param("reason", s.dismissReason()).param("id", s.id()).update();
    }

    /** The open suggestion of a kind on a ladder, if there is one (more conditions then join it). */
    Optional<Long> open(long caseId, SuggestionKind kind) {
        return jdbc.sql("""
                SELECT id FROM escalation_suggestion WHERE case_id = :case AND kind = :kind AND status = 'OPEN'""")
                .param("case", caseId).param("kind", kind.name()).query(Long.class).optional();
    }

    // ---------------------------------------------------------------- triggers

    /** Whether the condition with this key has suggested already. */
    boolean triggered(String key) {
        return jdbc.sql("SELECT count(*) FROM escalation_trigger WHERE trigger_key = :k").param("k", key)
                .query(Long.class).single() > 0;
    }

    void trigger(String key, long suggestion, Long noticeId, LocalDate on, String reason) {
        jdbc.sql("""
                INSERT INTO escalation_trigger (trigger_key, suggestion_id, notice_id, held_on, reason)
                VALUES (:k, :s, :n, :on, :reason) ON CONFLICT DO NOTHING""")
                .param("k", key).param("s", suggestion).param("n", noticeId).param("on", on).param("reason", reason)
                .update();
    }

    // ---------------------------------------------------------------- what the screens show

    /** The suggestions matching a condition on {@code s} and {@code c}, open first, with their reasons in words. */
    List<Views.Suggestion> views(String where, Map<String, Object> params) {
        var spec = jdbc.sql("""
                SELECT s.id, s.case_id, s.kind, s.status, s.raised_on, s.basis_id, s.ranking_id, s.closed_by,
                       s.closed_at, s.dismiss_reason, s.rung_id, c.company_name, c.district_name,
                       ARRAY(SELECT t.reason FROM escalation_trigger t WHERE t.suggestion_id = s.id
                             ORDER BY t.held_on, t.trigger_key) AS reasons
                FROM escalation_suggestion s JOIN escalation_case c ON c.id = s.case_id
                WHERE""" + " " + where + " ORDER BY (s.status = 'OPEN') DESC, s.raised_on DESC, s.id DESC LIMIT 500");
        params.forEach(spec::param);
        return spec.query((rs, i) -> new Views.Suggestion(rs.getLong("id"), rs.getLong("case_id"),
                SuggestionKind.valueOf(rs.getString("kind")), SuggestionStatus.valueOf(rs.getString("status")),
                rs.getObject("raised_on", LocalDate.class), List.of((String[]) rs.getArray("reasons").getArray()),
                (Long) rs.getObject("basis_id"), (Long) rs.getObject("ranking_id"), rs.getString("closed_by"),
                rs.getObject("closed_at", OffsetDateTime.class), rs.getString("dismiss_reason"),
                (Long) rs.getObject("rung_id"), rs.getString("company_name"), rs.getString("district_name"))).list();
    }

    /** One suggestion as the screens show it, without a scope. */
    Views.Suggestion view(long id) {
        return views("s.id = :sid", Map.of("sid", id)).stream().findFirst().orElseThrow();
    }
}
