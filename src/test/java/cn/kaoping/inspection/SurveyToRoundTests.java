package cn.kaoping.inspection;

import static cn.kaoping.inspection.RoundFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.support.ApiClient;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import cn.kaoping.survey.OwnerClient;
import cn.kaoping.survey.SurveyFixture;
import cn.kaoping.survey.SurveyFixture.Made;
import cn.kaoping.survey.internal.CloseSurvey;
import cn.kaoping.survey.internal.IssueSurveyCodes;
import cn.kaoping.survey.internal.OpenSurvey;
import cn.kaoping.survey.internal.Views.IssuedCode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Erqi row 20 (seed 004, row 20: 居民满意度, sample ≥ 10 %) is filled from the estate's closed owner survey, or by hand
 * with its sample, so that 优秀 (≥ 95) and the 0.30 元/㎡/月 subsidy tier can be reached (issue 19).
 */
@IntegrationTest
class SurveyToRoundTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OpenSurvey open;
    @Autowired
    IssueSurveyCodes codes;
    @Autowired
    CloseSurvey closing;
    @Autowired
    OrganisationDirectory directory;

    @Test
    void aSurveyClosingAfterSubmissionRescoresTheEstateTo100ExcellentAndTheSubsidyPaysTheExcellentRate() {
        SurveyFixture fixture = new SurveyFixture(jdbc, open, codes, directory);
        long estate = fixture.estate("BASIC", 100);
        giveCompany(estate, LocalDate.of(2060, 1, 1));
        long round = openRound("2061-H1");
        Made survey = fixture.surveyOf("erqi-old-estate", estate, LocalDate.now().minusDays(2),
                LocalDate.now().plusDays(30), round);
        answer(survey, 10, 2);  // 12 of 100 households (12 %), 10 satisfied: 83.33 % ≥ 80 % → 10 points
        long task = taskOf(round, estate);

        submitAll(round);
        assertThat(total(task)).as("before the survey closes, row 20 has no data").isEqualByComparingTo("90");

        closing.close(fixture.streetOfficer(), survey.surveyId());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> total(task).compareTo(new BigDecimal("100")) == 0);
        JsonNode inspection = json(officer().get("/api/v1/inspections/" + task));
        assertThat(inspection.toString()).contains("满意度调查");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'SURVEY_RESULT' AND entity_id = :t")
                .param("t", String.valueOf(task)).query(Integer.class).single()).isEqualTo(1);

        acceptAndPublish(round);
        assertThat(jdbc.sql("SELECT grade FROM inspection WHERE id = :t").param("t", task).query(String.class).single())
                .isEqualTo("EXCELLENT");
        BigDecimal rate = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                SELECT l.rate FROM subsidy_line l JOIN subsidy_claim c ON c.id = l.claim_id
                WHERE c.round_id = :r AND l.estate_id = :e""").param("r", round).param("e", estate)
                .query(BigDecimal.class).optional().orElse(null), r -> r != null);
        assertThat(rate).isEqualByComparingTo("0.30");
    }

    @Test
    void underTheTenPercentSampleRow20ScoresNothingWithAWarning() {
        SurveyFixture fixture = new SurveyFixture(jdbc, open, codes, directory);
        long estate = fixture.estate("BASIC", 100);
        long round = openRound("2062-H1");
        Made survey = fixture.surveyOf("erqi-old-estate", estate, LocalDate.now().minusDays(2),
                LocalDate.now().plusDays(30), round);
        answer(survey, 9, 0);  // 9 % of households, all satisfied
        long task = taskOf(round, estate);
        closing.close(fixture.streetOfficer(), survey.surveyId());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM finding WHERE inspection_id = :t AND rule_code = '20'").param("t", task)
                .query(Integer.class).single() == 1);

        JsonNode evaluation = json(officer().get("/api/v1/inspections/" + task)).get("evaluation");
        assertThat(evaluation.get("total").decimalValue()).isEqualByComparingTo("90");
        assertThat(evaluation.get("warnings").toString()).contains("SAMPLE_INSUFFICIENT").contains("低于 10%");
    }

    @Test
    void aSurveyClosingAfterPublicationChangesNothing() {
        SurveyFixture fixture = new SurveyFixture(jdbc, open, codes, directory);
        long estate = fixture.estate("BASIC", 100);
        long round = openRound("2063-H1");
        Made survey = fixture.surveyOf("erqi-old-estate", estate, LocalDate.now().minusDays(2),
                LocalDate.now().plusDays(30), round);
        answer(survey, 12, 0);
        long task = taskOf(round, estate);
        submitAll(round);
        acceptAndPublish(round);

        closing.close(fixture.streetOfficer(), survey.surveyId());
        // the listener runs after the close commits; give it the time it would need, then check nothing moved
        Awaitility.await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(total(task)).isEqualByComparingTo("90");
        assertThat(jdbc.sql("SELECT content ->> 'estates' FROM round_result WHERE round_id = :r").param("r", round)
                .query(String.class).single()).doesNotContain("满意度调查");
    }

    @Test
    void aSurveyRunOutsideKaopingIsEnteredWithItsSampleAndAMissingSampleIsA400NamingTheRule() {
        long round = openRound("2064-H1");
        long task = RoundFixture.inspections(officer(), round).get(0);

        HttpResponse<String> noSample = officer().send("PUT", "/api/v1/inspections/" + task + "/findings",
                "[{\"rule\":\"20\",\"value\":0.92}]");
        assertThat(noSample.statusCode()).as(noSample.body()).isEqualTo(400);
        assertThat(noSample.body()).contains("20").contains("样本");

        HttpResponse<String> withSample = officer().send("PUT", "/api/v1/inspections/" + task + "/findings",
                "[{\"rule\":\"20\",\"value\":0.85,\"sample\":0.12}]");
        assertThat(withSample.statusCode()).as(withSample.body()).isEqualTo(200);
        assertThat(json(withSample).get("total").decimalValue()).isEqualByComparingTo("100");
        assertThat(json(withSample).get("gradeLabel").asString()).isEqualTo("优秀");

        HttpResponse<String> outOfRange = officer().send("PUT", "/api/v1/inspections/" + task + "/findings",
                "[{\"rule\":\"20\",\"value\":0.85,\"sample\":1.5}]");
        assertThat(outOfRange.statusCode()).isEqualTo(400);
        HttpResponse<String> noRule = officer().send("PUT", "/api/v1/inspections/" + task + "/findings",
                "[{\"rule\":null,\"count\":1}]");
        assertThat(noRule.statusCode()).as(noRule.body()).isEqualTo(400);
    }

    // -------------------------------------------------------------------------------------------------------------

    private ApiClient admin() {
        return ApiClient.as(port, "hedong_admin", Browserless.DEMO_PASSWORD);
    }

    private ApiClient officer() {
        return ApiClient.as(port, "street_df", Browserless.DEMO_PASSWORD);
    }

    private long openRound(String period) {
        long street = directory.regionByCode("QH-HD-DF").orElseThrow().id();
        int year = Integer.parseInt(period.substring(0, 4));
        HttpResponse<String> res = admin().send("POST", "/api/v1/rounds", """
                {"name": "东风街道%s老旧小区考核 %d", "schemeCode": "erqi-old-estate", "schemeVersion": 1,
                 "period": "%s", "streetId": %d, "oldEstatesOnly": true, "inspectionDue": "%d-07-15",
                 "reviewDue": "%d-07-31", "publicityDays": 0, "confirmOverlap": true}""".formatted(period, System.nanoTime(), period, street,
                year, year));
        assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
        long round = json(res).get("id").asLong();
        assertThat(admin().send("POST", "/api/v1/rounds/" + round + "/open", null).statusCode()).isEqualTo(200);
        return round;
    }

    private void answer(Made survey, int satisfied, int unsatisfied) {
        for (int i = 0; i < satisfied + unsatisfied; i++) {
            IssuedCode c = survey.code(i);
            String a = i < satisfied ? "S" : "U";
            assertThat(new OwnerClient(port).submit(survey.linkKey(), c.building(), c.room(), c.code(),
                    Map.of("overall", a, "sanitation", a, "order", a, "facilities", a, "greening", a)).body())
                    .contains("提交成功");
        }
    }

    private long taskOf(long round, long estate) {
        return jdbc.sql("SELECT id FROM inspection WHERE round_id = :r AND estate_id = :e").param("r", round)
                .param("e", estate).query(Long.class).single();
    }

    private BigDecimal total(long task) {
        return jdbc.sql("SELECT coalesce(total, 0) FROM inspection WHERE id = :t").param("t", task)
                .query(BigDecimal.class).single();
    }

    private void giveCompany(long estate, LocalDate entry) {
        jdbc.sql("""
                UPDATE estate SET company_id = (SELECT min(id) FROM property_company), contract_start = :d
                WHERE id = :e""").param("d", entry).param("e", estate).update();
    }

    private void submitAll(long round) {
        for (long t : RoundFixture.inspections(officer(), round)) {
            HttpResponse<String> res = officer().send("POST", "/api/v1/inspections/" + t + "/submit", null);
            assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        }
    }

    private void acceptAndPublish(long round) {
        List<Long> tasks = new ArrayList<>(RoundFixture.inspections(admin(), round));
        for (long t : tasks) {
            HttpResponse<String> res = admin().send("POST", "/api/v1/inspections/" + t + "/accept", null);
            assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        }
        assertThat(admin().send("POST", "/api/v1/rounds/" + round + "/publicity", null).statusCode()).isEqualTo(200);
        HttpResponse<String> published = admin().send("POST", "/api/v1/rounds/" + round + "/publish", null);
        assertThat(published.statusCode()).as(published.body()).isIn(200, 201);
    }
}
