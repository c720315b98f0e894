package cn.kaoping.subsidy;

import static cn.kaoping.subsidy.SubsidyFixture.as;
import static cn.kaoping.subsidy.SubsidyFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The workflow on the screens: each step is a form on the claim page; a refusal comes back to the page as a message
 * the user can read (never a bare error page), and only the buttons of the caller's role and the claim's state show.
 */
@IntegrationTest
class SubsidyScreenTests {

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
    void theStreetCorrectsAndSubmitsAndTheOfficeIsToldWhyItMayNotReturnWithoutAReasonNorApproveItsOwnReview() {
        long id = SubsidyFixture.claimOf(jdbc,
                SubsidyFixture.publishOldEstateRound(port, directory, jdbc, "2115-H2"));
        JsonNode first = json(as(port, "street_df").get("/api/v1/subsidies/" + id)).get("lines").get(0);
        long line = first.get("id").asLong();

        Browserless street = Browserless.signIn(port, "street_df", Browserless.DEMO_PASSWORD);
        String missing = after(street, street.post("/subsidies/lines/" + line + "/correct",
                Map.of("area", "800.25", "entryDate", "2115-01-01", "reason", "")));
        assertThat(missing).contains("请说明修改原因");
        String corrected = after(street, street.post("/subsidies/lines/" + line + "/correct",
                Map.of("area", "800.25", "entryDate", "2115-01-01", "reason", "合同面积")));
        assertThat(corrected).contains("已更正，金额已重新计算").contains("800.25").contains("登记：");
        String submitted = after(street, street.post("/subsidies/" + id + "/submit", Map.of("note", "请审核")));
        assertThat(submitted).contains("已提交指挥部办公室审核").doesNotContain("id=\"submit\"")
                .doesNotContain("correct-form");

        Browserless office = Browserless.signIn(port, "hedong_admin", Browserless.DEMO_PASSWORD);
        assertThat(office.get("/subsidies/" + id).body()).contains("id=\"review\"").contains("id=\"return\"");
        assertThat(after(office, office.post("/subsidies/" + id + "/return", Map.of("note", " "))))
                .contains("请写明退回原因");
        String reviewed = after(office, office.post("/subsidies/" + id + "/review", Map.of("note", "复核无误")));
        assertThat(reviewed).contains("待区政府审批").doesNotContain("id=\"approve\"");
        assertThat(after(office, office.post("/subsidies/" + id + "/approve", Map.of("note", ""))))
                .contains("审核人不能再审批同一份申报");
        assertThat(after(street, street.post("/subsidies/" + id + "/approve", Map.of())))
                .contains("只有区政府");

        Browserless leader = Browserless.signIn(port, SubsidyFixture.secondDistrictAdmin(jdbc),
                Browserless.DEMO_PASSWORD);
        String approved = after(leader, leader.post("/subsidies/" + id + "/approve", Map.of("note", "同意")));
        assertThat(approved).contains("已审批，金额自此锁定");
        String steps = approved.substring(approved.indexOf("id=\"steps\""));
        assertThat(steps).contains("街道更正面积或进驻日期").contains("合同面积").contains("街道提交")
                .contains("指挥部办公室审核通过").contains("区政府审批").contains("同意");
        Browserless finance = Browserless.signIn(port, "hedong_dept", Browserless.DEMO_PASSWORD);
        assertThat(finance.get("/subsidies/" + id).body()).contains("pay-street-form");
    }
}
