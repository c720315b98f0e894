package cn.kaoping.survey;

import static org.assertj.core.api.Assertions.assertThat;

import cn.idev.excel.FastExcel;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import cn.kaoping.survey.SurveyFixture.Made;
import cn.kaoping.survey.internal.IssueSurveyCodes;
import cn.kaoping.survey.internal.OpenSurvey;
import cn.kaoping.survey.internal.SurveySettings;
import cn.kaoping.survey.internal.Views.IssuedCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Officials open a survey, print slips and posters, watch the dashboard and export; other streets see nothing. */
@IntegrationTest
class SurveyScreensTests {

    private static final Map<String, String> SATISFIED = Map.of("contract", "S", "sanitation", "S",
            "facilities", "B", "order", "S", "greening", "S");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OpenSurvey open;
    @Autowired
    IssueSurveyCodes codes;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    SurveySettings settings;

    SurveyFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new SurveyFixture(jdbc, open, codes, directory);
    }

    private void answer(Made m, int i, Map<String, String> answers) {
        IssuedCode c = m.code(i);
        assertThat(new OwnerClient(port).submit(m.linkKey(), c.building(), c.room(), c.code(), answers).body())
                .contains("提交成功");
    }

    private static String row(String html, long estateId) {
        Matcher m = Pattern.compile("<tr data-estate=\"" + estateId + "\">(.*?)</tr>", Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("estate row").isTrue();
        return m.group(1);
    }

    @Test
    void aStreetOfficerOpensASurveyForAnEstateAndSeesItOnTheList() {
        Made existing = fixture.survey("shenyang-professional", "PROFESSIONAL", 10);
        Browserless officer = Browserless.signIn(port, "street_df", Browserless.DEMO_PASSWORD);
        assertThat(officer.get("/surveys/new").body()).contains("沈阳市住宅小区物业服务质量满意度评价表（专业化）");
        long community = jdbc.sql("SELECT community_id FROM estate WHERE id = :e").param("e", existing.estateId())
                .query(Long.class).single();
        HttpResponse<String> res = officer.post("/surveys", Map.of("title", "2026年上半年满意度调查",
                "questionnaire", "hangzhou-overall", "regionId", String.valueOf(community),
                "estateIds", String.valueOf(existing.estateId()), "startsOn", "2026-01-01", "endsOn", "2026-12-31"));
        assertThat(res.statusCode()).isEqualTo(302);
        String location = res.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/surveys/\\d+");
        String dashboard = officer.get(URI.create(location).getPath()).body();
        assertThat(dashboard).contains("2026年上半年满意度调查").contains(existing.estateName())
                .contains("（满意 + 基本满意）÷ 全体业主");
        assertThat(officer.get("/surveys").body()).contains("2026年上半年满意度调查");

        HttpResponse<String> invalid = officer.post("/surveys", Map.of("title", "", "questionnaire", "",
                "regionId", String.valueOf(community), "startsOn", "2026-05-01", "endsOn", "2026-04-01"));
        assertThat(invalid.statusCode()).isEqualTo(200);
        assertThat(invalid.body()).contains("请填写调查名称").contains("请选择问卷").contains("结束日期不能早于开始日期");
    }

    @Test
    void theDashboardCallsASurveyValidAtExactlyThirtyPercentOfOwners() {
        Made m = fixture.survey("shenyang-professional", "PROFESSIONAL", 10);
        answer(m, 0, SATISFIED);
        answer(m, 1, SATISFIED);
        Browserless officer = Browserless.signIn(port, "street_df", Browserless.DEMO_PASSWORD);
        assertThat(row(officer.get("/surveys/" + m.surveyId()).body(), m.estateId())).contains("20.00 %")
                .contains("未达 30%");
        answer(m, 2, SATISFIED);
        String row = row(officer.get("/surveys/" + m.surveyId()).body(), m.estateId());
        assertThat(row).contains("30.00 %").contains("达到 30%").contains("92.00 %");
    }

    @Test
    void theErqiSampleIsEnoughAtExactlyTenPercentOfHouseholds() {
        Made m = fixture.survey("erqi-old-estate", "BASIC", 20);
        Map<String, String> erqi = Map.of("overall", "B", "sanitation", "S", "order", "S", "facilities", "U",
                "greening", "S");
        answer(m, 0, erqi);
        Browserless officer = Browserless.signIn(port, "street_df", Browserless.DEMO_PASSWORD);
        assertThat(row(officer.get("/surveys/" + m.surveyId()).body(), m.estateId())).contains("5.00 %")
                .contains("未达 10%");
        answer(m, 1, erqi);
        assertThat(row(officer.get("/surveys/" + m.surveyId()).body(), m.estateId())).contains("10.00 %")
                .contains("达到 10%").contains("100.00 %");
    }

    @Test
    void printedSlipsCarryEachHouseholdsCodeWhichWorksOnTheOwnersPage() throws IOException {
        Made m = fixture.survey("shenyang-professional", "PROFESSIONAL", 12);
        Browserless officer = Browserless.signIn(port, "street_df", Browserless.DEMO_PASSWORD);
        String estatePage = officer.get("/surveys/" + m.surveyId() + "/estates/" + m.estateId()).body();
        assertThat(estatePage).contains("/s/" + m.linkKey());
        HttpResponse<byte[]> pdf = download(officer, estatePage, "/surveys/" + m.surveyId() + "/estates/"
                + m.estateId() + "/slips", Map.of("building", "2"));
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            text = new PDFTextStripper().getText(doc);
        }
        assertThat(text).contains(m.estateName()).contains("2栋1单元101室").contains("2栋1单元102室")
                .doesNotContain("1栋1单元101室");
        Matcher code = Pattern.compile("([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})").matcher(text);
        List<String> codes = new ArrayList<>();
        while (code.find()) {
            codes.add(code.group(1));
        }
        assertThat(codes).hasSize(2);
        // the fixture's earlier code for 2栋101室 no longer works; the printed one does
        IssuedCode old = m.codes().stream().filter(c -> c.building().equals("2") && c.room().equals("101"))
                .findFirst().orElseThrow();
        assertThat(new OwnerClient(port).submit(m.linkKey(), "2", "101", old.code(), SATISFIED).body())
                .contains("回执码不正确");
        String printed = text.substring(text.indexOf("2栋1单元101室"));
        Matcher first = Pattern.compile("([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})").matcher(printed);
        assertThat(first.find()).isTrue();
        assertThat(new OwnerClient(port).submit(m.linkKey(), "2栋", "101室", first.group(1).toLowerCase(), SATISFIED)
                .body()).contains("提交成功");
    }

    @Test
    void postersGiveEachBuildingAPageWithTheEstateLink() throws IOException {
        Made m = fixture.survey("shenyang-professional", "PROFESSIONAL", 25);
        Browserless officer = Browserless.signIn(port, "street_df", Browserless.DEMO_PASSWORD);
        HttpResponse<byte[]> pdf = bytes(officer, "/surveys/" + m.surveyId() + "/estates/" + m.estateId() + "/posters");
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(3);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains(m.estateName() + " 1栋").contains(m.estateName() + " 3栋")
                    .contains("/s/" + m.linkKey()).contains("匿名调查");
        }
    }

    @Test
    void theExportHoldsAnswersButNothingThatIdentifiesAHousehold() throws IOException {
        Made m = fixture.survey("shenyang-professional", "PROFESSIONAL", 10);
        answer(m, 0, SATISFIED);
        answer(m, 5, Map.of("contract", "U", "sanitation", "U", "facilities", "B", "order", "S", "greening", "S"));
        Browserless officer = Browserless.signIn(port, "street_df", Browserless.DEMO_PASSWORD);
        HttpResponse<byte[]> xlsx = bytes(officer, "/surveys/" + m.surveyId() + "/export");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        List<Map<Integer, String>> rows = FastExcel.read(new ByteArrayInputStream(xlsx.body())).sheet(0)
                .headRowNumber(0).doReadSync();
        assertThat(rows.get(0).values()).containsExactly("小区", "区", "街道办事处", "渠道", "合同履职", "环境卫生",
                "基础设施养护", "秩序维护", "绿化养护", "得分(%)");
        List<Map<Integer, String>> data = rows.subList(1, rows.size());
        assertThat(data).hasSize(2).allSatisfy(r -> assertThat(r.get(0)).isEqualTo(m.estateName()));
        List<Long> householdIds = jdbc.sql("SELECT household_id FROM survey_household WHERE survey_id = :s")
                .param("s", m.surveyId()).query(Long.class).list();
        for (Map<Integer, String> r : data) {
            for (String cell : r.values()) {
                String v = cell == null ? "" : cell;
                assertThat(v).doesNotContain("栋").doesNotContain("室").doesNotContain("101").doesNotContain("106")
                        .doesNotMatch("\\d{4}-\\d{2}-\\d{2}.*");
                assertThat(householdIds).doesNotContain(v.matches("\\d+") ? Long.valueOf(v) : -1L);
            }
        }
        // the stored answers carry no household, person or exact time either
        assertThat(jdbc.sql("""
                SELECT column_name FROM information_schema.columns WHERE table_name = 'survey_response'
                ORDER BY ordinal_position""").query(String.class).list())
                .containsExactly("id", "survey_id", "estate_id", "channel", "received_on", "answers", "score",
                        "key_answer", "void_key");
    }

    @Test
    void aStreetOfficerOfAnotherStreetCanNeitherSeeNorManageTheSurvey() {
        Made m = fixture.survey("shenyang-professional", "PROFESSIONAL", 10);
        Browserless other = Browserless.signIn(port, "street_xh", Browserless.DEMO_PASSWORD);
        String base = "/surveys/" + m.surveyId();
        assertThat(other.get(base).statusCode()).isEqualTo(404);
        assertThat(other.get(base + "/estates/" + m.estateId()).statusCode()).isEqualTo(404);
        assertThat(other.get(base + "/export").statusCode()).isEqualTo(404);
        assertThat(other.get(base + "/estates/" + m.estateId() + "/posters").statusCode()).isEqualTo(404);
        assertThat(other.post(base + "/close", Map.of()).statusCode()).isEqualTo(404);
        assertThat(other.post(base + "/estates/" + m.estateId() + "/slips", Map.of()).statusCode()).isEqualTo(404);
        assertThat(other.post(base + "/estates/" + m.estateId() + "/void", Map.of("building", "1", "room", "101",
                "code", m.code(0).code(), "reason", "x")).statusCode()).isEqualTo(404);
        assertThat(other.get("/surveys").body()).doesNotContain(m.estateName());
        assertThat(fixture.responses(m.surveyId())).isZero();
        // the district above the street sees it
        assertThat(Browserless.signIn(port, "hedong_admin", Browserless.DEMO_PASSWORD).get(base).body())
                .contains(m.estateName());
    }

    @Test
    void aBurstOfSubmissionsFromOneClientIsFlaggedOnTheDashboard() {
        Made m = fixture.survey("hangzhou-overall", "PROFESSIONAL", settings.burstCount() + 2);
        Browserless officer = Browserless.signIn(port, "street_df", Browserless.DEMO_PASSWORD);
        for (int i = 0; i < settings.burstCount() - 1; i++) {
            IssuedCode c = m.code(i);
            new OwnerClient(port).submit(m.linkKey(), c.building(), c.room(), c.code(), Map.of("overall", "S"));
        }
        assertThat(officer.get("/surveys/" + m.surveyId()).body()).doesNotContain("异常提交提醒");
        IssuedCode c = m.code(settings.burstCount());
        new OwnerClient(port).submit(m.linkKey(), c.building(), c.room(), c.code(), Map.of("overall", "S"));
        assertThat(officer.get("/surveys/" + m.surveyId()).body()).contains("异常提交提醒")
                .contains(settings.burstCount() + " 份答卷集中提交");
    }

    @Test
    void thePerQuestionBreakdownCountsEachAnswer() {
        Made m = fixture.survey("shenyang-professional", "PROFESSIONAL", 10);
        answer(m, 0, SATISFIED);
        answer(m, 1, Map.of("contract", "U", "sanitation", "S", "facilities", "B", "order", "S", "greening", "S"));
        Browserless officer = Browserless.signIn(port, "street_df", Browserless.DEMO_PASSWORD);
        String page = officer.get("/surveys/" + m.surveyId() + "/estates/" + m.estateId()).body();
        Matcher contract = Pattern.compile("<tr data-question=\"contract\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
        assertThat(contract.find()).isTrue();
        assertThat(contract.group(1).replaceAll("\\s+", " ")).contains("1 (50.0%)").contains("0 (0.0%)");
        assertThat(page).contains("breakdown-data").contains("\"counts\":[[1,0,1],[2,0,0],[0,2,0],[2,0,0],[2,0,0]]");
    }

    // -------------------------------------------------------------------------------------------- helpers

    private HttpResponse<byte[]> bytes(Browserless session, String path) {
        try {
            return HttpClient.newBuilder().cookieHandler(session.cookies()).build().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<byte[]> download(Browserless session, String page, String path, Map<String, String> form) {
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).isTrue();
        Map<String, String> all = new LinkedHashMap<>(form);
        all.put("_csrf", csrf.group(1));
        StringBuilder body = new StringBuilder();
        all.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(Browserless.enc(k)).append('=')
                .append(Browserless.enc(v)));
        try {
            return HttpClient.newBuilder().cookieHandler(session.cookies()).build().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
