package cn.kaoping.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.inspection.RoundFixture;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.support.ApiClient;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The client's mistakes answer 4xx with a Chinese problem detail, never a 500. */
@IntegrationTest
class BadInputTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrganisationDirectory directory;

    private ApiClient cityAdmin() {
        return ApiClient.as(port, "city_admin", Browserless.DEMO_PASSWORD);
    }

    private long estate() {
        return jdbc.sql("SELECT min(id) FROM estate").query(Long.class).single();
    }

    private HttpResponse<String> raw(String method, String path, String contentType, byte[] body) {
        String token = JSON.readTree(ApiClient.anonymous(port).send("POST", "/api/v1/auth/token",
                "{\"username\":\"city_admin\",\"password\":\"" + Browserless.DEMO_PASSWORD + "\"}").body())
                .get("token").asString();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Authorization", "Bearer " + token);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        try {
            return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertProblem(HttpResponse<String> res, int status) {
        assertThat(res.statusCode()).as(res.body()).isEqualTo(status);
        assertThat(res.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode body = JSON.readTree(res.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("title").asString()).matches(".*\\p{IsHan}.*");
        assertThat(res.body()).doesNotContain("Exception").doesNotContain("at cn.kaoping");
    }

    @Test
    void anUnsupportedContentTypeAnswers415() {
        assertProblem(raw("PUT", "/api/v1/estates/" + estate(), "text/plain",
                "name=x".getBytes(StandardCharsets.UTF_8)), 415);
        assertProblem(raw("POST", "/api/v1/estates", "application/xml",
                "<estate><name>x</name></estate>".getBytes(StandardCharsets.UTF_8)), 415);
    }

    @Test
    void aWrongMethodAnswers405() {
        assertProblem(raw("PATCH", "/api/v1/estates/" + estate(), "application/json", "{}".getBytes()), 405);
    }

    @Test
    void aScreenGivenTheWrongMethodAnswers405WithTheChinesePage() {
        Browserless officer = Browserless.signIn(port, "street_df", Browserless.DEMO_PASSWORD);
        HttpResponse<String> res = officer.send("DELETE", "/estates");
        assertThat(res.statusCode()).isEqualTo(405);
        assertThat(res.body()).contains("请求有误").doesNotContain("Exception");
    }

    @Test
    void anUnreadableBodyAnswers400() {
        assertProblem(raw("PUT", "/api/v1/estates/" + estate(), "application/json", "{\"name\":".getBytes()), 400);
        assertProblem(raw("PUT", "/api/v1/estates/" + estate(), "application/json",
                new byte[] {'{', '"', 'n', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}), 400);
    }

    @Test
    void uploadEndpointsGivenJsonAnswer4xxNot500() {
        long claim = jdbc.sql("SELECT coalesce(min(id), 1) FROM subsidy_claim").query(Long.class).single();
        long record = jdbc.sql("SELECT coalesce(min(id), 1) FROM credit_record").query(Long.class).single();
        HttpResponse<String> subsidy = raw("POST", "/api/v1/subsidies/" + claim + "/documents", "application/json",
                "{}".getBytes());
        assertProblem(subsidy, 415);
        HttpResponse<String> credit = raw("POST", "/api/v1/credit/records/" + record + "/evidence",
                "application/json", "{}".getBytes());
        assertProblem(credit, 415);
        HttpResponse<String> noPart = raw("POST", "/api/v1/credit/records/" + record + "/evidence",
                "multipart/form-data; boundary=xyz", "--xyz--\r\n".getBytes());
        assertThat(noPart.statusCode()).as(noPart.body()).isBetween(400, 499);
    }

    @Test
    void anOversizeUploadAnswers413() {
        long record = jdbc.sql("SELECT coalesce(min(id), 1) FROM credit_record").query(Long.class).single();
        byte[] big = new byte[26 * 1024 * 1024];
        HttpResponse<String> res = cityAdmin().upload("/api/v1/credit/records/" + record + "/evidence", "big.pdf", big);
        assertProblem(res, 413);
    }

    @Test
    void anOversizeFieldAnswers400AndChangesNothing() {
        long id = estate();
        String before = jdbc.sql("SELECT name FROM estate WHERE id = :id").param("id", id).query(String.class).single();
        String name = "长".repeat(100_000);
        HttpResponse<String> res = cityAdmin().send("PUT", "/api/v1/estates/" + id, "{\"name\":\"" + name
                + "\",\"address\":\"x\",\"communityId\":1,\"category\":\"BASIC\",\"managementMode\":\"NONE\","
                + "\"floorArea\":1,\"householdCount\":1}");
        assertProblem(res, 400);
        assertThat(jdbc.sql("SELECT name FROM estate WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo(before);
    }

    @Test
    void aDateBeyondTheDatabasesRangeAnswers400() {
        HttpResponse<String> res = cityAdmin().send("PUT", "/api/v1/estates/" + estate() + "/committee", """
                {"kind":"OWNERS","termStart":"2024-01-01","termEnd":"+999999999-12-31","memberCount":5,
                 "partyMemberCount":1}""");
        assertProblem(res, 400);
    }

    @Test
    void aFindingWithoutARuleAnswers400InOurBody() {
        long round = RoundFixture.openOverDongfeng(port, directory, 5);
        ApiClient street = ApiClient.as(port, "street_df", Browserless.DEMO_PASSWORD);
        long inspection = RoundFixture.inspections(street, round).get(0);
        HttpResponse<String> res = street.send("PUT", "/api/v1/inspections/" + inspection + "/findings",
                "[{\"rule\":null,\"count\":1}]");
        assertProblem(res, 400);
        assertThat(JSON.readTree(res.body()).get("errors").get(0).get("field").asString()).isEqualTo("rule");
        assertProblem(street.send("PUT", "/api/v1/inspections/" + inspection + "/findings", "[null]"), 400);
    }
}
