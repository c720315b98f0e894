package cn.kaoping.survey.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL several survey use cases share: a survey's row, its estates and their tallies. Every query reads only the
 * survey's own tables (the estates and households were copied from the registry when the survey opened).
 */
@Repository
class SurveyStore {

    record SurveyRecord(long id, String title, String questionnaire, Long roundId, String regionPath,
                        LocalDate startsOn, LocalDate endsOn, String status, byte[] salt, String createdBy,
                        String closedBy, Instant closedAt) {

        boolean closed() {
            return "CLOSED".equals(status);
        }
    }

    record EstateInfo(long estateId, String name, String regionPath, String district, String street,
                      String linkKey) {
    }

    private static final RowMapper<SurveyRecord> SURVEY = (rs, i) -> new SurveyRecord(rs.getLong("id"),
            rs.getString("title"), rs.getString("questionnaire"), (Long) rs.getObject("round_id"),
            rs.getString("region_path"), rs.getObject("starts_on", LocalDate.class),
            rs.getObject("ends_on", LocalDate.class), rs.getString("status"), rs.getBytes("salt"),
            rs.getString("created_by"), rs.getString("closed_by"),
            rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant());

    private final JdbcClient jdbc;

    SurveyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The survey if at least one of its estates lies in {@code scope} (a region path pattern). */
    Optional<SurveyRecord> visible(long id, String scope) {
        return jdbc.sql("""
                SELECT s.* FROM survey s WHERE s.id = :id AND EXISTS (
                    SELECT 1 FROM survey_estate se WHERE se.survey_id = s.id AND se.region_path LIKE :scope)""")
                .param("id", id).param("scope", scope).query(SURVEY).optional();
    }

    /** Any survey, without a user's scope. */
    Optional<SurveyRecord> find(long id) {
        return jdbc.sql("SELECT * FROM survey WHERE id = :id").param("id", id).query(SURVEY).optional();
    }

    /** The survey row, locked until the transaction ends. */
    SurveyRecord lock(long id) {
        return jdbc.sql("SELECT * FROM survey WHERE id = :id FOR UPDATE").param("id", id).query(SURVEY).single();
    }

    /** The survey's estates in {@code scope}, by region path and name. */
    List<EstateInfo> estates(long surveyId, String scope) {
        return jdbc.sql("""
                SELECT estate_id, estate_name AS name, region_path, link_key, district_name AS district,
                       street_name AS street
                FROM survey_estate
                WHERE survey_id = :s AND region_path LIKE :scope
                ORDER BY region_path, estate_name""")
                .param("s", surveyId).param("scope", scope)
                .query((rs, i) -> new EstateInfo(rs.getLong("estate_id"), rs.getString("name"),
                        rs.getString("region_path"), rs.getString("district"), rs.getString("street"),
                        rs.getString("link_key")))
                .list();
    }

    /** The tallies of a survey's estates (all of them when scope is {@code %}). */
    Map<Long, Tally> tallies(long surveyId, Questionnaire q, String scope) {
        Map<Long, int[]> households = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT estate_id, household_count AS n FROM survey_estate
                WHERE survey_id = :s AND region_path LIKE :scope""")
                .param("s", surveyId).param("scope", scope)
                .query(rs -> {
                    households.put(rs.getLong("estate_id"), new int[] {rs.getInt("n")});
                });
        Map<Long, Tally> out = new LinkedHashMap<>();
        String full = q.fullySatisfiedOption();
        jdbc.sql("""
                SELECT r.estate_id, r.key_answer, count(*) AS n, sum(r.score) AS total FROM survey_response r
                JOIN survey_estate se ON se.survey_id = r.survey_id AND se.estate_id = r.estate_id
                WHERE r.survey_id = :s AND se.region_path LIKE :scope GROUP BY r.estate_id, r.key_answer""")
                .param("s", surveyId).param("scope", scope)
                .query(rs -> {
                    long estate = rs.getLong("estate_id");
                    String key = rs.getString("key_answer");
                    int n = rs.getInt("n");
                    Tally t = out.getOrDefault(estate, Tally.empty(0));
                    boolean satisfied = key != null && q.satisfied(key);
                    out.put(estate, new Tally(0, t.respondents() + n,
                            t.satisfied() + (satisfied && key.equals(full) ? n : 0),
                            t.basicallySatisfied() + (satisfied && !key.equals(full) ? n : 0),
                            t.scoreSum().add(rs.getBigDecimal("total"))));
                });
        Map<Long, Tally> result = new LinkedHashMap<>();
        households.forEach((estate, n) -> {
            Tally t = out.getOrDefault(estate, Tally.empty(0));
            result.put(estate, new Tally(n[0], t.respondents(), t.satisfied(), t.basicallySatisfied(), t.scoreSum()));
        });
        out.forEach((estate, t) -> result.putIfAbsent(estate, t));
        return result;
    }
}
