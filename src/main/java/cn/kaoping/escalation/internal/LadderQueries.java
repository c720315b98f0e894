package cn.kaoping.escalation.internal;

import cn.kaoping.escalation.internal.Views.CaseRow;
import cn.kaoping.escalation.internal.Views.Circular;
import cn.kaoping.escalation.internal.Views.Interview;
import cn.kaoping.escalation.internal.Views.Notice;
import cn.kaoping.escalation.internal.Views.Penalty;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ladders a user sees (the list, one ladder in full, the suggestions, each rung's record), the published
 * circulars anyone may read, and whether a user may decide a suggestion. Outside the user's scope a record answers
 * 404, as a missing one does.
 */
@Service
@Transactional(readOnly = true)
public class LadderQueries {

    private static final String CASE_ROW = """
            SELECT c.id, c.company_id, c.company_name, c.district_id, c.district_name,
                   (SELECT count(*) FROM escalation_notice n WHERE n.case_id = c.id AND NOT n.closed) AS open_notices,
                   (SELECT count(*) FROM escalation_suggestion s WHERE s.case_id = c.id AND s.status = 'OPEN') AS open_s,
                   (SELECT count(*) FROM escalation_circular x WHERE x.case_id = c.id) AS circulars,
                   (SELECT count(*) FROM escalation_interview x WHERE x.case_id = c.id) AS interviews,
                   (SELECT count(*) FROM escalation_penalty x WHERE x.case_id = c.id) AS penalties
            FROM escalation_case c""";
    private static final RowMapper<CaseRow> CASE = (rs, i) -> new CaseRow(rs.getLong("id"),
            rs.getLong("company_id"), rs.getString("company_name"), rs.getLong("district_id"),
            rs.getString("district_name"), rs.getInt("open_notices"), rs.getInt("open_s"), rs.getInt("circulars"),
            rs.getInt("interviews"), rs.getInt("penalties"));

    private final JdbcClient jdbc;
    private final CaseStore cases;
    private final SuggestionStore suggestions;
    private final RungStore rungs;
    private final Clock clock;

    LadderQueries(JdbcClient jdbc, CaseStore cases, SuggestionStore suggestions, RungStore rungs, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.suggestions = suggestions;
        this.rungs = rungs;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The ladders the principal may see, those with open suggestions first; {@code q} filters by company name. */
    public List<CaseRow> cases(KaopingPrincipal p, String q) {
        CaseScope scope = CaseScope.of(p, "c");
        var spec = jdbc.sql("SELECT * FROM (" + CASE_ROW + " WHERE " + scope.condition()
                + " AND (CAST(:q AS text) IS NULL OR c.company_name ILIKE '%' || CAST(:q AS text) || '%')) x"
                + " ORDER BY (open_s > 0) DESC, (circulars + interviews + penalties) DESC, company_name, id LIMIT 500")
                .param("q", q == null || q.isBlank() ? null : q.strip().replace("%", "").replace("_", ""));
        scope.params().forEach(spec::param);
        return spec.query(CASE).list();
    }

    public Views.Ladder ladder(KaopingPrincipal p, long caseId) {
        CaseScope scope = CaseScope.of(p, "c");
        var spec = jdbc.sql(CASE_ROW + " WHERE c.id = :id AND " + scope.condition()).param("id", caseId);
        scope.params().forEach(spec::param);
        CaseRow row = spec.query(CASE).optional().orElseThrow(() -> new NotFoundException("督办记录不存在"));
        List<String> estates = jdbc.sql("SELECT estate_name FROM escalation_case_estate WHERE case_id = :id "
                + "ORDER BY estate_name").param("id", caseId).query(String.class).list();
        List<Notice> notices = jdbc.sql("""
                SELECT notice_id, number, estate_name, issued_on, deadline, overdue_since, failed_on, closed, closed_on
                FROM escalation_notice WHERE case_id = :id ORDER BY issued_on DESC NULLS LAST, number""")
                .param("id", caseId).query((rs, i) -> new Notice(rs.getLong("notice_id"),
                        rs.getString("number"), rs.getString("estate_name"), rs.getObject("issued_on", LocalDate.class),
                        rs.getObject("deadline", LocalDate.class), rs.getObject("overdue_since", LocalDate.class),
                        rs.getObject("failed_on", LocalDate.class), rs.getBoolean("closed"),
                        rs.getObject("closed_on", LocalDate.class))).list();
        return new Views.Ladder(row, estates, notices, suggestions.views("s.case_id = :id", Map.of("id", caseId)),
                rungs.circularsOf(caseId), rungs.interviewsOf(caseId), rungs.penaltiesOf(caseId));
    }

    /** The suggestions in the principal's scope, open first; status may be null for all. */
    public List<Views.Suggestion> suggestions(KaopingPrincipal p, SuggestionStatus status) {
        CaseScope scope = CaseScope.of(p, "c");
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("status", status == null ? null : status.name());
        return suggestions.views(scope.condition()
                + " AND (CAST(:status AS text) IS NULL OR s.status = CAST(:status AS text))", params);
    }

    public Views.Suggestion suggestion(KaopingPrincipal p, long id) {
        CaseScope scope = CaseScope.of(p, "c");
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("sid", id);
        return suggestions.views("s.id = :sid AND " + scope.condition(), params).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("督办建议不存在"));
    }

    /** Whether the principal may decide this suggestion now (for showing the forms). */
    public boolean mayDecide(KaopingPrincipal p, Views.Suggestion s) {
        return s.open() && EscalationAccess.decides(p, s.kind(), cases.districtPath(s.caseId()),
                path -> cases.hasEstateUnder(s.caseId(), path));
    }

    /** Whether the principal may decide (or dismiss) this suggestion, whatever its state. */
    boolean mayDecide(KaopingPrincipal p, Suggestion s) {
        return EscalationAccess.decides(p, s.kind(), s.districtPath(),
                path -> cases.hasEstateUnder(s.caseId(), path));
    }

    public Circular circular(KaopingPrincipal p, long id) {
        Circular c = rungs.circular(id).orElseThrow(() -> new NotFoundException("通报不存在"));
        visible(p, c.caseId(), "通报");
        return c;
    }

    public Interview interview(KaopingPrincipal p, long id) {
        Interview i = rungs.interview(id).orElseThrow(() -> new NotFoundException("约谈记录不存在"));
        visible(p, i.caseId(), "约谈记录");
        return i;
    }

    public Penalty penalty(KaopingPrincipal p, long id) {
        Penalty pn = rungs.penalty(id).orElseThrow(() -> new NotFoundException("处罚决定不存在"));
        visible(p, pn.caseId(), "处罚决定");
        return pn;
    }

    /** A rung's ladder checked against the principal's scope (404 outside it). */
    private void visible(KaopingPrincipal p, long caseId, String what) {
        CaseScope scope = CaseScope.of(p, "c");
        var spec = jdbc.sql("SELECT count(*) FROM escalation_case c WHERE c.id = :id AND " + scope.condition())
                .param("id", caseId);
        scope.params().forEach(spec::param);
        if (spec.query(Long.class).single() == 0) {
            throw new NotFoundException(what + "不存在");
        }
    }

    /** Every circular, newest first: they are published (seed 000: 在一定范围内进行通报). */
    public List<Circular> publishedCirculars() {
        return rungs.circulars();
    }

    /** A published circular, for anyone. */
    public Optional<Circular> findCircular(long id) {
        return rungs.circular(id);
    }
}
