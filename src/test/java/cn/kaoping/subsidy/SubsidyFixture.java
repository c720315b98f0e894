package cn.kaoping.subsidy;

import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.support.ApiClient;
import cn.kaoping.support.Browserless;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes a real half-year round of {@code erqi-old-estate} over the old estates of 东风街道 (through the API, as
 * street_df and hedong_admin would) and waits for the street's draft claim the subsidy module builds from it.
 */
final class SubsidyFixture {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private SubsidyFixture() {
    }

    static JsonNode json(HttpResponse<String> res) {
        if (res.statusCode() >= 300) {
            throw new IllegalStateException(res.statusCode() + " " + res.body());
        }
        return JSON.readTree(res.body());
    }

    static ApiClient as(int port, String user) {
        return ApiClient.as(port, user, Browserless.DEMO_PASSWORD);
    }

    /**
     * A published round of the given half-year ("2111-H1") over 东风街道's old estates; the first inspection of an
     * estate with a property company gets the finding 1.a (未签合同, −10 → 合格), the others none (→ 良好).
     *
     * @return the round id
     */
    static long publishOldEstateRound(int port, OrganisationDirectory directory, JdbcClient jdbc, String period) {
        long street = directory.regionByCode("QH-HD-DF").orElseThrow().id();
        ApiClient admin = as(port, "hedong_admin");
        ApiClient officer = as(port, "street_df");
        int year = Integer.parseInt(period.substring(0, 4));
        long round = json(admin.send("POST", "/api/v1/rounds", """
                {"name": "东风街道%s老旧小区考核 %d", "schemeCode": "erqi-old-estate", "schemeVersion": 1,
                 "period": "%s", "streetId": %d, "oldEstatesOnly": true, "inspectionDue": "%d-07-15",
                 "reviewDue": "%d-07-31", "publicityDays": 0, "confirmOverlap": true}""".formatted(period, System.nanoTime(), period, street,
                year, year))).get("id").asLong();
        json(admin.send("POST", "/api/v1/rounds/" + round + "/open", null));
        List<Long> tasks = new ArrayList<>();
        json(officer.get("/api/v1/rounds/" + round + "/inspections")).forEach(n -> tasks.add(n.get("id").asLong()));
        long withCompany = jdbc.sql("""
                SELECT id FROM inspection WHERE round_id = :r AND company_id IS NOT NULL ORDER BY id LIMIT 1""")
                .param("r", round).query(Long.class).single();
        json(officer.send("PUT", "/api/v1/inspections/" + withCompany + "/findings",
                "[{\"rule\": \"1.a\", \"holds\": true}]"));
        for (long t : tasks) {
            json(officer.send("POST", "/api/v1/inspections/" + t + "/submit", null));
            json(admin.send("POST", "/api/v1/inspections/" + t + "/accept", null));
        }
        json(admin.send("POST", "/api/v1/rounds/" + round + "/publicity", null));
        json(admin.send("POST", "/api/v1/rounds/" + round + "/publish", null));
        return round;
    }

    /** The claim the listener built for the round and 东风街道 (waits for the asynchronous listener). */
    static long claimOf(JdbcClient jdbc, long round) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "SELECT id FROM subsidy_claim WHERE round_id = :r").param("r", round).query(Long.class)
                .optional().orElse(null), id -> id != null);
    }

    /** A second district admin of 河东区 (the government approver beside hedong_admin), demo password. */
    static String secondDistrictAdmin(JdbcClient jdbc) {
        String username = "hedong_leader_" + System.nanoTime();
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, password_hash, role, region_id)
                SELECT :u, '河东区政府 分管领导', password_hash, role, region_id FROM app_user
                WHERE username = 'hedong_admin'""").param("u", username).update();
        return username;
    }
}
