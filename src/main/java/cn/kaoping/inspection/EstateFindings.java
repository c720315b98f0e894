package cn.kaoping.inspection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An estate's deductions in published rounds and its patrol records, for other modules (rectification raises its
 * problems from them). Read-only; callers check the user's scope on the estate first.
 */
@Service
@Transactional(readOnly = true)
public class EstateFindings {

    /*
     * One row per inspection and rule: a rule may score several lines (a milestone's quarterly deadlines, say), and
     * the finding, its note and its photos are kept per rule, so the lines are joined into one deduction. The points
     * lost are the lines' sum, but never more than the item really lost after the engine clamped it to its maximum.
     * %s takes the caller's extra condition and order.
     */
    private static final String DEDUCTIONS = """
            WITH line AS (
                SELECT i.id AS inspection_id, r.id AS round_id, r.name AS round_name, r.period, r.period_end,
                       it.item ->> 'title' AS item_title,
                       (it.item ->> 'max')::numeric - (it.item ->> 'score')::numeric AS item_lost,
                       l.line ->> 'rule' AS rule_code, l.line ->> 'reason' AS reason,
                       -(l.line ->> 'points')::numeric AS points, it.item_no, l.line_no
                FROM inspection i
                JOIN round r ON r.id = i.round_id
                CROSS JOIN LATERAL jsonb_array_elements(CASE jsonb_typeof(i.evaluation -> 'items')
                        WHEN 'array' THEN i.evaluation -> 'items' ELSE '[]'::jsonb END) WITH ORDINALITY AS it(item, item_no)
                CROSS JOIN LATERAL jsonb_array_elements(CASE jsonb_typeof(it.item -> 'lines')
                        WHEN 'array' THEN it.item -> 'lines' ELSE '[]'::jsonb END) WITH ORDINALITY AS l(line, line_no)
                WHERE r.status = 'PUBLISHED' AND i.estate_id = :estate AND (l.line ->> 'points')::numeric < 0 %s
            ), rule AS (
                SELECT inspection_id, round_id, round_name, period, period_end, rule_code, min(item_title) AS item_title,
                       string_agg(reason, '；' ORDER BY line_no) AS reason,
                       CASE WHEN min(item_lost) > 0 THEN least(sum(points), min(item_lost)) ELSE sum(points) END
                           AS points_lost,
                       min(item_no) AS item_no
                FROM line GROUP BY inspection_id, round_id, round_name, period, period_end, rule_code
            )
            SELECT d.*, f.note,
                   (SELECT coalesce(array_agg(ev.file_id::text ORDER BY ev.id), '{}') FROM evidence ev
                    WHERE ev.inspection_id = d.inspection_id AND ev.rule_code = d.rule_code) AS files
            FROM rule d
            LEFT JOIN LATERAL (SELECT string_agg(fn.note, '；' ORDER BY fn.due NULLS FIRST) AS note FROM finding fn
                               WHERE fn.inspection_id = d.inspection_id AND fn.rule_code = d.rule_code) f ON TRUE
            """;

    private final JdbcClient jdbc;

    EstateFindings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The estate's deductions in the published rounds of a scheme and period (a ranking's rounds). */
    public List<Deduction> deductions(long estateId, String schemeCode, String period) {
        return jdbc.sql(DEDUCTIONS.formatted("AND r.scheme_code = :scheme AND r.period = :period")
                        + " ORDER BY d.round_id, d.inspection_id, d.item_no, d.rule_code")
                .param("estate", estateId).param("scheme", schemeCode).param("period", period)
                .query((rs, i) -> deduction(rs)).list();
    }

    /** The estate's deductions in every published round, newest round first. */
    public List<Deduction> deductions(long estateId) {
        return jdbc.sql(DEDUCTIONS.formatted("")
                        + " ORDER BY d.period_end DESC, d.round_id DESC, d.inspection_id, d.item_no, d.rule_code")
                .param("estate", estateId).query((rs, i) -> deduction(rs)).list();
    }

    /** The estate's patrol records 周巡查/月考核, newest first. */
    public List<PatrolEntry> patrols(long estateId) {
        return jdbc.sql("""
                SELECT id, kind, recorded_on, scheme_code, rule_code, count, note, file_id
                FROM patrol_record WHERE estate_id = :estate ORDER BY recorded_on DESC, id DESC""")
                .param("estate", estateId)
                .query((rs, i) -> new PatrolEntry(rs.getLong("id"), rs.getString("kind"),
                        rs.getObject("recorded_on", LocalDate.class), rs.getString("scheme_code"),
                        rs.getString("rule_code"), rs.getInt("count"), rs.getString("note"),
                        rs.getObject("file_id", UUID.class)))
                .list();
    }

    private static Deduction deduction(java.sql.ResultSet rs) throws java.sql.SQLException {
        String[] files = (String[]) rs.getArray("files").getArray();
        return new Deduction(rs.getLong("inspection_id"), rs.getLong("round_id"), rs.getString("round_name"),
                rs.getString("period"), rs.getString("rule_code"), rs.getString("item_title"), rs.getString("reason"),
                rs.getBigDecimal("points_lost"), rs.getString("note"),
                Arrays.stream(files).map(UUID::fromString).toList());
    }

    /**
     * One rule that lost points in a published inspection.
     *
     * @param reason     the scoring engine's sentences saying why (the rule text and what was counted), joined with
     *                   "；" when the rule scored several lines
     * @param pointsLost what the rule cost the estate, at most what its item lost
     * @param files      the evidence photos recorded under the rule
     */
    public record Deduction(long inspectionId, long roundId, String roundName, String period, String ruleCode,
                            String itemTitle, String reason, BigDecimal pointsLost, String note, List<UUID> files) {

        public Deduction {
            files = List.copyOf(files);
        }
    }

    /** A patrol record: kind {@code WEEKLY} or {@code MONTHLY}, the rule and how many occurrences. */
    public record PatrolEntry(long id, String kind, LocalDate recordedOn, String schemeCode, String ruleCode,
                              int count, String note, UUID fileId) {
    }
}
