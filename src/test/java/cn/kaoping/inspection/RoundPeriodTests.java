package cn.kaoping.inspection;

import static cn.kaoping.inspection.RoundFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.support.ApiClient;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A Shenyang round is scored for its own quarter (seed 000, 政府工作落实; scheme version 2): the quarterly report is
 * pending before its day, missing after it only for that quarter, and a quarter without complaints keeps the
 * resolution rate's 7 points (issue 19).
 */
@IntegrationTest
class RoundPeriodTests {

    @LocalServerPort
    int port;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    Clock clock;

    @Test
    void aBlankInspectionOfAQuarterStillToComeScores100AndOneOfAPastQuarterLosesOnlyItsOwnReport() {
        LocalDate today = LocalDate.now(clock);
        int quarter = (today.getMonthValue() - 1) / 3 + 1;
        JsonNode future = blankInspection((today.getYear() + 1) + "-Q" + quarter);
        assertThat(future.get("evaluation").get("total").decimalValue()).isEqualByComparingTo("100");
        assertThat(future.get("evaluation").get("warnings").toString()).contains("MILESTONE_PENDING");

        String past = (today.getYear() - 1) + "-Q" + quarter;
        JsonNode done = blankInspection(past);
        assertThat(done.get("evaluation").get("total").decimalValue()).isEqualByComparingTo("97");
        String due = LocalDate.of(today.getYear() - 1, quarter * 3, 25).toString();
        assertThat(done.get("evaluation").toString()).contains("截止 " + due).doesNotContain("2025-03-25，未报送");

        long task = done.get("id").asLong();
        HttpResponse<String> onTime = officer().send("PUT", "/api/v1/inspections/" + task + "/findings",
                "[{\"rule\":\"16\",\"due\":\"%s\",\"date\":\"%s\"}]".formatted(due, due));
        assertThat(onTime.statusCode()).as(onTime.body()).isEqualTo(200);
        assertThat(json(onTime).get("total").decimalValue()).isEqualByComparingTo("100");
        HttpResponse<String> otherQuarter = officer().send("PUT", "/api/v1/inspections/" + task + "/findings",
                "[{\"rule\":\"16\",\"due\":\"2025-03-25\",\"date\":\"2025-03-20\"}]");
        assertThat(otherQuarter.statusCode()).isEqualTo(400);
        assertThat(otherQuarter.body()).contains(due);
    }

    private JsonNode blankInspection(String period) {
        long street = directory.regionByCode("QH-HD-DF").orElseThrow().id();
        ApiClient admin = ApiClient.as(port, "hedong_admin", Browserless.DEMO_PASSWORD);
        HttpResponse<String> created = admin.send("POST", "/api/v1/rounds", """
                {"name": "东风街道%s专业化物业考评 %d", "schemeCode": "shenyang-professional", "schemeVersion": 2,
                 "period": "%s", "streetId": %d, "category": "PROFESSIONAL", "oldEstatesOnly": false,
                 "inspectionDue": "%s", "reviewDue": "%s", "publicityDays": 7, "confirmOverlap": true}""".formatted(period, System.nanoTime(),
                period, street, Period.parse(period).end().plusDays(15), Period.parse(period).end().plusDays(30)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long round = json(created).get("id").asLong();
        assertThat(admin.send("POST", "/api/v1/rounds/" + round + "/open", null).statusCode()).isEqualTo(200);
        List<Long> tasks = RoundFixture.inspections(officer(), round);
        return json(officer().get("/api/v1/inspections/" + tasks.get(0)));
    }

    private ApiClient officer() {
        return ApiClient.as(port, "street_df", Browserless.DEMO_PASSWORD);
    }
}
