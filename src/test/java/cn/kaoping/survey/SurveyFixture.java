package cn.kaoping.survey;

import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;
import cn.kaoping.survey.internal.IssueSurveyCodes;
import cn.kaoping.survey.internal.OpenSurvey;
import cn.kaoping.survey.internal.SurveyForms.SurveyForm;
import cn.kaoping.survey.internal.Views.IssuedCode;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test surveys over a small estate of their own in 东风街道 (street_df's street): {@code households} rooms in
 * buildings of ten (building 1: rooms 101–110, …), one unit, with codes issued to all of them.
 */
public final class SurveyFixture {

    static final String STREET = "QH-HD-DF";

    public record Made(long surveyId, long estateId, String estateName, String linkKey, List<IssuedCode> codes) {
        public IssuedCode code(int i) {
            return codes.get(i);
        }
    }

    private final JdbcClient jdbc;
    private final OpenSurvey open;
    private final IssueSurveyCodes issue;
    private final OrganisationDirectory directory;

    public SurveyFixture(JdbcClient jdbc, OpenSurvey open, IssueSurveyCodes issue,
                         OrganisationDirectory directory) {
        this.jdbc = jdbc;
        this.open = open;
        this.issue = issue;
        this.directory = directory;
    }

    /** street_df as the services see it. */
    public KaopingPrincipal streetOfficer() {
        RegionRef street = directory.regionByCode(STREET).orElseThrow();
        return new KaopingPrincipal(0, "street_df", "东风街道", Role.STREET_OFFICER, street.id(), street.path(), null,
                null);
    }

    public Made survey(String questionnaire, String category, int households) {
        return survey(questionnaire, category, households, LocalDate.now().minusDays(2), LocalDate.now().plusDays(30));
    }

    public Made survey(String questionnaire, String category, int households, LocalDate starts, LocalDate ends) {
        long estate = estate(category, households);
        return surveyOf(questionnaire, estate, starts, ends, null);
    }

    /** A new estate of 东风街道 with the given households (an old estate when BASIC). */
    public long estate(String category, int households) {
        var community = community();
        String name = "调查测试小区" + UUID.randomUUID().toString().substring(0, 8);
        long estate = jdbc.sql("""
                INSERT INTO estate (name, address, community_id, region_path, category, old_estate, management_mode,
                                    floor_area, household_count)
                VALUES (:n, '清河市测试路1号', :c, :p, :cat, :old, 'COMPANY', 10000, :h) RETURNING id""")
                .param("n", name).param("c", community.get("id")).param("p", community.get("path"))
                .param("cat", category).param("old", category.equals("BASIC")).param("h", households)
                .query(Long.class).single();
        for (int i = 0; i < households; i++) {
            jdbc.sql("""
                    INSERT INTO household (estate_id, building, unit, room, floor_area)
                    VALUES (:e, :b, '1', :r, 88.5)""")
                    .param("e", estate).param("b", String.valueOf(1 + i / 10)).param("r", String.valueOf(101 + i % 10))
                    .update();
        }
        return estate;
    }

    /** A survey of one estate, opened by street_df (for a round, or stand-alone when {@code roundId} is null). */
    public Made surveyOf(String questionnaire, long estate, LocalDate starts, LocalDate ends, Long roundId) {
        var community = community();
        String name = jdbc.sql("SELECT name FROM estate WHERE id = :e").param("e", estate).query(String.class).single();
        KaopingPrincipal p = streetOfficer();
        long id = open.create(p, new SurveyForm("测试调查 " + name, questionnaire, starts, ends,
                ((Number) community.get("id")).longValue(), List.of(estate), roundId));
        List<IssuedCode> codes = issue.issueCodes(p, id, estate, null, null, null);
        String link = jdbc.sql("SELECT link_key FROM survey_estate WHERE survey_id = :s").param("s", id)
                .query(String.class).single();
        return new Made(id, estate, name, link, codes);
    }

    private java.util.Map<String, Object> community() {
        return jdbc.sql("""
                SELECT c.id, c.path FROM region c JOIN region s ON s.id = c.parent_id
                WHERE s.code = :street ORDER BY c.id LIMIT 1""").param("street", STREET).query().singleRow();
    }

    public int responses(long surveyId) {
        return jdbc.sql("SELECT count(*) FROM survey_response WHERE survey_id = :s").param("s", surveyId)
                .query(Integer.class).single();
    }

    public int answered(long surveyId) {
        return jdbc.sql("SELECT count(*) FROM survey_answered WHERE survey_id = :s").param("s", surveyId)
                .query(Integer.class).single();
    }
}
