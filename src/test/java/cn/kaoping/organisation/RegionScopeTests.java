package cn.kaoping.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.support.ApiClient;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A user of one street office can neither read nor change another street's estates, on screens or API. */
@IntegrationTest
class RegionScopeTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    long neighbourEstate;
    String neighbourName;
    String neighbourAddress;
    long ownEstate;

    @BeforeEach
    void pickEstates() {
        // street_df is the officer of 东风街道 (QH-HD-DF); 西湖街道 (QH-HX-XH) is another district's street
        Map<String, Object> other = jdbc.sql("""
                SELECT e.id, e.name, e.address FROM estate e JOIN region c ON c.id = e.community_id
                JOIN region s ON s.id = c.parent_id WHERE s.code = 'QH-HX-XH' ORDER BY e.id LIMIT 1""")
                .query().singleRow();
        neighbourEstate = ((Number) other.get("id")).longValue();
        neighbourName = (String) other.get("name");
        neighbourAddress = (String) other.get("address");
        ownEstate = streetEstate("QH-HD-DF");
    }

    private long streetEstate(String streetCode) {
        return jdbc.sql("""
                SELECT e.id FROM estate e JOIN region c ON c.id = e.community_id JOIN region s ON s.id = c.parent_id
                WHERE s.code = :code ORDER BY e.id LIMIT 1""").param("code", streetCode).query(Long.class).single();
    }

    private long estatesOfStreet(String code) {
        return jdbc.sql("""
                SELECT count(*) FROM estate e JOIN region c ON c.id = e.community_id JOIN region s ON s.id = c.parent_id
                WHERE s.code = :code""").param("code", code).query(Long.class).single();
    }

    @Test
    void streetOfficerListsExactlyTheEstatesOfHisStreet() throws Exception {
        ApiClient api = ApiClient.as(port, "street_df", Browserless.DEMO_PASSWORD);
        JsonNode page = JSON.readTree(api.get("/api/v1/estates?size=200").body());
        assertThat(page.get("total").asLong()).isEqualTo(estatesOfStreet("QH-HD-DF")).isPositive();
        for (JsonNode row : page.get("rows")) {
            assertThat(row.get("streetName").asString()).isEqualTo("东风街道");
        }
    }

    @Test
    void streetOfficerCannotOpenAnotherStreetsEstateOnTheScreens() {
        Browserless officer = Browserless.signIn(port, "street_df", Browserless.DEMO_PASSWORD);
        HttpResponse<String> detail = officer.get("/estates/" + neighbourEstate);
        assertThat(detail.statusCode()).isEqualTo(404);
        assertThat(detail.body()).doesNotContain(neighbourAddress).contains("不在您的管辖范围内");
        assertThat(officer.get("/estates/" + neighbourEstate + "/edit").statusCode()).isEqualTo(404);
        assertThat(officer.get("/estates/" + neighbourEstate + "/households").statusCode()).isEqualTo(404);
        assertThat(officer.get("/estates/" + ownEstate).statusCode()).isEqualTo(200);
    }

    @Test
    void streetOfficerCannotChangeAnotherStreetsEstateOnTheScreens() {
        Browserless officer = Browserless.signIn(port, "street_df", Browserless.DEMO_PASSWORD);
        HttpResponse<String> edit = officer.post("/estates/" + neighbourEstate, Map.of("name", "被篡改的小区",
                "address", "篡改地址", "communityId", "1", "category", "BASIC", "managementMode", "NONE",
                "floorArea", "1", "householdCount", "1"));
        assertThat(edit.statusCode()).isEqualTo(404);
        assertThat(officer.post("/estates/" + neighbourEstate + "/delete", Map.of()).statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT name FROM estate WHERE id = :id").param("id", neighbourEstate)
                .query(String.class).single()).isEqualTo(neighbourName);
    }

    @Test
    void streetOfficerCannotReadOrChangeAnotherStreetsEstateThroughTheApi() {
        ApiClient api = ApiClient.as(port, "street_df", Browserless.DEMO_PASSWORD);
        assertThat(api.get("/api/v1/estates/" + neighbourEstate).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/estates/" + neighbourEstate + "/households").statusCode()).isEqualTo(404);
        String body = "{\"name\":\"被篡改的小区\",\"address\":\"x\",\"communityId\":1,\"category\":\"BASIC\","
                + "\"managementMode\":\"NONE\",\"floorArea\":1,\"householdCount\":1}";
        assertThat(api.send("PUT", "/api/v1/estates/" + neighbourEstate, body).statusCode()).isEqualTo(404);
        assertThat(api.send("DELETE", "/api/v1/estates/" + neighbourEstate, null).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/estates?q=" + Browserless.enc(neighbourName)).body())
                .doesNotContain("\"id\":" + neighbourEstate + ",");
        assertThat(jdbc.sql("SELECT name FROM estate WHERE id = :id").param("id", neighbourEstate)
                .query(String.class).single()).isEqualTo(neighbourName);
    }

    @Test
    void streetOfficerCannotRegisterAnEstateInAnotherStreetsCommunity() throws Exception {
        long foreignCommunity = jdbc.sql("SELECT id FROM region WHERE code = 'QH-HX-XH-01'").query(Long.class).single();
        ApiClient api = ApiClient.as(port, "street_df", Browserless.DEMO_PASSWORD);
        HttpResponse<String> res = api.send("POST", "/api/v1/estates", "{\"name\":\"越界小区\",\"address\":\"x\","
                + "\"communityId\":" + foreignCommunity + ",\"category\":\"BASIC\",\"managementMode\":\"NONE\","
                + "\"floorArea\":100,\"householdCount\":1}");
        assertThat(res.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(res.body());
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("communityId");
        assertThat(jdbc.sql("SELECT count(*) FROM estate WHERE name = '越界小区'").query(Long.class).single()).isZero();
    }

    @Test
    void streetOfficerMaintainsHisOwnStreetAndTheChangeIsAudited() throws Exception {
        ApiClient api = ApiClient.as(port, "street_df", Browserless.DEMO_PASSWORD);
        JsonNode estate = JSON.readTree(api.get("/api/v1/estates/" + ownEstate).body());
        String body = "{\"name\":\"" + estate.get("name").asString() + "\",\"address\":\"清河市东风路 88 号\","
                + "\"communityId\":" + estate.get("communityId").asLong() + ",\"category\":\""
                + estate.get("category").asString() + "\",\"oldEstate\":" + estate.get("oldEstate").asBoolean()
                + ",\"managementMode\":\"" + estate.get("managementMode").asString() + "\",\"floorArea\":"
                + estate.get("floorArea").decimalValue().toPlainString() + ",\"householdCount\":"
                + estate.get("householdCount").asInt() + ",\"companyId\":"
                + (estate.get("companyId").isNull() ? "null" : estate.get("companyId").asLong())
                + ",\"projectManagerId\":"
                + (estate.get("projectManagerId").isNull() ? "null" : estate.get("projectManagerId").asLong())
                + ",\"contractStart\":" + (estate.get("contractStart").isNull() ? "null"
                : "\"" + estate.get("contractStart").asString() + "\"")
                + ",\"contractFiled\":" + estate.get("contractFiled").asBoolean() + "}";
        HttpResponse<String> res = api.send("PUT", "/api/v1/estates/" + ownEstate, body);
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        assertThat(JSON.readTree(res.body()).get("address").asString()).isEqualTo("清河市东风路 88 号");
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_event WHERE entity_type = 'estate' AND entity_id = :id AND actor = 'street_df'
                AND action = 'UPDATE' AND after ->> 'address' = '清河市东风路 88 号'""")
                .param("id", String.valueOf(ownEstate)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void districtAdminSeesHisDistrictButNotTheNeighbouringDistrict() throws Exception {
        ApiClient api = ApiClient.as(port, "hedong_admin", Browserless.DEMO_PASSWORD);
        JsonNode page = JSON.readTree(api.get("/api/v1/estates?size=1").body());
        long inDistrict = jdbc.sql("""
                SELECT count(*) FROM estate e JOIN region c ON c.id = e.community_id JOIN region s ON s.id = c.parent_id
                JOIN region d ON d.id = s.parent_id WHERE d.code = 'QH-HD'""").query(Long.class).single();
        assertThat(page.get("total").asLong()).isEqualTo(inDistrict);
        assertThat(api.get("/api/v1/estates/" + neighbourEstate).statusCode()).isEqualTo(404);
    }

    @Test
    void companyUserSeesOnlyItsOwnCompanysEstatesAndNoOtherCompany() throws Exception {
        ApiClient api = ApiClient.as(port, "company_user", Browserless.DEMO_PASSWORD);
        long companyId = jdbc.sql("SELECT company_id FROM app_user WHERE username = 'company_user'")
                .query(Long.class).single();
        JsonNode page = JSON.readTree(api.get("/api/v1/estates?size=200").body());
        assertThat(page.get("total").asLong()).isEqualTo(jdbc.sql("SELECT count(*) FROM estate WHERE company_id = :c")
                .param("c", companyId).query(Long.class).single());
        for (JsonNode row : page.get("rows")) {
            assertThat(row.get("companyId").asLong()).isEqualTo(companyId);
        }
        long otherCompany = jdbc.sql("SELECT id FROM property_company WHERE id <> :c ORDER BY id LIMIT 1")
                .param("c", companyId).query(Long.class).single();
        assertThat(api.get("/api/v1/companies/" + otherCompany).statusCode()).isEqualTo(404);
        assertThat(api.send("PUT", "/api/v1/companies/" + companyId, "{\"name\":\"改名\",\"creditCode\":\"91110000100000000X\"}")
                .statusCode()).isEqualTo(403);
    }

    @Test
    void apiRefusesRequestsWithoutAValidToken() {
        ApiClient anonymous = ApiClient.anonymous(port);
        HttpResponse<String> res = anonymous.get("/api/v1/estates");
        assertThat(res.statusCode()).isEqualTo(401);
        assertThat(res.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(anonymous.send("POST", "/api/v1/auth/token", "{\"username\":\"street_df\",\"password\":\"wrong-1234\"}")
                .statusCode()).isEqualTo(401);
    }
}
