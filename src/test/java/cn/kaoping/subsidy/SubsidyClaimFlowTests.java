package cn.kaoping.subsidy;

import static cn.kaoping.subsidy.SubsidyFixture.as;
import static cn.kaoping.subsidy.SubsidyFixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.support.ApiClient;
import cn.kaoping.support.IntegrationTest;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A subsidy claim from a published half-year round to the last payment to a company, through the API: the street
 * corrects and submits, the district office reviews or returns, another district leader approves (never the
 * reviewer), finance pays the street, the street pays each company; every refusal is a clear 4xx.
 */
@IntegrationTest
class SubsidyClaimFlowTests {

    @LocalServerPort
    int port;
    private final OrganisationDirectory directory;
    private final JdbcClient jdbc;

    SubsidyClaimFlowTests(@Autowired OrganisationDirectory directory, @Autowired JdbcClient jdbc) {
        this.directory = directory;
        this.jdbc = jdbc;
    }

    private ApiClient street() {
        return as(port, "street_df");
    }

    private ApiClient office() {
        return as(port, "hedong_admin");
    }

    private JsonNode claim(long id) {
        return json(street().get("/api/v1/subsidies/" + id));
    }

    private static JsonNode line(JsonNode claim, long lineId) {
        for (JsonNode l : claim.get("lines")) {
            if (l.get("id").asLong() == lineId) {
                return l;
            }
        }
        throw new AssertionError("no line " + lineId);
    }

    private static String status(HttpResponse<String> res) {
        return json(res).get("status").asString();
    }

    @Test
    void aPublishedHalfYearBecomesTheStreetsDraftClaimWithALinePerOldEstate() {
        long round = SubsidyFixture.publishOldEstateRound(port, directory, jdbc, "2112-H2");
        long id = SubsidyFixture.claimOf(jdbc, round);
        JsonNode c = claim(id);
        assertThat(c.get("claim").get("status").asString()).isEqualTo("DRAFT");
        assertThat(c.get("claim").get("streetName").asString()).isEqualTo("东风街道");
        assertThat(c.get("claim").get("period").asString()).isEqualTo("2112-H2");
        long inspected = jdbc.sql("SELECT count(*) FROM inspection WHERE round_id = :r").param("r", round)
                .query(Long.class).single();
        assertThat(c.get("lines")).hasSize((int) inspected);
        List<String> grades = new ArrayList<>();
        c.get("lines").forEach(l -> grades.add(l.get("grade").asString()));
        // the first inspection lost 10 points for 未签合同 (1.a): one grade below the others
        assertThat(grades).contains("QUALIFIED", "GOOD").doesNotContainNull();
        // an old estate without a property company is listed but not paid
        c.get("lines").forEach(l -> {
            if (l.get("companyId").isNull()) {
                assertThat(l.get("flag").asString()).isEqualTo("NO_COMPANY");
                assertThat(l.get("amount").isNull()).isTrue();
            }
        });
        // every line keeps what the registry said beside what is used
        c.get("lines").forEach(l -> assertThat(l.get("registryArea").toString()).isEqualTo(l.get("area").toString()));
    }

