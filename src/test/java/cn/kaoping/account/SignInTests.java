package cn.kaoping.account;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.support.ApiClient;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sign-in, the password policy, lock-out, and user administration. */
@IntegrationTest
class SignInTests {

    private static final String ADMIN_PASSWORD = "Qinghe-Test-2026"; // src/test/resources/application-test.yml

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private Browserless admin() {
        return Browserless.signIn(port, "admin", ADMIN_PASSWORD);
    }

    private HttpResponse<String> createUser(Browserless admin, String username, String password) {
        long street = jdbc.sql("SELECT id FROM region WHERE code = 'QH-HX-BH'").query(Long.class).single();
        return admin.post("/admin/users", Map.of("username", username, "displayName", "滨河街道 测试员",
                "role", "STREET_OFFICER", "regionId", String.valueOf(street), "password", password));
    }

    @Test
    void passwordsAreStoredAsBcryptHashesNeverAsText() {
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = 'street_df'")
                .query(String.class).single();
        assertThat(hash).startsWith("$2").doesNotContain(Browserless.DEMO_PASSWORD);
    }

    @Test
    void administratorCreatesAUserWhoThenSignsInAndSeesOnlyHisStreet() {
        Browserless admin = admin();
        HttpResponse<String> created = createUser(admin, "binhe_new", "Binhe-2026-pass");
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/users").body()).contains("binhe_new").contains("滨河街道");
        Browserless officer = Browserless.signIn(port, "binhe_new", "Binhe-2026-pass");
        assertThat(officer.get("/estates").body()).contains("滨河街道").doesNotContain("东风街道");
    }

    @Test
    void sessionsLiveInPostgresSoAnyInstanceCanServeTheNextRequest() {
        Browserless.signIn(port, "street_gm", Browserless.DEMO_PASSWORD);
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = 'street_gm'")
                .query(Long.class).single()).isPositive();
        // and the stored session does not carry the password hash
        assertThat(jdbc.sql("""
                SELECT count(*) FROM spring_session_attributes a
                JOIN spring_session s ON s.primary_id = a.session_primary_id
                JOIN app_user u ON u.username = s.principal_name
                WHERE s.principal_name = 'street_gm'
                  AND position(convert_to(u.password_hash, 'UTF8') IN a.attribute_bytes) > 0""")
                .query(Long.class).single()).isZero();
    }

    @Test
    void weakPasswordsAreRefusedWithTheReasonBesideTheField() {
        Browserless admin = admin();
        HttpResponse<String> short_ = createUser(admin, "weak_one", "abc123");
        assertThat(short_.statusCode()).isEqualTo(200);
        assertThat(short_.body()).contains("密码至少10位");
        HttpResponse<String> noDigit = createUser(admin, "weak_two", "onlyletterspassword");
        assertThat(noDigit.body()).contains("密码须同时包含字母和数字");
        assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE username LIKE 'weak_%'").query(Long.class).single())
                .isZero();
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightPassword() {
        createUser(admin(), "lock_me", "Lockme-2026-pass");
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> wrong = Browserless.attemptSignIn(port, "lock_me", "wrong-password-" + i);
            assertThat(wrong.headers().firstValue("Location").orElse("")).contains("/login?error");
        }
        HttpResponse<String> right = Browserless.attemptSignIn(port, "lock_me", "Lockme-2026-pass");
        assertThat(right.headers().firstValue("Location").orElse("")).contains("/login?error");
        // the API token endpoint honours the same lock
        HttpResponse<String> token = ApiClient.anonymous(port).send("POST", "/api/v1/auth/token",
                "{\"username\":\"lock_me\",\"password\":\"Lockme-2026-pass\"}");
        assertThat(token.statusCode()).isEqualTo(401);
        assertThat(token.body()).contains("锁定");
    }

    @Test
    void nonAdministratorsCannotReachUserAdministration() {
        Browserless district = Browserless.signIn(port, "hedong_admin", Browserless.DEMO_PASSWORD);
        assertThat(district.get("/admin/users").statusCode()).isEqualTo(403);
        HttpResponse<String> attempt = createUser(district, "sneaky", "Sneaky-2026-pass");
        assertThat(attempt.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE username = 'sneaky'").query(Long.class).single()).isZero();
    }

    @Test
    void signedOutVisitorsAreSentToTheSignInPage() {
        HttpResponse<String> res = Browserless.attemptSignIn(port, "nobody", "x");
        assertThat(res.headers().firstValue("Location").orElse("")).contains("/login?error");
    }

    @Test
    void theApiRefusesACallerWhoIsNotSignedInEvenForThePublicTally() {
        HttpResponse<String> res = ApiClient.anonymous(port).send("POST", "/api/v1/voting/tally", "{\"matter\": 1}");
        assertThat(res.statusCode()).isEqualTo(401);
    }
}
