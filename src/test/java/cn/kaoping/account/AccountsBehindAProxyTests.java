package cn.kaoping.account;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.support.ApiClient;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import cn.kaoping.survey.SurveyFixture;
import cn.kaoping.survey.internal.IssueSurveyCodes;
import cn.kaoping.survey.internal.OpenSurvey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sign-in failures say nothing about the account; a client address that fails too often is throttled before any
 * account is locked; behind a proxy the client's address and scheme are the forwarded ones (the test profile runs
 * with {@code KAOPING_FORWARDED_HEADERS=native}, the loopback being a trusted proxy).
 */
@IntegrationTest
class AccountsBehindAProxyTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String FAILED = "用户名或密码错误，或因多次输错已被暂时锁定，请稍后再试";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OpenSurvey open;
    @Autowired
    IssueSurveyCodes codes;

    @Autowired
    OrganisationDirectory directory;

    private HttpResponse<String> token(String username, String password, String clientAddress) {
        return ApiClient.anonymous(port).raw("POST", "/api/v1/auth/token", "application/json",
                ("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}").getBytes(),
                "X-Forwarded-For", clientAddress);
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyFailedSignInGetsTheSameAnswerWhetherTheUserExistsOrIsLocked() {
        jdbc.sql("UPDATE app_user SET locked_until = now() + interval '10 minutes' WHERE username = 'street_gw'")
                .update();
        try {
            List<HttpResponse<String>> answers = List.of(token("street_hc", "wrong-password-1", "192.0.2.10"),
                    token("no_such_user_x", "wrong-password-1", "192.0.2.10"),
                    token("street_gw", Browserless.DEMO_PASSWORD, "192.0.2.10"));
            for (HttpResponse<String> a : answers) {
                assertThat(a.statusCode()).isEqualTo(401);
                assertThat(JSON.readTree(a.body()).get("detail").asString()).isEqualTo(FAILED);
            }
            HttpResponse<String> screen = Browserless.attemptSignIn(port, "street_gw", Browserless.DEMO_PASSWORD);
            assertThat(screen.headers().firstValue("Location").orElse("")).endsWith("/login?error");
        } finally {
            jdbc.sql("UPDATE app_user SET locked_until = NULL, failed_attempts = 0 WHERE username IN ('street_gw', 'street_hc')")
                    .update();
        }
    }

    @Test
    void anAddressThatFailsTooOftenIsRefusedEvenWithTheRightPasswordWhileOthersSignIn() {
        String attacker = "203.0.113.66";
        for (int i = 0; i < 20; i++) {
            assertThat(token("sprayed_" + i, "Guess-2026-" + i, attacker).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> refused = token("street_js", Browserless.DEMO_PASSWORD, attacker);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(refused.body()).get("detail").asString()).isEqualTo(FAILED);
        assertThat(token("street_js", Browserless.DEMO_PASSWORD, "203.0.113.67").statusCode()).isEqualTo(200);
        // kept in the database, for every instance; the user's own counter was not touched by the refusal
        assertThat(jdbc.sql("SELECT blocked_until > now() FROM login_throttle WHERE client_address = :a")
                .param("a", attacker).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT failed_attempts FROM app_user WHERE username = 'street_js'").query(Integer.class)
                .single()).isZero();
    }

    @Test
    void behindAnHttpsProxyTheSessionCookieIsSecureWithHstsAndHttpsRedirects() throws Exception {
        HttpResponse<String> login = get("/login", "X-Forwarded-Proto", "https", "X-Forwarded-For", "198.51.100.5");
        assertThat(login.headers().firstValue("Strict-Transport-Security")).isPresent();
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("SESSION=")
                .contains("Secure").contains("HttpOnly"));
        HttpResponse<String> home = get("/", "X-Forwarded-Proto", "https", "X-Forwarded-Host", "kaoping.example.cn");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElse("")).startsWith("https://");
        // and directly over http: no HSTS, no Secure
        HttpResponse<String> plain = get("/login");
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(plain.headers().allValues("Set-Cookie")).noneMatch(c -> c.contains("Secure"));
    }

    @Test
    void theOwnersPagesCsrfCookieIsSameSiteLax() throws Exception {
        SurveyFixture.Made m = new SurveyFixture(jdbc, open, codes, directory).survey("shenyang-professional",
                "PROFESSIONAL", 2);
        HttpResponse<String> page = get("/s/" + m.linkKey());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("XSRF-TOKEN=")
                .contains("SameSite=Lax"));
    }
}
