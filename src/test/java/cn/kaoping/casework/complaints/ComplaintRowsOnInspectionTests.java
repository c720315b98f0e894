package cn.kaoping.casework.complaints;

import cn.kaoping.inspection.RoundFixture;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.support.ApiClient;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Shenyang complaint rows on an estate's inspection form come from its work orders of the quarter (issue 14):
 * 10.a counts the orders assigned to the company and unanswered past their deadline, 11 is closed ÷ valid orders
 * (pushed-back ones left out); an estate with no complaint gets no suggestion, so row 11 keeps its full points.
 */
@IntegrationTest
class ComplaintRowsOnInspectionTests {

    @LocalServerPort
    int port;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theFormIsPrefilledFromTheQuartersWorkOrders() {
        long street = directory.regionByCode("QH-HX-GY").orElseThrow().id();
        ApiClient admin = ApiClient.as(port, "hexi_admin", Browserless.DEMO_PASSWORD);
        HttpResponse<String> res = admin.send("POST", "/api/v1/rounds", """
                {"name": "桂园街道投诉预填 %d", "schemeCode": "shenyang-professional", "schemeVersion": 2,
                 "period": "2025-Q3", "streetId": %d, "oldEstatesOnly": false, "inspectionDue": "2025-10-15",
                 "reviewDue": "2025-10-31", "publicityDays": 7, "confirmOverlap": true}"""
                .formatted(System.nanoTime(), street));
        assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
        long round = RoundFixture.json(res).get("id").asLong();
        assertThat(admin.send("POST", "/api/v1/rounds/" + round + "/open", null).statusCode()).isEqualTo(200);
        List<Long> tasks = RoundFixture.inspections(admin, round);
        long task = tasks.get(0);
        long quiet = tasks.get(1);
        long estate = jdbc.sql("SELECT estate_id FROM inspection WHERE id = :id").param("id", task)
                .query(Long.class).single();
        long company = jdbc.sql("SELECT company_id FROM estate WHERE id = :e").param("e", estate).query(Long.class)
                .single();
        complaint(estate, company, "ASSIGNED", null, "2025-08-10");          // unanswered, deadline passed: late
        complaint(estate, company, "CLOSED", "2025-08-03T10:00:00+08:00", "2025-08-10");
        complaint(estate, null, "RETURNED", null, "2025-08-10");            // pushed back: not a valid one
        complaint(estate, company, "CLOSED", "2025-10-20T10:00:00+08:00", "2025-12-10"); // received in Q4: not counted

        Browserless officer = Browserless.signIn(port, "street_gy", Browserless.DEMO_PASSWORD);
        String page = officer.get("/rounds/tasks/" + task).body();
        assertThat(page).contains("超过办结期限未答复 1 件").contains("受理有效投诉 2 件（退回的不计），已办结 1 件")
                .contains("name=\"count:10.a\" value=\"1\"").containsPattern("name=\"value:11\"\\s+value=\"50\"");
        String other = officer.get("/rounds/tasks/" + quiet).body();
        assertThat(other).doesNotContain("受理有效投诉").contains("超过办结期限未答复 0 件");
    }

    private void complaint(long estate, Long company, String status, String closedAt, String closeDue) {
        String received = closeDue.equals("2025-12-10") ? "2025-10-08T09:00:00+08:00" : "2025-08-01T09:00:00+08:00";
        jdbc.sql("""
                INSERT INTO complaint (estate_id, estate_name, estate_path, company_id, category, source, received_at,
                                       content, status, sign_due, close_due, assignee_company_id, closed_at,
                                       created_by)
                SELECT e.id, e.name, e.region_path, e.company_id, 'SANITATION', 'STAFF', CAST(:received AS timestamptz),
                       '测试投诉', :status, CAST(:received AS date), CAST(:due AS date), :company,
                       CAST(:closed AS timestamptz), 'test'
                FROM estate e WHERE e.id = :estate""")
                .param("received", received).param("status", status).param("due", closeDue).param("company", company)
                .param("closed", closedAt).param("estate", estate).update();
    }
}
