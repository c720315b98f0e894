package cn.kaoping.subsidy;

import static cn.kaoping.subsidy.SubsidyFixture.as;
import static cn.kaoping.subsidy.SubsidyFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.support.ApiClient;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import cn.kaoping.support.Workbooks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * What a street and the district read and download: the claim sheet as spreadsheet cells and as PDF text, the
 * district total per street and grade, the payments outstanding, the audit view of a line, and the screens.
 */
@IntegrationTest
class SubsidyReportTests {

    @LocalServerPort
    int port;
    private final OrganisationDirectory directory;
    private final JdbcClient jdbc;
    private long claim;
    private long line;
    private String estate;

    SubsidyReportTests(@Autowired OrganisationDirectory directory, @Autowired JdbcClient jdbc) {
        this.directory = directory;
        this.jdbc = jdbc;
    }

    /** A claim of 2114-H1 whose 合格 line was corrected to 1234.50 ㎡ entered 2111-07-01 (window to 2114-06-30) → 0.15 × 1234.50 × 6. */
    @BeforeEach
    void claimWithOneCorrectedLine() {
        Long existing = jdbc.sql("SELECT id FROM subsidy_claim WHERE period = '2114-H1' ORDER BY id LIMIT 1")
                .query(Long.class).optional().orElse(null);
        claim = existing != null ? existing
                : SubsidyFixture.claimOf(jdbc,
                        SubsidyFixture.publishOldEstateRound(port, directory, jdbc, "2114-H1"));
        JsonNode c = json(as(port, "street_df").get("/api/v1/subsidies/" + claim));
        for (JsonNode l : c.get("lines")) {
            if ("QUALIFIED".equals(l.get("grade").asString())) {
                line = l.get("id").asLong();
                estate = l.get("estateName").asString();
            }
        }
        if (existing == null) {
            json(as(port, "street_df").send("PUT", "/api/v1/subsidies/lines/" + line,
                    "{\"area\": 1234.50, \"entryDate\": \"2111-07-01\", \"reason\": \"按物业服务合同\"}"));
        }
    }

    private byte[] download(String user, String path) throws Exception {
        String token = SubsidyFixture.JSON.readTree(ApiClient.anonymous(port).send("POST", "/api/v1/auth/token",
                "{\"username\":\"%s\",\"password\":\"%s\"}".formatted(user, Browserless.DEMO_PASSWORD)).body())
                .get("token").asString();
        HttpResponse<byte[]> res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(res.statusCode()).as(path).isEqualTo(200);
        return res.body();
    }

    @Test
    void theClaimSheetSpreadsheetHasARowPerEstateWithRegistryAndUsedValuesAndTheTotal() throws Exception {
        Map<String, List<List<String>>> book = Workbooks.read(download("street_df",
                "/api/v1/subsidies/" + claim + "/sheet.xlsx"));
        List<List<String>> rows = book.values().iterator().next();
        assertThat(rows.get(0)).contains("小区", "等次", "登记面积（㎡）", "采用面积（㎡）", "补贴月份", "补贴金额（元）");
        List<String> row = rows.stream().filter(r -> r.contains(estate)).findFirst().orElseThrow();
        assertThat(row).contains("合格", "1234.50", "2111-07-01", "6", "1111.05");
        assertThat(String.join("|", row)).contains("2114年1月、2114年2月").contains("按物业服务合同");
        List<String> last = rows.get(rows.size() - 1);
        assertThat(last).contains("合计");
    }

    @Test
    void theClaimSheetPdfReadsAsChineseWithTheLineAndTheSignatureBlocks() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(download("hedong_admin", "/api/v1/subsidies/" + claim + "/sheet.pdf"))) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s", "");
            assertThat(text).contains("东风街道2114-H1老旧小区物业管理考核补贴申报表").contains(estate)
                    .contains("1111.05").contains("区政府审批");
        }
    }

    @Test
    void theDistrictTotalIsTheSumOfItsStreetsAndGradesAndThePaymentsOutstandingStartWithApproval() {
        JsonNode d = json(as(port, "hedong_admin").get("/api/v1/subsidies/district?year=2114"));
        assertThat(d.get("districtName").asString()).isEqualTo("河东区");
        java.math.BigDecimal streets = java.math.BigDecimal.ZERO;
        for (JsonNode s : d.get("streets")) {
            streets = streets.add(s.get("total").decimalValue());
        }
        java.math.BigDecimal grades = java.math.BigDecimal.ZERO;
        for (JsonNode g : d.get("grades")) {
            grades = grades.add(g.get("total").decimalValue());
        }
        assertThat(d.get("total").decimalValue()).isEqualByComparingTo(streets).isEqualByComparingTo(grades)
                .isGreaterThanOrEqualTo(new java.math.BigDecimal("1111.05"));
        assertThat(json(as(port, "street_xh").get("/api/v1/subsidies/district?year=2114")).get("streets"))
                .isEmpty();
        assertThat(json(as(port, "hedong_dept").get("/api/v1/subsidies/outstanding")).findValuesAsString("period"))
                .doesNotContain("2114-H1");
    }

    @Test
    void theScreensShowTheClaimsTheLineAuditAndTheDistrictTotalInScopeOnly() {
        Browserless street = Browserless.signIn(port, "street_df", Browserless.DEMO_PASSWORD);
        assertThat(street.get("/subsidies?year=2114").body()).contains("2114-H1").contains("东风街道");
        String page = street.get("/subsidies/" + claim).body();
        assertThat(page).contains(estate).contains("1111.05").contains("id=\"submit\"")
                .doesNotContain("id=\"approve\"");
        String audit = street.get("/subsidies/lines/" + line).body();
        assertThat(audit).contains("0.15 元/㎡/月 × 1234.50 ㎡ × 6 个月 = 1111.05 元")
                .contains("2114年1月、2114年2月、2114年3月、2114年4月、2114年5月、2114年6月")
                .contains("三年期限至 2114-06-30");
        Browserless office = Browserless.signIn(port, "hedong_admin", Browserless.DEMO_PASSWORD);
        assertThat(office.get("/subsidies/district?year=2114").body()).contains("河东区 2114 年老旧小区物业补贴汇总")
                .contains("合格");
        Browserless city = Browserless.signIn(port, "city_admin", Browserless.DEMO_PASSWORD);
        assertThat(city.get("/subsidies?year=2114").body()).contains("2114-H1").doesNotContain("district-link");
        Browserless xh = Browserless.signIn(port, "street_xh", Browserless.DEMO_PASSWORD);
        assertThat(xh.get("/subsidies/" + claim).statusCode()).isEqualTo(404);
        assertThat(xh.get("/subsidies/lines/" + line).statusCode()).isEqualTo(404);
        assertThat(xh.post("/subsidies/" + claim + "/submit", Map.of("note", "x")).statusCode()).isEqualTo(404);
        assertThat(json(as(port, "street_df").get("/api/v1/subsidies/" + claim)).get("claim").get("status")
                .asString()).isEqualTo("DRAFT");
    }
}
