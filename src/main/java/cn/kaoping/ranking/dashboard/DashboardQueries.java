package cn.kaoping.ranking.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Reads of the ranking tables that the {@code Rankings} facade has no call for: scheme choices, survey turnout. */
@Repository
@Transactional(readOnly = true)
class DashboardQueries {

    private final JdbcClient jdbc;

    DashboardQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A scheme that has rankings, with its title. */
    record SchemeOption(String code, String title) {
    }

    /**
     * One closed survey's turnout over the estates in scope.
     *
     * @param participation respondents ÷ households as a percentage, two decimals, cut (never rounded up past a
     *                      threshold)
     * @param threshold     the questionnaire's minimum participation as a percentage, or null without one
     * @param validEstates  estates whose own participation reached the threshold
     */
    record SurveyTurnout(long surveyId, String title, LocalDate startsOn, LocalDate endsOn, int estates,
                         int households, int respondents, BigDecimal participation, BigDecimal threshold,
                         int validEstates) {
    }

    /** Schemes with rankings, the one with the newest ranking first. */
    List<SchemeOption> schemes() {
        return jdbc.sql("""
                SELECT scheme_code, (array_agg(scheme_title ORDER BY period_end DESC, id DESC))[1] AS title
                FROM ranking GROUP BY scheme_code
                ORDER BY max(period_end) DESC, max(period_start) DESC, scheme_code""")
                .query((rs, i) -> new SchemeOption(rs.getString("scheme_code"), rs.getString("title"))).list();
    }

    /**
     * The turnout of the latest closed surveys of a scheme under a region path, oldest first (at most
     * {@code limit}); households and respondents are summed over the estates in scope.
     */
    List<SurveyTurnout> turnout(String regionPath, String schemeCode, int limit) {
        List<SurveyTurnout> rows = new ArrayList<>(jdbc.sql("""
                SELECT survey_id, min(title) AS title, min(starts_on) AS starts_on, min(ends_on) AS ends_on,
                       count(*) AS estates, sum(households) AS households, sum(respondents) AS respondents,
                       max(min_participation) AS threshold, count(*) FILTER (WHERE valid) AS valid_estates
                FROM ranking_satisfaction
                WHERE region_path LIKE :path AND scheme_code = :scheme
                GROUP BY survey_id
                ORDER BY min(ends_on) DESC, survey_id DESC
                LIMIT :limit""")
                .param("path", regionPath + "%").param("scheme", schemeCode).param("limit", limit)
                .query((rs, i) -> {
                    int households = rs.getInt("households");
                    int respondents = rs.getInt("respondents");
                    BigDecimal threshold = rs.getBigDecimal("threshold");
                    return new SurveyTurnout(rs.getLong("survey_id"), rs.getString("title"),
                            rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                            rs.getInt("estates"), households, respondents, percent(respondents, households),
                            threshold == null ? null : whole(threshold.movePointRight(2)),
                            rs.getInt("valid_estates"));
                })
                .list());
        Collections.reverse(rows);
        return rows;
    }

    /** 30.0000 as 30, 12.5000 as 12.5 (never 3E+1). */
    static BigDecimal whole(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    static BigDecimal percent(int part, int whole) {
        if (whole == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.DOWN);
    }
}
