package cn.kaoping.voting.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.support.WebSlice;
import cn.kaoping.voting.internal.CountRoll;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tally as a public function: exact answers, bad input a 400 naming the field (issue 13). The API and the real
 * count (a pure function) without a database: a slice. That a caller must be signed in is {@code SignInTests}'.
 */
@WebSlice(VotingApiController.class)
@Import(CountRoll.class)
class TallyApiTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    private static JsonNode json(MvcTestResult res) {
        try {
            return JSON.readTree(res.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private MvcTestResult tally(String body) {
        return mvc.post().uri("/api/v1/voting/tally").contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    @Test
    void aCommitteeMemberCountsARollAndSeesTheThresholdsSpelledOut() {
        MvcTestResult res = tally("""
                {"matter": 4, "units": [
                  {"unit": "1-101", "owner": "张三", "area": 89.50, "ballot": "FOR"},
                  {"unit": "1-102", "owner": "张三", "area": 60.00, "ballot": "FOR"},
                  {"unit": "1-201", "owner": "李四", "area": 89.50, "ballot": "AGAINST"},
                  {"unit": "1-202", "owner": "王五", "area": 89.50, "ballot": "同意"},
                  {"unit": "2-101", "owner": "开发商", "area": 120.00, "unsold": true}]}""");
        assertThat(res).hasStatusOk();
        JsonNode t = json(res);
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
        assertThat(problem("{\"matter\": 10, \"units\": [{\"unit\": \"1\", \"owner\": \"甲\", \"area\": 1}]}"))
                .containsKey("matter");
        assertThat(problem("{\"matter\": 1, \"units\": [{\"unit\": \"1\", \"owner\": \"甲\", \"area\": -1}]}"))
                .containsKey("units[0].area");
        assertThat(problem("{\"matter\": 1, \"units\": [{\"unit\": \"1\", \"owner\": \"甲\"}]}"))
                .containsKey("units[0].area");
        assertThat(problem("{\"matter\": 1, \"units\": [{\"unit\": \"1\", \"owner\": \"甲\", \"area\": 1, "
                + "\"ballot\": \"MAYBE\"}]}")).containsKey("units[0].ballot");
        assertThat(problem("{\"matter\": 1, \"units\": [{\"unit\": \"1\", \"owner\": \"甲\", \"area\": 1, "
                + "\"ballot\": \"FOR\"}, {\"unit\": \"2\", \"owner\": \"甲\", \"area\": 1, \"ballot\": \"AGAINST\"}]}"))
                .containsKey("units[1].ballot");
        assertThat(problem("{\"matter\": 1, \"units\": []}")).containsKey("units");
    }

    private Map<String, String> problem(String body) {
        MvcTestResult res = tally(body);
        assertThat(res).hasStatus(400);
        Map<String, String> fields = new java.util.HashMap<>();
        json(res).get("errors").forEach(e -> fields.put(e.get("field").asString(),
                e.get("message").asString()));
        return fields;
    }
}
