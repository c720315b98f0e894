package cn.kaoping.inspection;

import static cn.kaoping.inspection.RoundFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.support.ApiClient;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Objections 异议 during publicity: the estate's company objects to findings with a reason and a photo; another
 * company cannot; the district rejects one with a reason and upholds another, which changes the finding and the
 * score; both sides see objection and decision, and the audit log keeps all of it.
 */
@IntegrationTest
class ObjectionTests {

    @LocalServerPort
    int port;
    private final OrganisationDirectory directory;
    private final JdbcClient jdbc;

    ObjectionTests(@Autowired OrganisationDirectory directory, @Autowired JdbcClient jdbc) {
        this.directory = directory;
        this.jdbc = jdbc;
    }

    ApiClient as(String user) {
        return ApiClient.as(port, user, Browserless.DEMO_PASSWORD);
    }

    /** A task of the round whose estate is managed by company_user's company. */
    private long taskOfCompanyUser(long round, List<Long> tasks) {
        long company = jdbc.sql("SELECT company_id FROM app_user WHERE username = 'company_user'")
                .query(Long.class).single();
        return jdbc.sql("SELECT id FROM inspection WHERE round_id = :r AND company_id = :c ORDER BY id LIMIT 1")
                .param("r", round).param("c", company).query(Long.class).optional().orElseGet(() -> {
                    // the demo city may give company_user's company no estate in 东风街道: hand it one of ours
                    jdbc.sql("UPDATE inspection SET company_id = :c WHERE id = :id").param("c", company)
                            .param("id", tasks.get(0)).update();
                    return tasks.get(0);
                });
    }