    @Test
    void theClaimGoesFromDraftToClosedWithFourEyesAndLockedAmountsAndEveryStepRecorded() {
        long round = SubsidyFixture.publishOldEstateRound(port, directory, jdbc, "2111-H1");
        long id = SubsidyFixture.claimOf(jdbc, round);
        JsonNode draft = claim(id);
        assertThat(draft.get("lines").size()).as("东风街道 has old estates").isGreaterThanOrEqualTo(2);
        long good = -1; // the 合格 line (0.15)
        long excellent = -1; // a 良好 line (0.20)
        for (JsonNode l : draft.get("lines")) {
            if (good < 0 && "QUALIFIED".equals(l.get("grade").asString())) {
                good = l.get("id").asLong();
            } else if (excellent < 0 && "GOOD".equals(l.get("grade").asString()) && !l.get("companyId").isNull()) {
                excellent = l.get("id").asLong();
            }
        }
        assertThat(good).isPositive();
        assertThat(excellent).isPositive();
        long goodLine = good;

        // the street corrects area and entry date; the reason is required; no entry date → flagged, not payable
        HttpResponse<String> noReason = street().send("PUT", "/api/v1/subsidies/lines/" + good,
                "{\"area\": 1234.50, \"entryDate\": \"2111-03-15\", \"reason\": \" \"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("请说明修改原因");
        JsonNode flagged = json(street().send("PUT", "/api/v1/subsidies/lines/" + good,
                "{\"area\": 1234.50, \"entryDate\": null, \"reason\": \"进驻通知书待查\"}"));
        assertThat(flagged.get("flag").asString()).isEqualTo("NO_ENTRY_DATE");
        assertThat(flagged.get("amount").isNull()).isTrue();
        JsonNode corrected = json(street().send("PUT", "/api/v1/subsidies/lines/" + good,
                "{\"area\": 1234.50, \"entryDate\": \"2111-03-15\", \"reason\": \"按物业服务合同及进驻通知书\"}"));
        // 合格, entered mid-March: April, May, June × 0.15 × 1234.50 = 555.525 → 555.53 (half-up at the fen)
        assertThat(corrected.get("months")).hasSize(3);
        assertThat(corrected.get("amount").decimalValue()).isEqualByComparingTo("555.53");
        JsonNode full = json(street().send("PUT", "/api/v1/subsidies/lines/" + excellent,
                "{\"area\": 1000.05, \"entryDate\": \"2110-02-01\", \"reason\": \"合同面积\"}"));
        assertThat(full.get("amount").decimalValue()).isEqualByComparingTo("1200.06"); // 良好 0.20 × 1000.05 × 6

        // another street, another role, the wrong order
        ApiClient xh = as(port, "street_xh");
        assertThat(xh.get("/api/v1/subsidies/" + id).statusCode()).isEqualTo(404);
        assertThat(xh.get("/api/v1/subsidies/lines/" + good).statusCode()).isEqualTo(404);
        assertThat(xh.send("PUT", "/api/v1/subsidies/lines/" + good,
                "{\"area\": 1, \"entryDate\": \"2111-01-01\", \"reason\": \"x\"}").statusCode()).isEqualTo(404);
        assertThat(xh.send("POST", "/api/v1/subsidies/" + id + "/submit", null).statusCode()).isEqualTo(404);
        assertThat(json(xh.get("/api/v1/subsidies")).findValuesAsString("id")).isEmpty();
        assertThat(office().send("POST", "/api/v1/subsidies/" + id + "/submit", null).statusCode()).isEqualTo(403);
        assertThat(office().send("POST", "/api/v1/subsidies/" + id + "/review", null).statusCode()).isEqualTo(409);
        assertThat(as(port, "hedong_dept").send("POST", "/api/v1/subsidies/" + id + "/payment",
                "{\"paidOn\": \"2111-08-01\", \"amount\": 1, \"voucher\": \"X\"}").statusCode()).isEqualTo(409);

        // submit, return with a reason, resubmit
        assertThat(status(street().send("POST", "/api/v1/subsidies/" + id + "/submit", "{\"note\": \"请审核\"}")))
                .isEqualTo("SUBMITTED");
        assertThat(street().send("PUT", "/api/v1/subsidies/lines/" + good,
                "{\"area\": 1, \"entryDate\": \"2111-01-01\", \"reason\": \"x\"}").statusCode()).isEqualTo(409);
        assertThat(office().send("POST", "/api/v1/subsidies/" + id + "/return", "{\"note\": \"\"}").statusCode())
                .isEqualTo(400);
        assertThat(status(office().send("POST", "/api/v1/subsidies/" + id + "/return",
                "{\"note\": \"请附合同面积证明\"}"))).isEqualTo("DRAFT");
        assertThat(status(street().send("POST", "/api/v1/subsidies/" + id + "/submit", "{\"note\": \"已补充\"}")))
                .isEqualTo("SUBMITTED");

        // review, then the reviewer may not approve (four eyes); another leader does
        assertThat(status(office().send("POST", "/api/v1/subsidies/" + id + "/review", "{\"note\": \"复核无误\"}")))
                .isEqualTo("REVIEWED");
        HttpResponse<String> samePerson = office().send("POST", "/api/v1/subsidies/" + id + "/approve", null);
        assertThat(samePerson.statusCode()).isEqualTo(403);
        assertThat(samePerson.body()).contains("审核人不能再审批同一份申报");
        assertThat(street().send("POST", "/api/v1/subsidies/" + id + "/approve", null).statusCode()).isEqualTo(403);
        ApiClient leader = as(port, SubsidyFixture.secondDistrictAdmin(jdbc));
        JsonNode approved = json(leader.send("POST", "/api/v1/subsidies/" + id + "/approve", "{\"note\": \"同意\"}"));
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        BigDecimal total = approved.get("approvedTotal").decimalValue();
        assertThat(total).isEqualByComparingTo(approved.get("total").decimalValue());
        assertThat(total).isGreaterThanOrEqualTo(new BigDecimal("1755.59"));

        // amounts are locked: the API refuses and so does the database
        HttpResponse<String> late = street().send("PUT", "/api/v1/subsidies/lines/" + good,
                "{\"area\": 1, \"entryDate\": \"2111-01-01\", \"reason\": \"x\"}");
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("金额已锁定");
        assertThatThrownBy(() -> jdbc.sql("UPDATE subsidy_line SET amount = 1 WHERE id = :id").param("id", goodLine)
                .update()).isInstanceOf(DataAccessException.class);

        // finance pays the street: a different amount needs a reason
        ApiClient finance = as(port, "hedong_dept");
        HttpResponse<String> unexplained = finance.send("POST", "/api/v1/subsidies/" + id + "/payment",
                "{\"paidOn\": \"2111-08-01\", \"amount\": 1.00, \"voucher\": \"CZ-2111-08\"}");
        assertThat(unexplained.statusCode()).isEqualTo(400);
        assertThat(unexplained.body()).contains("不一致");
        assertThat(street().send("POST", "/api/v1/subsidies/lines/" + good + "/payment",
                "{\"paidOn\": \"2111-08-05\", \"amount\": 555.53, \"voucher\": \"JD-1\"}").statusCode())
                .as("not before finance paid the street").isEqualTo(409);
        assertThat(status(finance.send("POST", "/api/v1/subsidies/" + id + "/payment",
                "{\"paidOn\": \"2111-08-01\", \"amount\": %s, \"voucher\": \"CZ-2111-08\"}".formatted(total))))
                .isEqualTo("PAID_TO_STREET");

        // the street pays every line with money; the last one closes the claim
        JsonNode paid = claim(id);
        List<JsonNode> toPay = new ArrayList<>();
        paid.get("lines").forEach(l -> {
            if (!l.get("amount").isNull() && l.get("amount").decimalValue().signum() > 0) {
                toPay.add(l);
            }
        });
        for (JsonNode l : toPay) {
            assertThat(claim(id).get("claim").get("status").asString()).isEqualTo("PAID_TO_STREET");
            JsonNode done = json(street().send("POST", "/api/v1/subsidies/lines/" + l.get("id").asLong() + "/payment",
                    "{\"paidOn\": \"2111-08-05\", \"amount\": %s, \"voucher\": \"JD-%d\"}"
                            .formatted(l.get("amount").decimalValue(), l.get("id").asLong())));
            assertThat(done.get("paidVoucher").asString()).startsWith("JD-");
        }
        assertThat(street().send("POST", "/api/v1/subsidies/lines/" + good + "/payment",
                "{\"paidOn\": \"2111-08-05\", \"amount\": 555.53, \"voucher\": \"JD-again\"}").statusCode())
                .isEqualTo(409);
        JsonNode closed = claim(id);
        assertThat(closed.get("claim").get("status").asString()).isEqualTo("CLOSED");
        List<String> actions = new ArrayList<>();
        closed.get("steps").forEach(s -> actions.add(s.get("action").asString()));
        assertThat(actions).startsWith("CORRECT", "CORRECT", "CORRECT", "SUBMIT", "RETURN", "SUBMIT", "REVIEW",
                "APPROVE", "PAY_STREET").endsWith("CLOSE");
        assertThat(closed.get("steps").get(4).get("note").asString()).isEqualTo("请附合同面积证明");
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_event WHERE entity_type = 'subsidy_claim' AND entity_id = :id
                  AND action IN ('SUBSIDY_SUBMIT', 'SUBSIDY_RETURN', 'SUBSIDY_REVIEW', 'SUBSIDY_APPROVE',
                                 'SUBSIDY_PAY_STREET', 'SUBSIDY_CLOSE')""")
                .param("id", Long.toString(id)).query(Long.class).single()).isEqualTo(7);
    }

    @Test
    void aDistrictSetsItsOwnRatesForAYearAndItsClaimsOfThatYearUseThem() {
        assertThat(as(port, "street_df").send("PUT", "/api/v1/subsidies/rates/2118",
                "{\"EXCELLENT\": 0.30, \"GOOD\": 0.25, \"QUALIFIED\": 0.15, \"UNQUALIFIED\": 0}").statusCode())
                .isEqualTo(403);
        assertThat(office().send("PUT", "/api/v1/subsidies/rates/2118",
                "{\"EXCELLENT\": 0.30, \"GOOD\": -1, \"QUALIFIED\": 0.15}").statusCode()).isEqualTo(400);
        json(office().send("PUT", "/api/v1/subsidies/rates/2118",
                "{\"EXCELLENT\": 0.30, \"GOOD\": 0.25, \"QUALIFIED\": 0.15, \"UNQUALIFIED\": 0}"));
        assertThat(json(street().get("/api/v1/subsidies/rates/2118")).get("GOOD").decimalValue())
                .as("a street reads its district's rates").isEqualByComparingTo("0.25");
        assertThat(json(street().get("/api/v1/subsidies/rates/2119")).get("GOOD").decimalValue())
                .as("other years keep the defaults of seed 004").isEqualByComparingTo("0.20");
        long id = SubsidyFixture.claimOf(jdbc, SubsidyFixture.publishOldEstateRound(port, directory, jdbc, "2118-H1"));
        for (JsonNode l : claim(id).get("lines")) {
            if ("GOOD".equals(l.get("grade").asString())) {
                assertThat(l.get("rate").decimalValue()).isEqualByComparingTo("0.25");
            }
        }
        assertThat(as(port, "hexi_admin").get("/api/v1/subsidies/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void theAuditViewOfALineShowsGradeRateAreasMonthsAndTheFormula() {
        long round = SubsidyFixture.publishOldEstateRound(port, directory, jdbc, "2113-H1");
        long id = SubsidyFixture.claimOf(jdbc, round);
        long good = -1;
        for (JsonNode l : claim(id).get("lines")) {
            if ("GOOD".equals(l.get("grade").asString()) && !l.get("companyId").isNull()) {
                good = l.get("id").asLong();
            }
        }
        json(street().send("PUT", "/api/v1/subsidies/lines/" + good,
                "{\"area\": 2000.50, \"entryDate\": \"2110-05-20\", \"reason\": \"合同补充协议\"}"));
        JsonNode audit = json(office().get("/api/v1/subsidies/lines/" + good));
        assertThat(audit.get("line").get("rate").decimalValue()).isEqualByComparingTo("0.20");
        assertThat(audit.get("line").get("area").decimalValue()).isEqualByComparingTo("2000.50");
        // entered 2110-05-20: the window ends 2113-05-19, so January–April: 0.20 × 2000.50 × 4
        assertThat(audit.get("line").get("months")).hasSize(4);
        assertThat(audit.get("line").get("amount").decimalValue()).isEqualByComparingTo("1600.40");
        assertThat(audit.get("steps").get(0).get("note").asString()).isEqualTo("合同补充协议");
        assertThat(as(port, "street_xh").get("/api/v1/subsidies/lines/" + good).statusCode()).isEqualTo(404);
    }
}
