package cn.kaoping.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.support.ApiClient;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A company is changed only by the district it is registered with, or the city; managers' personal data is kept. */
@IntegrationTest
class CompanyRegistrarTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** A company whose estates all lie in 河东区 (QH-HD). */
    private long hedongOnlyCompany() {
        return jdbc.sql("""
                SELECT e.company_id FROM estate e JOIN region d ON d.level = 'DISTRICT' AND e.region_path LIKE d.path || '%'
                WHERE e.company_id IS NOT NULL GROUP BY e.company_id
                HAVING bool_and(d.code = 'QH-HD') ORDER BY e.company_id LIMIT 1""").query(Long.class).single();
    }

    private static String body(JsonNode company, String contactPerson) {
        return "{\"name\":\"" + company.get("name").asString() + "\",\"creditCode\":\""
                + company.get("creditCode").asString() + "\",\"contactPerson\":\"" + contactPerson
                + "\",\"contactPhone\":\"\",\"address\":\"\"}";
    }

    @Test
    void anotherDistrictCannotChangeACompanyButItsOwnDistrictAndTheCityCan() {
        long id = hedongOnlyCompany();
        ApiClient hexi = ApiClient.as(port, "hexi_admin", Browserless.DEMO_PASSWORD);
        JsonNode company = JSON.readTree(hexi.get("/api/v1/companies/" + id).body());
        String before = company.get("contactPerson").asString();
        HttpResponse<String> refused = hexi.send("PUT", "/api/v1/companies/" + id, body(company, "河西改的"));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(hexi.send("POST", "/api/v1/companies/" + id + "/managers", "{\"name\":\"越界经理\"}").statusCode())
                .isEqualTo(403);
        assertThat(jdbc.sql("SELECT contact_person FROM property_company WHERE id = :id").param("id", id)
                .query(String.class).single()).isEqualTo(before);
        ApiClient hedong = ApiClient.as(port, "hedong_admin", Browserless.DEMO_PASSWORD);
        assertThat(hedong.send("PUT", "/api/v1/companies/" + id, body(company, "河东联系人")).statusCode()).isEqualTo(200);
        ApiClient city = ApiClient.as(port, "city_admin", Browserless.DEMO_PASSWORD);
        JsonNode now = JSON.readTree(city.get("/api/v1/companies/" + id).body());
        assertThat(city.send("PUT", "/api/v1/companies/" + id, body(now, before)).statusCode()).isEqualTo(200);
    }

    @Test
    void aCompanyRegisteredByADistrictIsThatDistricts() {
        ApiClient hexi = ApiClient.as(port, "hexi_admin", Browserless.DEMO_PASSWORD);
        String first17 = "91210100MA0QHX" + String.format("%03d", System.nanoTime() % 1000);
        String code = first17 + UnifiedCreditCode.checkCharacter(first17);
        HttpResponse<String> created = hexi.send("POST", "/api/v1/companies", "{\"name\":\"河西新登记物业有限公司\","
                + "\"creditCode\":\"" + code + "\",\"contactPerson\":\"\",\"contactPhone\":\"\",\"address\":\"\"}");
        assertThat(created.statusCode()).as(created.body()).isBetween(200, 201);
        long id = JSON.readTree(created.body()).get("id").asLong();
        ApiClient hedong = ApiClient.as(port, "hedong_admin", Browserless.DEMO_PASSWORD);
        JsonNode company = JSON.readTree(hedong.get("/api/v1/companies/" + id).body());
        assertThat(hedong.send("PUT", "/api/v1/companies/" + id, body(company, "x")).statusCode()).isEqualTo(403);
        assertThat(hexi.send("PUT", "/api/v1/companies/" + id, body(company, "x")).statusCode()).isEqualTo(200);
    }

    @Test
    void managersPhonesAndCertificatesAreForTheAuthoritiesAndTheirCompanyOnly() {
        long company = jdbc.sql("SELECT company_id FROM app_user WHERE username = 'company_user'").query(Long.class)
                .single();
        String path = "/api/v1/companies/" + company + "/managers";
        for (String reader : new String[] {"street_df", "community_df01", "association"}) {
            HttpResponse<String> res = ApiClient.as(port, reader, Browserless.DEMO_PASSWORD).get(path);
            if (res.statusCode() == 200) {
                for (JsonNode m : JSON.readTree(res.body())) {
                    assertThat(m.get("phone").isNull()).as(reader).isTrue();
                    assertThat(m.get("certificateNo").isNull()).as(reader).isTrue();
                }
            }
        }
        for (String reader : new String[] {"hedong_admin", "city_admin", "company_user"}) {
            JsonNode managers = JSON.readTree(ApiClient.as(port, reader, Browserless.DEMO_PASSWORD).get(path).body());
            assertThat(managers.size()).isPositive();
            assertThat(managers.get(0).get("phone").isNull()).as(reader).isFalse();
        }
    }
}
