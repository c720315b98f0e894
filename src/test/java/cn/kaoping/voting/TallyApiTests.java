package cn.kaoping.voting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.support.ApiClient;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The tally as a public function: any signed-in user, exact answers, bad input a 400 naming the field (issue 13). */
@IntegrationTest
class TallyApiTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void aCommitteeMemberCountsARollAndSeesTheThresholdsSpelledOut() {
        ApiClient committee = ApiClient.as(port, "committee_member", Browserless.DEMO_PASSWORD);
        HttpResponse<String> res = committee.send("POST", "/api/v1/voting/tally", """
                {"matter": 4, "units": [
                  {"unit": "1-101", "owner": "张三", "area": 89.50, "ballot": "FOR"},
                  {"unit": "1-102", "owner": "张三", "area": 60.00, "ballot": "FOR"},
                  {"unit": "1-201", "owner": "李四", "area": 89.50, "ballot": "AGAINST"},
                  {"unit": "1-202", "owner": "王五", "area": 89.50, "ballot": "同意"},
                  {"unit": "2-101", "owner": "开发商", "area": 120.00, "unsold": true}]}""");
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        JsonNode t = JSON.readTree(res.body());
        assertThat(t.get("matterLabel").asString()).contains("物业服务企业");
        assertThat(t.get("headcount").get("total").asInt()).isEqualTo(4);
        assertThat(t.get("headcount").get("voted").asInt()).isEqualTo(3);
        assertThat(t.get("headcount").get("for").asInt()).isEqualTo(2);
        assertThat(t.get("area").get("total").decimalValue()).isEqualByComparingTo("448.50");
        assertThat(t.get("area").get("voted").decimalValue()).isEqualByComparingTo("328.50");
        assertThat(t.get("quorumMet").asBoolean()).isTrue();
        assertThat(t.get("passed").asBoolean()).isTrue();
        assertThat(t.get("reasons").toString()).contains("三分之二以上").contains("过半数").contains("民法典第二百七十八条");
    }

    @Test
    void badInputAnswers400NamingTheField() {
        ApiClient user = ApiClient.as(port, "street_df", Browserless.DEMO_PASSWORD);
        assertThat(problem(user, "{\"matter\": 10, \"units\": [{\"unit\": \"1\", \"owner\": \"甲\", \"area\": 1}]}"))
                .containsKey("matter");
        assertThat(problem(user, "{\"matter\": 1, \"units\": [{\"unit\": \"1\", \"owner\": \"甲\", \"area\": -1}]}"))
                .containsKey("units[0].area");
        assertThat(problem(user, "{\"matter\": 1, \"units\": [{\"unit\": \"1\", \"owner\": \"甲\"}]}"))
                .containsKey("units[0].area");
        assertThat(problem(user, "{\"matter\": 1, \"units\": [{\"unit\": \"1\", \"owner\": \"甲\", \"area\": 1, "
                + "\"ballot\": \"MAYBE\"}]}")).containsKey("units[0].ballot");
        assertThat(problem(user, "{\"matter\": 1, \"units\": [{\"unit\": \"1\", \"owner\": \"甲\", \"area\": 1, "
                + "\"ballot\": \"FOR\"}, {\"unit\": \"2\", \"owner\": \"甲\", \"area\": 1, \"ballot\": \"AGAINST\"}]}"))
                .containsKey("units[1].ballot");
        assertThat(problem(user, "{\"matter\": 1, \"units\": []}")).containsKey("units");
    }

    @Test
    void withoutSigningInTheTallyIsRefused() {
        HttpResponse<String> res = ApiClient.anonymous(port).send("POST", "/api/v1/voting/tally", "{\"matter\": 1}");
        assertThat(res.statusCode()).isEqualTo(401);
    }

    private Map<String, String> problem(ApiClient user, String body) {
        HttpResponse<String> res = user.send("POST", "/api/v1/voting/tally", body);
        assertThat(res.statusCode()).as(res.body()).isEqualTo(400);
        Map<String, String> fields = new java.util.HashMap<>();
        JSON.readTree(res.body()).get("errors").forEach(e -> fields.put(e.get("field").asString(),
                e.get("message").asString()));
        return fields;
    }
}
