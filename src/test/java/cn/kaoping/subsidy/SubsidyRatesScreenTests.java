package cn.kaoping.subsidy;

import static cn.kaoping.subsidy.SubsidyFixture.as;
import static cn.kaoping.subsidy.SubsidyFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.support.ApiClient;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rates screen /subsidies/rates: the district admin sets the four rates of a year (exact to the fen, a typing
 * mistake shown beside its field with what was typed kept), a street office reads them but cannot change them, and
 * no one changes them once a claim of the year is approved — on the screen as through the API.
 */
@IntegrationTest
class SubsidyRatesScreenTests {

    @LocalServerPort
    int port;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    JdbcClient jdbc;

    private static String after(Browserless b, HttpResponse<String> res) {
        assertThat(res.statusCode()).isEqualTo(302);
        return b.get(res.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "")).body();
    }

    @Test
    void theDistrictAdminSavesTheRatesOfAYearAndIsToldBesideTheFieldWhatIsWrong() {
        Browserless office = Browserless.signIn(port, "hedong_admin", Browserless.DEMO_PASSWORD);
        assertThat(office.get("/subsidies").body()).contains("/subsidies/rates");
        String before = office.get("/subsidies/rates?year=2117").body();
        assertThat(before).contains("采用默认标准").contains("value=\"0.30\"").contains("value=\"0.15\"")
                .contains("id=\"save-rates\"");

        HttpResponse<String> invalid = office.post("/subsidies/rates", Map.of("year", "2117",
                "EXCELLENT", "0.35", "GOOD", "-0.1", "QUALIFIED", "一角", "UNQUALIFIED", "0.001"));
        assertThat(invalid.statusCode()).isEqualTo(200);
        assertThat(invalid.body()).contains("补贴标准不能为负数").contains("请填写数字").contains("最多两位小数")
                .as("what was typed stays").contains("value=\"一角\"").contains("value=\"-0.1\"")
                .contains("value=\"0.35\"");
        assertThat(office.get("/subsidies/rates?year=2117").body()).as("nothing saved").contains("采用默认标准");

        String saved = after(office, office.post("/subsidies/rates", Map.of("year", "2117",
                "EXCELLENT", "0.35", "GOOD", "0.2", "QUALIFIED", "0.15", "UNQUALIFIED", "0")));
        assertThat(saved).contains("补贴标准已保存").contains("本区自定标准").contains("value=\"0.35\"")
                .contains("value=\"0.20\"").contains("value=\"0.00\"");
        assertThat(json(as(port, "street_df").get("/api/v1/subsidies/rates/2117")).get("EXCELLENT").decimalValue())
                .as("the API reads what the screen saved").isEqualByComparingTo("0.35");
    }

    @Test
    void aYearOutsideTheCalendarIsRefusedWithAMessageNotShownAsAPage() {
        Browserless office = Browserless.signIn(port, "hedong_admin", Browserless.DEMO_PASSWORD);
        HttpResponse<String> rates = office.get("/subsidies/rates?year=-5");
        assertThat(rates.statusCode()).isEqualTo(400);
        assertThat(rates.body()).contains("年份应在 2000 至 2999 之间").doesNotContain("-5 年补贴标准");
        assertThat(office.get("/subsidies/district?year=99999").statusCode()).isEqualTo(400);
    }

    @Test
    void aStreetOfficeReadsTheRatesButCannotChangeThem() {
        Browserless street = Browserless.signIn(port, "street_df", Browserless.DEMO_PASSWORD);
        String page = street.get("/subsidies/rates?year=2117").body();
        assertThat(page).contains("id=\"rates-readonly\"").doesNotContain("id=\"save-rates\"").contains("readonly");
        HttpResponse<String> refused = street.post("/subsidies/rates", Map.of("year", "2117",
                "EXCELLENT", "9", "GOOD", "9", "QUALIFIED", "9", "UNQUALIFIED", "9"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(street.post("/subsidies/rates", Map.of("year", "2117", "EXCELLENT", "x")).statusCode())
                .as("refused for the role before the typing is looked at").isEqualTo(403);
        assertThat(json(as(port, "street_df").get("/api/v1/subsidies/rates/2117")).get("EXCELLENT").decimalValue())
                .isNotEqualByComparingTo("9");
    }

    @Test
    void onceAClaimOfTheYearIsApprovedItsRatesCanNoLongerChange() {
        long id = SubsidyFixture.claimOf(jdbc, SubsidyFixture.publishOldEstateRound(port, directory, jdbc, "2120-H1"));
        ApiClient office = as(port, "hedong_admin");
        String rates = "{\"EXCELLENT\": 0.30, \"GOOD\": 0.22, \"QUALIFIED\": 0.15, \"UNQUALIFIED\": 0}";
        json(office.send("PUT", "/api/v1/subsidies/rates/2120", rates));
        json(as(port, "street_df").send("POST", "/api/v1/subsidies/" + id + "/submit", null));
        json(office.send("POST", "/api/v1/subsidies/" + id + "/review", null));
        json(as(port, SubsidyFixture.secondDistrictAdmin(jdbc)).send("POST", "/api/v1/subsidies/" + id + "/approve",
                null));

        HttpResponse<String> api = office.send("PUT", "/api/v1/subsidies/rates/2120", rates.replace("0.22", "0.25"));
        assertThat(api.statusCode()).isEqualTo(409);
        assertThat(api.body()).contains("金额已锁定");

        Browserless screen = Browserless.signIn(port, "hedong_admin", Browserless.DEMO_PASSWORD);
        assertThat(screen.get("/subsidies/rates?year=2120").body()).contains("id=\"rates-locked\"")
                .contains("东风街道 2120-H1").doesNotContain("id=\"save-rates\"");
        HttpResponse<String> refused = screen.post("/subsidies/rates", Map.of("year", "2120",
                "EXCELLENT", "0.30", "GOOD", "0.25", "QUALIFIED", "0.15", "UNQUALIFIED", "0"));
        assertThat(refused.body()).contains("金额已锁定");
        assertThat(json(office.get("/api/v1/subsidies/rates/2120")).get("GOOD").decimalValue())
                .isEqualByComparingTo("0.22");
        assertThat(json(office.get("/api/v1/subsidies/rates/2121")).get("GOOD").decimalValue())
                .as("another year stays open").isEqualByComparingTo("0.20");
    }
}
