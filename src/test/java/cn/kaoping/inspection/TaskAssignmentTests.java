package cn.kaoping.inspection;

import static cn.kaoping.inspection.RoundFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.support.ApiClient;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A street office shares out its inspection tasks: an officer of the task's street assigns it to a colleague of the
 * same street; "my tasks" then lists what is assigned to me and what nobody has taken yet, with due dates.
 */
@IntegrationTest
class TaskAssignmentTests {

    @LocalServerPort
    int port;
    private final OrganisationDirectory directory;
    private final JdbcClient jdbc;

    TaskAssignmentTests(@Autowired OrganisationDirectory directory, @Autowired JdbcClient jdbc) {
        this.directory = directory;
        this.jdbc = jdbc;
    }

    ApiClient as(String user) {
        return ApiClient.as(port, user, Browserless.DEMO_PASSWORD);
    }

    /** A second street officer of 东风街道 with the demo password, named uniquely for this test. */
    private String colleagueOfStreetDf(String displayName) {
        String username = "df_officer_" + System.nanoTime();
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, password_hash, role, region_id)
                SELECT :u, :name, password_hash, 'STREET_OFFICER', region_id FROM app_user WHERE username = 'street_df'""")
                .param("u", username).param("name", displayName).update();
        return username;
    }

    private List<Long> myTasksOf(String user, long round) {
        List<Long> ids = new ArrayList<>();
        for (JsonNode t : json(as(user).get("/api/v1/tasks"))) {
            if (t.get("roundId").asLong() == round) {
                assertThat(t.get("due").asString()).as("every task shows its due date").isEqualTo("2020-07-15");
                ids.add(t.get("id").asLong());
            }
        }
        return ids;
    }

    @Test
    void anOfficerAssignsATaskToAColleagueAndEachSeesHisOwnAndTheUnassignedTasksWithDueDates() {
        long round = RoundFixture.openOverDongfeng(port, directory, 7);
        List<Long> tasks = RoundFixture.inspections(as("street_df"), round);
        assertThat(tasks).hasSizeGreaterThanOrEqualTo(3);
        long forColleague = tasks.get(0);
        long forMe = tasks.get(1);
        long open = tasks.get(2);
        String colleague = colleagueOfStreetDf("东风街道 检查员王芳");

        JsonNode officers = json(as("street_df").get("/api/v1/inspections/" + forColleague + "/officers"));
        List<String> names = new ArrayList<>();
        officers.forEach(o -> names.add(o.get("username").asString()));
        assertThat(names).contains("street_df", colleague).doesNotContain("street_xh");

        HttpResponse<String> assigned = as("street_df").send("PUT", "/api/v1/inspections/" + forColleague
                + "/assignee", "{\"assignee\": \"" + colleague + "\"}");
        assertThat(assigned.statusCode()).isEqualTo(200);
        assertThat(json(assigned).get("assignee").asString()).isEqualTo(colleague);
        assertThat(as("street_df").send("PUT", "/api/v1/inspections/" + forMe + "/assignee",
                "{\"assignee\": \"street_df\"}").statusCode()).isEqualTo(200);

        assertThat(myTasksOf("street_df", round)).contains(forMe, open).doesNotContain(forColleague);
        assertThat(myTasksOf(colleague, round)).contains(forColleague, open).doesNotContain(forMe);

        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_event WHERE entity_type = 'inspection' AND entity_id = :id
                AND action = 'ASSIGN' AND actor = 'street_df' AND after ->> 'assignee' = :who""")
                .param("id", Long.toString(forColleague)).param("who", colleague).query(Long.class).single())
                .isEqualTo(1);

        // the round page offers the street's officers; the list of my tasks says which are mine
        Browserless screen = Browserless.signIn(port, "street_df", Browserless.DEMO_PASSWORD);
        String page = screen.get("/rounds/" + round).body();
        assertThat(page).contains("name=\"assignee\"").contains("东风街道 检查员王芳");
        HttpResponse<String> posted = screen.post("/rounds/tasks/" + open + "/assign", Map.of("assignee", colleague));
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location").orElse("")).contains("/rounds/" + round);
        assertThat(screen.get("/rounds/" + round).body()).contains("检查任务已指派");
        assertThat(json(as("street_df").get("/api/v1/inspections/" + open)).get("assignee").asString())
                .isEqualTo(colleague);
        String list = screen.get("/rounds").body();
        assertThat(list).contains("data-task=\"" + forMe + "\"").doesNotContain("data-task=\"" + open + "\"")
                .contains("已指派给我").contains("截止 2020-07-15");
    }

    @Test
    void nobodyAssignsATaskOfAnotherStreetOrToAnOfficerOfAnotherStreet() {
        long round = RoundFixture.openOverDongfeng(port, directory, 7);
        long task = RoundFixture.inspections(as("street_df"), round).get(0);

        HttpResponse<String> otherStreet = as("street_xh").send("PUT", "/api/v1/inspections/" + task + "/assignee",
                "{\"assignee\": \"street_xh\"}");
        assertThat(otherStreet.statusCode()).isEqualTo(404);
        assertThat(as("street_xh").get("/api/v1/inspections/" + task + "/officers").statusCode()).isEqualTo(404);
        Browserless xh = Browserless.signIn(port, "street_xh", Browserless.DEMO_PASSWORD);
        assertThat(xh.post("/rounds/tasks/" + task + "/assign", Map.of("assignee", "street_xh")).statusCode())
                .isEqualTo(404);

        HttpResponse<String> foreignOfficer = as("street_df").send("PUT", "/api/v1/inspections/" + task
                + "/assignee", "{\"assignee\": \"street_xh\"}");
        assertThat(foreignOfficer.statusCode()).isEqualTo(400);
        assertThat(foreignOfficer.body()).contains("只能指派给本街道办事处的检查人员");
        assertThat(as("street_df").send("PUT", "/api/v1/inspections/" + task + "/assignee",
                "{\"assignee\": \"hedong_admin\"}").statusCode()).as("not an officer").isEqualTo(400);
        assertThat(as("hedong_admin").send("PUT", "/api/v1/inspections/" + task + "/assignee",
                "{\"assignee\": \"street_df\"}").statusCode()).as("the district does not share out").isEqualTo(403);

        Browserless df = Browserless.signIn(port, "street_df", Browserless.DEMO_PASSWORD);
        df.post("/rounds/tasks/" + task + "/assign", Map.of("assignee", "street_xh"));
        assertThat(df.get("/rounds/" + round).body()).contains("只能指派给本街道办事处的检查人员");

        assertThat(json(as("street_df").get("/api/v1/inspections/" + task)).get("assignee").isNull()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE entity_type = 'inspection' AND entity_id = :id "
                + "AND action = 'ASSIGN'").param("id", Long.toString(task)).query(Long.class).single()).isZero();
    }
}
