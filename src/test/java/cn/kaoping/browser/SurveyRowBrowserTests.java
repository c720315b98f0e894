package cn.kaoping.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.inspection.RoundFixture;
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
import com.microsoft.playwright.Browser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** On the phone form, Erqi row 20 shows the closed survey's result read-only, with where it came from (issue 19). */
@IntegrationTest
class SurveyRowBrowserTests extends BrowserTest {

    @Autowired
    OrganisationDirectory directory;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OpenSurvey open;
    @Autowired
    IssueSurveyCodes codes;
    @Autowired
    CloseSurvey closing;

    @Test
    void theInspectionFormShowsRow20FromTheSurveyReadOnly() {
        SurveyFixture fixture = new SurveyFixture(jdbc, open, codes, directory);
        long estate = fixture.estate("BASIC", 50);
        long street = directory.regionByCode("QH-HD-DF").orElseThrow().id();
        ApiClient admin = ApiClient.as(port, "hedong_admin", Browserless.DEMO_PASSWORD);
        HttpResponse<String> created = admin.send("POST", "/api/v1/rounds", """
                {"name": "东风街道2065年上半年考核 %d", "schemeCode": "erqi-old-estate", "schemeVersion": 1,
                 "period": "2065-H1", "streetId": %d, "oldEstatesOnly": true, "inspectionDue": "2065-07-15",
                 "reviewDue": "2065-07-31", "publicityDays": 7, "confirmOverlap": true}""".formatted(System.nanoTime(), street));
        long round = RoundFixture.json(created).get("id").asLong();
        admin.send("POST", "/api/v1/rounds/" + round + "/open", null);
        Made survey = fixture.surveyOf("erqi-old-estate", estate, LocalDate.now().minusDays(1),
                LocalDate.now().plusDays(10), round);
        for (int i = 0; i < 6; i++) {  // 6 of 50 households (12 %), all satisfied
            IssuedCode c = survey.code(i);
            new OwnerClient(port).submit(survey.linkKey(), c.building(), c.room(), c.code(),
                    Map.of("overall", "S", "sanitation", "S", "order", "S", "facilities", "S", "greening", "S"));
        }
        closing.close(fixture.streetOfficer(), survey.surveyId());
        long task = jdbc.sql("SELECT id FROM inspection WHERE round_id = :r AND estate_id = :e").param("r", round)
                .param("e", estate).query(Long.class).single();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM finding WHERE inspection_id = :t AND source IS NOT NULL").param("t", task)
                .query(Integer.class).single() == 1);

        context.close();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setLocale("zh-CN")
                .setIsMobile(true).setHasTouch(true));
        page = context.newPage();
        signIn("street_df", Browserless.DEMO_PASSWORD);
        page.navigate(url("/rounds/tasks/" + task));
        assertThat(page.locator("#total")).hasText("100");
        assertThat(page.locator("#rule-20 .module-fact")).containsText("由满意度调查自动填入");
        assertThat(page.locator("#rule-20 .module-fact")).containsText("满意度 100%");
        assertThat(page.locator("#rule-20 .module-fact")).containsText("样本 12%");
        assertThat(page.locator("#rule-20 .module-fact")).containsText("有效问卷 6 份 / 50 户");
        assertThat(page.locator("input[name='value:20']")).hasCount(0);
        assertThat(page.locator("input[name='count:10.a']")).isEditable();
        screenshot("inspection-row20-from-survey");

        // the form cannot overwrite it: the API refuses a typed value for the survey's row
        HttpResponse<String> typed = ApiClient.as(port, "street_df", Browserless.DEMO_PASSWORD).send("PUT",
                "/api/v1/inspections/" + task + "/findings", "[{\"rule\":\"20\",\"value\":0.5,\"sample\":0.5}]");
        assertThat(typed.statusCode()).isEqualTo(400);
        assertThat(typed.body()).contains("满意度调查");
    }
}