    /** A company user of another company, with the demo password. */
    private String userOfAnotherCompany() {
        String username = "other_company_" + System.nanoTime();
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, password_hash, role, company_id)
                SELECT :u, '另一家物业 管理员', u.password_hash, 'COMPANY_USER',
                       (SELECT id FROM property_company WHERE id <> u.company_id ORDER BY id LIMIT 1)
                FROM app_user u WHERE u.username = 'company_user'""").param("u", username).update();
        return username;
    }

    private long audited(String action, long objection) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE entity_type = 'objection' AND entity_id = :id "
                + "AND action = :a").param("id", Long.toString(objection)).param("a", action).query(Long.class)
                .single();
    }

    @Test
    void theCompanyObjectsDuringPublicityAndTheDistrictRejectsOneAndUpholdsAnotherVisibleToBothSides() {
        long round = RoundFixture.openOverDongfeng(port, directory, 7);
        List<Long> tasks = RoundFixture.inspections(as("street_df"), round);
        long task = taskOfCompanyUser(round, tasks);
        assertThat(as("street_df").send("PUT", "/api/v1/inspections/" + task + "/findings",
                "[{\"rule\": \"10.a\", \"count\": 4}, {\"rule\": \"1.b\", \"holds\": true}]").statusCode())
                .isEqualTo(200);
        assertThat(as("company_user").get("/api/v1/inspections/" + task).statusCode())
                .as("the company sees its results from publicity on").isEqualTo(404);
        for (long t : tasks) {
            assertThat(as("street_df").send("POST", "/api/v1/inspections/" + t + "/submit", null).statusCode())
                    .isEqualTo(200);
            assertThat(as("hedong_admin").send("POST", "/api/v1/inspections/" + t + "/accept", null).statusCode())
                    .isEqualTo(200);
        }
        assertThat(as("hedong_admin").send("POST", "/api/v1/rounds/" + round + "/publicity", null).statusCode())
                .isEqualTo(200);
        assertThat(json(as("company_user").get("/api/v1/inspections/" + task)).get("evaluation").get("total")
                .decimalValue()).isEqualByComparingTo("83");

        // the estate's company objects: one with a reason, one with a reason and a photo
        HttpResponse<String> first = as("company_user").send("POST", "/api/v1/inspections/" + task + "/objections",
                "{\"rule\": \"10.a\", \"reason\": \"当晚保安在监控室值班，并未缺岗\"}");
        assertThat(first.statusCode()).isEqualTo(201);
        long rejected = json(first).get("id").asLong();
        HttpResponse<String> second = as("company_user").upload("/api/v1/inspections/" + task + "/objections?rule=1.b"
                + "&reason=" + Browserless.enc("消防通道已于检查当日清理，见照片"), "fire-lane.png", RoundFixture.png());
        assertThat(second.statusCode()).isEqualTo(201);
        long upheld = json(second).get("id").asLong();
        assertThat(as("company_user").send("POST", "/api/v1/inspections/" + task + "/objections",
                "{\"rule\": \"10.a\", \"reason\": \" \"}").statusCode()).as("a reason is required").isEqualTo(400);

        // nobody else objects, and the company does not decide
        String stranger = userOfAnotherCompany();
        HttpResponse<String> foreign = as(stranger).send("POST", "/api/v1/inspections/" + task + "/objections",
                "{\"rule\": \"10.a\", \"reason\": \"我们也有意见\"}");
        assertThat(foreign.statusCode()).isIn(403, 404);
        assertThat(as(stranger).get("/api/v1/inspections/" + task).statusCode()).isEqualTo(404);
        assertThat(as("street_df").send("POST", "/api/v1/inspections/" + task + "/objections",
                "{\"rule\": \"10.a\", \"reason\": \"街道也有意见\"}").statusCode()).isEqualTo(403);
        assertThat(as("company_user").send("POST", "/api/v1/objections/" + upheld + "/decision",
                "{\"upheld\": true, \"decision\": \"自己说了算\", \"holds\": false}").statusCode()).isEqualTo(403);
        assertThat(as("hedong_admin").send("POST", "/api/v1/rounds/" + round + "/publish", null).statusCode())
                .as("publicity is not over and objections are open").isEqualTo(409);

        // the district decides: rejected with a reason, upheld with the corrected finding and a reason
        assertThat(as("hedong_admin").send("POST", "/api/v1/objections/" + rejected + "/decision",
                "{\"upheld\": false, \"decision\": \"\"}").statusCode()).as("a decision needs a reason").isEqualTo(400);
        assertThat(as("hedong_admin").send("POST", "/api/v1/objections/" + rejected + "/decision",
                "{\"upheld\": false, \"decision\": \"监控录像显示 22 时至 24 时门岗无人\"}").statusCode())
                .isEqualTo(200);
        assertThat(as("hedong_admin").send("POST", "/api/v1/objections/" + upheld + "/decision",
                "{\"upheld\": true, \"holds\": false, \"note\": \"复核：通道畅通\", \"decision\": \"照片证明消防通道畅通\"}")
                .statusCode()).isEqualTo(200);
        assertThat(as("hedong_admin").send("POST", "/api/v1/objections/" + rejected + "/decision",
                "{\"upheld\": true, \"decision\": \"再改一次\", \"count\": 0}").statusCode())
                .as("decided once").isEqualTo(409);

        // both sides see objections and decisions; the upheld one changed the finding and the score
        for (String side : List.of("company_user", "hedong_admin", "street_df")) {
            JsonNode seen = json(as(side).get("/api/v1/inspections/" + task));
            JsonNode objections = seen.get("objections");
            assertThat(objections).as(side).hasSize(2);
            JsonNode no = objections.get(0).get("id").asLong() == rejected ? objections.get(0) : objections.get(1);
            JsonNode yes = objections.get(0).get("id").asLong() == upheld ? objections.get(0) : objections.get(1);
            assertThat(no.get("status").asString()).isEqualTo("REJECTED");
            assertThat(no.get("decision").asString()).isEqualTo("监控录像显示 22 时至 24 时门岗无人");
            assertThat(no.get("reason").asString()).isEqualTo("当晚保安在监控室值班，并未缺岗");
            assertThat(yes.get("status").asString()).isEqualTo("UPHELD");
            assertThat(yes.get("decision").asString()).isEqualTo("照片证明消防通道畅通");
            assertThat(yes.get("hasPhoto").asBoolean()).isTrue();
            // 1.b 未备案 (-5) no longer counts: 83 + 5
            assertThat(seen.get("evaluation").get("total").decimalValue()).as(side).isEqualByComparingTo("88");
            JsonNode fireLane = null;
            for (JsonNode f : seen.get("findings")) {
                if (f.get("rule").asString().equals("1.b")) {
                    fireLane = f;
                }
            }
            assertThat(fireLane).isNotNull();
            assertThat(fireLane.get("holds").asBoolean()).isFalse();
            assertThat(fireLane.get("note").asString()).isEqualTo("复核：通道畅通");
        }
        assertThat(as("company_user").get("/api/v1/inspections/" + task + "/objections/" + upheld + "/photo")
                .statusCode()).isEqualTo(200);
        assertThat(as(stranger).get("/api/v1/inspections/" + task + "/objections/" + upheld + "/photo")
                .statusCode()).isEqualTo(404);

        // the screens show the same to the company, with the photo as a thumbnail
        Browserless company = Browserless.signIn(port, "company_user", Browserless.DEMO_PASSWORD);
        String page = company.get("/rounds/tasks/" + task).body();
        assertThat(page).contains("当晚保安在监控室值班，并未缺岗").contains("监控录像显示 22 时至 24 时门岗无人")
                .contains("异议不成立").contains("异议成立").contains("照片证明消防通道畅通")
                .contains("/rounds/tasks/" + task + "/objections/" + upheld + "/photo").contains("objection-thumb");
        assertThat(company.get("/rounds/tasks/" + task + "/objections/" + upheld + "/photo").statusCode())
                .isEqualTo(200);
        String roundPage = company.get("/rounds/" + round).body();
        assertThat(roundPage).contains("id=\"round-objections\"").contains("消防通道已于检查当日清理，见照片")
                .contains("照片证明消防通道畅通").contains("/rounds/tasks/" + task + "/objections/" + upheld + "/photo");
        assertThat(Browserless.signIn(port, "hedong_admin", Browserless.DEMO_PASSWORD).get("/rounds/" + round).body())
                .contains("监控录像显示 22 时至 24 时门岗无人").contains("objection-thumb");
        HttpResponse<String> screenObjection = company.post("/rounds/tasks/" + task + "/objections",
                Map.of("rule", "10.a", "reason", "补充：值班记录表可证明"));
        assertThat(screenObjection.statusCode()).isIn(302, 303);

        // the audit log has the objections and both decisions, the upheld one with the finding before and after
        assertThat(audited("OBJECT", rejected)).isEqualTo(1);
        assertThat(audited("OBJECT", upheld)).isEqualTo(1);
        assertThat(audited("OBJECTION_REJECTED", rejected)).isEqualTo(1);
        assertThat(audited("OBJECTION_UPHELD", upheld)).isEqualTo(1);
        Map<String, Object> change = jdbc.sql("""
                SELECT summary, before::text AS before, after::text AS after FROM audit_event
                WHERE entity_type = 'objection' AND entity_id = :id AND action = 'OBJECTION_UPHELD'""")
                .param("id", Long.toString(upheld)).query().singleRow();
        assertThat((String) change.get("summary")).contains("照片证明消防通道畅通").contains("1.b");
        assertThat((String) change.get("before")).contains("\"holds\": true");
        assertThat((String) change.get("after")).contains("复核：通道畅通");
    }

    @Test
    void noObjectionAfterPublicityAndThePublishedSnapshotKeepsTheObjectionsWithTheirDecisions() {
        long round = RoundFixture.openOverDongfeng(port, directory, 0);
        List<Long> tasks = RoundFixture.inspections(as("street_df"), round);
        long task = taskOfCompanyUser(round, tasks);
        for (long t : tasks) {
            as("street_df").send("POST", "/api/v1/inspections/" + t + "/submit", null);
            as("hedong_admin").send("POST", "/api/v1/inspections/" + t + "/accept", null);
        }
        assertThat(as("hedong_admin").send("POST", "/api/v1/rounds/" + round + "/publicity", null).statusCode())
                .isEqualTo(200);
        HttpResponse<String> late = as("company_user").send("POST", "/api/v1/inspections/" + task + "/objections",
                "{\"rule\": \"10.a\", \"reason\": \"公示期已过\"}");
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("不在公示期内");

        // a zero-day publicity takes no objections: write a decided one as the district's decision leaves it
        jdbc.sql("""
                INSERT INTO objection (round_id, inspection_id, rule_code, reason, raised_by, raised_at, status,
                                       decision, decided_by, decided_at)
                VALUES (:r, :i, '10.a', '保安在岗', 'company_user', now(), 'REJECTED', '录像显示无人值守',
                        'hedong_admin', now())""").param("r", round).param("i", task).update();
        assertThat(as("hedong_admin").send("POST", "/api/v1/rounds/" + round + "/publish", null).statusCode())
                .isEqualTo(200);
        assertThat(as("hedong_admin").get("/api/v1/rounds/" + round + "/results/1").body())
                .contains("保安在岗").contains("录像显示无人值守").contains("REJECTED");
    }
}
