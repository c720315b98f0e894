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

    private static final String DEDUCTIONS = """
            SELECT i.id AS inspection_id, r.id AS round_id, r.name AS round_name, r.period, l ->> 'rule' AS rule_code,
                   it ->> 'title' AS item_title, l ->> 'reason' AS reason, -(l ->> 'points')::numeric AS points_lost,
                   f.note,
                   (SELECT coalesce(array_agg(ev.file_id::text ORDER BY ev.id), '{}') FROM evidence ev
                    WHERE ev.inspection_id = i.id AND ev.rule_code = l ->> 'rule') AS files
            FROM inspection i
            JOIN round r ON r.id = i.round_id
            CROSS JOIN LATERAL jsonb_array_elements(CASE jsonb_typeof(i.evaluation -> 'items')
                    WHEN 'array' THEN i.evaluation -> 'items' ELSE '[]'::jsonb END) it
            CROSS JOIN LATERAL jsonb_array_elements(CASE jsonb_typeof(it -> 'lines')
                    WHEN 'array' THEN it -> 'lines' ELSE '[]'::jsonb END) l
            LEFT JOIN finding f ON f.inspection_id = i.id AND f.rule_code = l ->> 'rule'
            WHERE r.status = 'PUBLISHED' AND i.estate_id = :estate AND (l ->> 'points')::numeric < 0
            """;

    private final JdbcClient jdbc;

    EstateFindings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The estate's deductions in the published rounds of a scheme and period (a ranking's rounds). */
    public List<Deduction> deductions(long estateId, String schemeCode, String period) {
        return jdbc.sql(DEDUCTIONS + " AND r.scheme_code = :scheme AND r.period = :period ORDER BY r.id, l ->> 'rule'")
                .param("estate", estateId).param("scheme", schemeCode).param("period", period)
                .query((rs, i) -> deduction(rs)).list();
    }

    /** The estate's deductions in every published round, newest round first. */
    public List<Deduction> deductions(long estateId) {
        return jdbc.sql(DEDUCTIONS + " ORDER BY r.period_end DESC, r.id DESC, l ->> 'rule'")
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
     * One rule line that lost points in a published inspection.
     *
     * @param reason the scoring engine's sentence saying why (the rule text and what was counted)
     * @param files  the evidence photos recorded under the rule
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
