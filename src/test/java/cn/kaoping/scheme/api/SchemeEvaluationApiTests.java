package cn.kaoping.scheme.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.support.ApiClient;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The what-if calculator over real HTTP with a bearer token: explained scores, grades, passes and every error. */
@IntegrationTest
class SchemeEvaluationApiTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    ApiClient street;

    @BeforeEach
    void signIn() {
        street = ApiClient.as(port, "street_df", Browserless.DEMO_PASSWORD);
    }

    private HttpResponse<String> evaluate(String code, String body) {
        return street.send("POST", "/api/v1/schemes/" + code + "/evaluate", body);
    }

    private static JsonNode json(HttpResponse<String> res) {
        return JSON.readTree(res.body());
    }

    private static JsonNode item(JsonNode evaluation, String code) {
        for (JsonNode item : evaluation.get("items")) {
            if (item.get("code").asString().equals(code)) {
                return item;
            }
        }
        throw new AssertionError("no item " + code + " in " + evaluation);
    }

    private static JsonNode part(JsonNode evaluation, String code) {
        for (JsonNode part : evaluation.get("parts")) {
            if (part.get("code").asString().equals(code)) {
                return part;
            }
        }
        throw new AssertionError("no part " + code + " in " + evaluation);
    }

    @Test
    void explainsFiveGuardShortfallsAsTwoAndAHalfPointsAndGradesTheTotal() {
        HttpResponse<String> res = evaluate("erqi-old-estate", """
                {"asOf": "2020-12-31", "facts": [{"rule": "10.a", "count": 5},
                 {"rule": "20", "value": 0.85, "sample": 0.12}]}""");

        assertThat(res.statusCode()).isEqualTo(200);
        JsonNode e = json(res);
        assertThat(e.get("scheme").asString()).isEqualTo("erqi-old-estate");
        assertThat(e.get("version").asInt()).isEqualTo(1);
        JsonNode guard = item(e, "10");
        assertThat(guard.get("score").decimalValue()).isEqualByComparingTo("7.5");
        JsonNode line = guard.get("lines").get(0);
        assertThat(line.get("rule").asString()).isEqualTo("10.a");
        assertThat(line.get("count").asInt()).isEqualTo(5);
        assertThat(line.get("points").decimalValue()).isEqualByComparingTo("-2.5");
        assertThat(line.get("reason").asString()).isEqualTo("保安缺岗 5 次 × 0.5 分 = 2.5 分");
        assertThat(e.get("total").decimalValue()).isEqualByComparingTo("97.5");
        assertThat(e.get("grade").asString()).isEqualTo("EXCELLENT");
        assertThat(e.get("gradeLabel").asString()).isEqualTo("优秀");
        assertThat(e.get("passed").asBoolean()).isTrue();
        // numbers are JSON numbers with at most two decimals
        assertThat(res.body()).contains("\"total\":97.5").contains("\"points\":-2.5");
    }

    @Test
    void aTotalOfExactlyNinetyFiveIsExcellentAndOneLessIsGood() {
        JsonNode exactly = json(evaluate("erqi-old-estate", """
                {"asOf": "2020-12-31", "facts": [{"rule": "1.b"}, {"rule": "20", "value": 0.80, "sample": 0.10}]}"""));
        assertThat(exactly.get("total").decimalValue()).isEqualByComparingTo("95");
        assertThat(exactly.get("gradeLabel").asString()).isEqualTo("优秀");

        JsonNode below = json(evaluate("erqi-old-estate", """
                {"asOf": "2020-12-31", "facts": [{"rule": "1.b"}, {"rule": "2", "count": 2},
                 {"rule": "20", "value": 0.80, "sample": 0.10}]}"""));
        assertThat(below.get("total").decimalValue()).isEqualByComparingTo("94");
        assertThat(below.get("gradeLabel").asString()).isEqualTo("良好");
    }

    @Test
    void satisfactionWithTooSmallASampleScoresNothingAndSaysWhy() {
        JsonNode e = json(evaluate("erqi-old-estate", """
                {"asOf": "2020-12-31", "facts": [{"rule": "20", "value": 0.95, "sample": 0.09}]}"""));
        assertThat(item(e, "20").get("score").decimalValue()).isEqualByComparingTo("0");
        assertThat(e.get("warnings").toString()).contains("SAMPLE_INSUFFICIENT");
        assertThat(e.get("total").decimalValue()).isEqualByComparingTo("90");
    }

    @Test
    void xigangDeductsALateSubmissionAndTheWorstRankedStreet() {
        JsonNode e = json(evaluate("xigang-street-2020", """
                {"asOf": "2020-07-01", "facts": [{"rule": "2.1", "due": "2020-06-15", "date": "2020-06-20"},
                 {"rule": "3.c", "rank": 1}]}"""));
        JsonNode late = item(e, "2.1").get("lines").get(0);
        assertThat(late.get("points").decimalValue()).isEqualByComparingTo("-1");
        assertThat(late.get("reason").asString()).contains("逾期 5 天");
        assertThat(item(e, "3").get("lines").toString()).contains("倒数第 1 名").contains("-3");
    }

    @Test
    void hangzhouPassesWhenTheWeightedTotalReachesEightyAndEveryPartIsAboveItsFloor() {
        JsonNode e = json(evaluate("hangzhou-reeval-2018", """
                {"facts": [{"rule": "owner-satisfaction", "satisfied": 412, "basicallySatisfied": 160, "owners": 700},
                 {"rule": "expert", "value": 86.5}, {"rule": "committee", "value": 95}]}"""));
        assertThat(part(e, "owner-satisfaction").get("score").decimalValue()).isEqualByComparingTo("81.71");
        assertThat(part(e, "owner-satisfaction").get("weight").decimalValue()).isEqualByComparingTo("50");
        assertThat(part(e, "owner-satisfaction").get("floor").decimalValue()).isEqualByComparingTo("75");
        assertThat(part(e, "owner-satisfaction").get("aboveFloor").asBoolean()).isTrue();
        assertThat(e.get("total").decimalValue()).isEqualByComparingTo("85.81");
        assertThat(e.get("passed").asBoolean()).isTrue();
        assertThat(e.get("vetoed").asBoolean()).isFalse();
    }

    @Test
    void hangzhouFailsWithAPartExactlyAtItsFloorEvenAboveThePassMark() {
        JsonNode e = json(evaluate("hangzhou-reeval-2018", """
                {"facts": [{"rule": "owner-satisfaction", "value": 90}, {"rule": "expert", "value": 90},
                 {"rule": "committee", "value": 90}]}"""));
        assertThat(e.get("total").decimalValue()).isEqualByComparingTo("90");
        assertThat(part(e, "committee").get("aboveFloor").asBoolean()).isFalse();
        assertThat(e.get("passed").asBoolean()).isFalse();
        assertThat(e.get("warnings").toString()).contains("PART_NOT_ABOVE_FLOOR").contains("社区居民委员会评价得分");
    }

    @Test
    void hangzhouFailsOnAVetoWhateverTheScore() {
        JsonNode e = json(evaluate("hangzhou-reeval-2018", """
                {"facts": [{"rule": "owner-satisfaction", "value": 99}, {"rule": "expert", "value": 99},
                 {"rule": "committee", "value": 99}, {"rule": "veto.3"}]}"""));
        assertThat(e.get("vetoed").asBoolean()).isTrue();
        assertThat(e.get("passed").asBoolean()).isFalse();
    }

    @Test
    void anUnknownSchemeIsNotFound() {
        HttpResponse<String> res = evaluate("no-such-scheme", "{\"facts\": []}");
        assertThat(res.statusCode()).isEqualTo(404);
        assertThat(res.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(json(res).get("detail").asString()).contains("no-such-scheme");
    }

    private JsonNode badRequest(String body) {
        HttpResponse<String> res = evaluate("erqi-old-estate", body);
        assertThat(res.statusCode()).as(res.body()).isEqualTo(400);
        assertThat(res.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        return json(res);
    }

    @Test
    void anUnknownRuleIsABadRequestNamingTheFact() {
        JsonNode p = badRequest("{\"facts\": [{\"rule\": \"10.a\", \"count\": 1}, {\"rule\": \"10.z\", \"count\": 1}]}");
        JsonNode error = p.get("errors").get(0);
        assertThat(error.get("index").asInt()).isEqualTo(1);
        assertThat(error.get("rule").asString()).isEqualTo("10.z");
        assertThat(error.get("message").asString()).contains("未知的规则编号");
        assertThat(p.get("detail").asString()).contains("facts[1]").contains("10.z");
    }

    @Test
    void aNegativeCountIsABadRequest() {
        JsonNode error = badRequest("{\"facts\": [{\"rule\": \"10.a\", \"count\": -2}]}").get("errors").get(0);
        assertThat(error.get("rule").asString()).isEqualTo("10.a");
        assertThat(error.get("message").asString()).contains("不能为负数");
    }

    @Test
    void aRateAboveOneIsABadRequest() {
        JsonNode error = badRequest("{\"facts\": [{\"rule\": \"20\", \"value\": 1.2, \"sample\": 0.2}]}")
                .get("errors").get(0);
        assertThat(error.get("index").asInt()).isEqualTo(0);
        assertThat(error.get("rule").asString()).isEqualTo("20");
    }

    @Test
    void aFactThatDoesNotFitItsRuleKindIsABadRequest() {
        JsonNode error = badRequest("{\"facts\": [{\"rule\": \"10.a\", \"value\": 0.5}]}").get("errors").get(0);
        assertThat(error.get("rule").asString()).isEqualTo("10.a");
        assertThat(error.get("message").asString()).contains("value");
    }

    @Test
    void aMisspelledFactFieldIsABadRequestRatherThanIgnored() {
        JsonNode error = badRequest("{\"facts\": [{\"rule\": \"10.a\", \"cuont\": 5}]}").get("errors").get(0);
        assertThat(error.get("message").asString()).contains("cuont");
    }

    @Test
    void evaluatingWithoutATokenIsUnauthorized() {
        HttpResponse<String> res = ApiClient.anonymous(port).send("POST", "/api/v1/schemes/erqi-old-estate/evaluate",
                "{\"facts\": []}");
        assertThat(res.statusCode()).isEqualTo(401);
    }

    @Test
    void listsTheFiveBuiltInSchemesAndMarksTheShenyangExamples() {
        JsonNode list = json(street.get("/api/v1/schemes"));
        assertThat(list.size()).isGreaterThanOrEqualTo(5);
        assertThat(list.get(0).get("code").asString()).isEqualTo("erqi-old-estate");
        assertThat(list.toString()).contains("xigang-street-2020", "hangzhou-reeval-2018", "shenyang-professional",
                "shenyang-basic");
        for (JsonNode s : list) {
            if (s.get("code").asString().startsWith("shenyang-")) {
                assertThat(s.get("label").asString()).isEqualTo("示例标准，可修改");
            }
            if (s.get("code").asString().equals("erqi-old-estate")) {
                assertThat(s.get("label").isNull()).isTrue();
                assertThat(s.get("builtIn").asBoolean()).isTrue();
            }
        }
    }

    @Test
    void showsTheErqiTableWithItsRuleCodesAndPoints() {
        JsonNode scheme = json(street.get("/api/v1/schemes/erqi-old-estate"));
        assertThat(scheme.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(scheme.get("items").size()).isEqualTo(20);
        JsonNode row10 = scheme.get("items").get(9);
        assertThat(row10.get("code").asString()).isEqualTo("10");
        assertThat(row10.get("rules").get(0).get("code").asString()).isEqualTo("10.a");
        assertThat(row10.get("rules").get(0).get("kind").asString()).isEqualTo("per-occurrence");
        assertThat(row10.get("rules").get(0).get("points").decimalValue()).isEqualByComparingTo("-0.5");
        assertThat(row10.get("rules").get(0).get("description").asString()).isEqualTo("扣0.5分/次");
        assertThat(scheme.get("grades").get(0).get("min").decimalValue()).isEqualByComparingTo("95");
    }

    @Test
    void theApiDocumentationDescribesTheSchemeEndpoints() {
        HttpResponse<String> docs = ApiClient.anonymous(port).get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/schemes/{code}/evaluate").contains("/api/v1/schemes/{code}/drafts");
    }

    @Test
    void downloadsTheShippedYamlAsAFile() {
        HttpResponse<String> res = street.get("/api/v1/schemes/erqi-old-estate/yaml");
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("Content-Disposition").orElse("")).contains("erqi-old-estate-v1.yaml");
        assertThat(res.headers().firstValue("Content-Type").orElse("")).contains("yaml");
        assertThat(res.body()).contains("code: erqi-old-estate").contains("保安缺岗");
    }
}
