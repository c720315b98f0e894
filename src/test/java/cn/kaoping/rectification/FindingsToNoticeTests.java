package cn.kaoping.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.inspection.RoundFixture;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.support.ApiClient;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * From a real round to a notice and back to the next round's form (years 2091–2095): 东风街道's officer inspects the
 * professional estates of the 2091-Q1 round of the Shenyang scheme, records a finding with a note and a photo on one
 * estate; the district publishes the round, and with its other two streets' rounds of the quarter (no findings)
 * rankings rank the whole district and its bottom list drafts notices whose problems are that estate's deductions; once issued, the 2091-Q2 inspection form of the estate shows them under 回头看.
 */
@IntegrationTest
class FindingsToNoticeTests {

    private static final String SCHEME = "shenyang-professional";
    private static final String RULE = "2.a";
    private static final String RULE_LABEL = "人员缺岗或未按合同配备";
    private static final String NOTE = "夜间秩序维护岗无人值守（2091年2月巡查）";

    @LocalServerPort
    int port;
    @Autowired
    OrganisationDirectory directory;

    private ApiClient admin;
    private ApiClient officer;

    @BeforeEach
    void signIn() {
        admin = ApiClient.as(port, "hedong_admin", Browserless.DEMO_PASSWORD);
        officer = ApiClient.as(port, "street_df", Browserless.DEMO_PASSWORD);
    }

    private ApiClient admin() {
        return admin;
    }

    private ApiClient officer() {
        return officer;
    }

    private static JsonNode ok(HttpResponse<String> res) {
        assertThat(res.statusCode()).as(res.body()).isBetween(200, 201);
        return RoundFixture.json(res);
    }

    /** A round of the Shenyang professional scheme over 东风街道's professional estates, opened. */
    private long openRound(String period, String inspectionDue, String reviewDue) {
        return openRound("QH-HD-DF", period, inspectionDue, reviewDue);
    }

    private long openRound(String streetCode, String period, String inspectionDue, String reviewDue) {
        long street = directory.regionByCode(streetCode).orElseThrow().id();
        long id = ok(admin().send("POST", "/api/v1/rounds", """
                {"name": "东风街道%s专业化物业考评", "schemeCode": "%s", "schemeVersion": 1, "period": "%s",
                 "streetId": %d, "category": "PROFESSIONAL", "oldEstatesOnly": false, "inspectionDue": "%s",
                 "reviewDue": "%s", "publicityDays": 0, "confirmOverlap": true}""".formatted(period, SCHEME, period, street, inspectionDue,
                reviewDue))).get("id").asLong();
        ok(admin().send("POST", "/api/v1/rounds/" + id + "/open", null));
        return id;
    }

    /**
     * The same period's round of another street of 河东区, every estate inspected without a finding and published: a
     * bottom list is one of the whole district (seed 000's 排名后10名, issue 19), so every street must be assessed.
     */
    private void publishCleanRound(String streetCode, String streetOfficer, String period) {
        long round = openRound(streetCode, period, "2091-04-10", "2091-04-20");
        ApiClient inspector = ApiClient.as(port, streetOfficer, Browserless.DEMO_PASSWORD);
        for (long t : RoundFixture.inspections(inspector, round)) {
            ok(inspector.send("POST", "/api/v1/inspections/" + t + "/submit", null));
            ok(admin().send("POST", "/api/v1/inspections/" + t + "/accept", null));
        }
        ok(admin().send("POST", "/api/v1/rounds/" + round + "/publicity", null));
        ok(admin().send("POST", "/api/v1/rounds/" + round + "/publish", null));
    }

    @Test
    void aBottomRankedEstatesFindingAndPhotoBecomeTheDraftsProblemAndTheNextRoundsFormLooksBackAtIt() {
        // 河东区's two other streets are assessed in 2091-Q1 too, without findings
        publishCleanRound("QH-HD-CY", "street_cy", "2091-Q1");
        publishCleanRound("QH-HD-GM", "street_gm", "2091-Q1");
        // 2091-Q1: one estate loses points under 2.a with a note and a photo; every inspection is accepted
        long q1 = openRound("2091-Q1", "2091-04-10", "2091-04-20");
        List<Long> tasks = RoundFixture.inspections(officer(), q1);
        long task = tasks.get(0);
        ok(officer().send("PUT", "/api/v1/inspections/" + task + "/findings",
                "[{\"rule\": \"%s\", \"count\": 3, \"note\": \"%s\"}]".formatted(RULE, NOTE)));
        JsonNode inspected = ok(officer().get("/api/v1/inspections/" + task));
        long estateId = inspected.get("estateId").asLong();
        assertThat(inspected.get("evaluation").get("total").decimalValue()).as("the finding cost points")
                .isLessThan(inspected.get("evaluation").get("max").decimalValue());
        String estateName = inspected.get("estateName").asString();
        ok(officer().upload("/api/v1/inspections/" + task + "/evidence?rule=" + RULE, "IMG_2091.png",
                RoundFixture.png()));
        for (long t : tasks) {
            ok(officer().send("POST", "/api/v1/inspections/" + t + "/submit", null));
            ok(admin().send("POST", "/api/v1/inspections/" + t + "/accept", null));
        }
        ok(admin().send("POST", "/api/v1/rounds/" + q1 + "/publicity", null));
        ok(admin().send("POST", "/api/v1/rounds/" + q1 + "/publish", null));

        // rankings rank the round and its bottom list drafts a notice for the estate, for 东风街道 to issue
        long noticeId = Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> draftFor(estateName, "2091-Q1"), Optional::isPresent).orElseThrow();
        String notice = "/api/v1/rectification/notices/" + noticeId;
        JsonNode draft = ok(officer().get(notice));
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("source").asString()).isEqualTo("RANKING");
        assertThat(draft.get("estateId").asLong()).isEqualTo(estateId);
        assertThat(draft.get("reason").asString()).contains("2091-Q1").contains("后 ");

        // one problem per rule that lost points, together no more than the score sheet lost; 2.a carries the finding
        JsonNode problems = draft.get("problems");
        List<String> rules = StreamSupport.stream(problems.spliterator(), false)
                .map(p -> p.get("ruleCode").asString()).toList();
        assertThat(rules).as("each rule once: %s", problems).doesNotHaveDuplicates().contains(RULE);
        JsonNode evaluation = ok(officer().get("/api/v1/inspections/" + task)).get("evaluation");
        BigDecimal lost = StreamSupport.stream(problems.spliterator(), false)
                .map(p -> p.get("pointsLost").decimalValue()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(lost).as("no more than the score sheet lost: %s", problems)
                .isLessThanOrEqualTo(evaluation.get("max").decimalValue().subtract(evaluation.get("total").decimalValue()));
        JsonNode problem = StreamSupport.stream(problems.spliterator(), false)
                .filter(p -> RULE.equals(p.get("ruleCode").asString())).findFirst().orElseThrow();
        assertThat(problem.get("source").asString()).isEqualTo("FINDING");
        assertThat(problem.get("description").asString()).contains(RULE_LABEL + " 3 人次").contains(NOTE)
                .doesNotContain("。：");
        assertThat(problem.get("pointsLost").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(problem.get("photos")).as("the inspection photo comes along").hasSize(1);
        assertThat(StreamSupport.stream(problems.spliterator(), false).mapToInt(p -> p.get("photos").size()).sum())
                .as("and is not copied onto other problems").isEqualTo(1);
        long photo = problem.get("photos").get(0).get("id").asLong();
        HttpResponse<String> image = officer().get(notice + "/photos/" + photo);
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");

        // the notice page shows the same to the officer
        Browserless screen = Browserless.signIn(port, "street_df", Browserless.DEMO_PASSWORD);
        String page = screen.get("/rectification/" + noticeId).body();
        assertThat(page).contains(estateName).contains(RULE_LABEL).contains(NOTE)
                .contains("/photos/" + photo);

        JsonNode issued = ok(officer().send("POST", notice + "/issue", null));
        String number = issued.get("number").asString();
        assertThat(issued.get("status").asString()).isEqualTo("ISSUED");

        // 2091-Q2: the estate's inspection form looks back at last time's problem
        long q2 = openRound("2091-Q2", "2091-07-10", "2091-07-20");
        List<JsonNode> q2Tasks = StreamSupport.stream(ok(officer().get("/api/v1/rounds/" + q2 + "/inspections"))
                .spliterator(), false).toList();
        long next = q2Tasks.stream().filter(n -> n.get("estateId").asLong() == estateId).findFirst().orElseThrow()
                .get("id").asLong();
        String panel = section(screen.get("/rounds/tasks/" + next).body(), "id=\"earlier-problems\"");
        assertThat(panel).contains("上次整改问题（回头看）").contains(number).contains(RULE)
                .contains(RULE_LABEL).contains(NOTE).contains("待整改");
        long other = q2Tasks.stream().filter(n -> n.get("estateId").asLong() != estateId).findFirst().orElseThrow()
                .get("id").asLong();
        assertThat(screen.get("/rounds/tasks/" + other).body()).as("another estate's form has nothing of it")
                .doesNotContain(number);
    }

    /** The draft notice of the estate for a period, as 东风街道's officer finds it in the list. */
    private Optional<Long> draftFor(String estateName, String period) {
        JsonNode rows = ok(officer().get("/api/v1/rectification/notices?status=DRAFT&size=200")).get("rows");
        return StreamSupport.stream(rows.spliterator(), false)
                .filter(r -> estateName.equals(r.get("estateName").asString()) && period.equals(r.get("period").asString()))
                .map(r -> r.get("id").asLong()).findFirst();
    }

    /** The page from the marker to the end of its list (the 回头看 panel is one list). */
    private static String section(String html, String marker) {
        int at = html.indexOf(marker);
        assertThat(at).as("the page has %s", marker).isNotNegative();
        int end = html.indexOf("</ul>", at);
        return html.substring(at, end < 0 ? html.length() : end);
    }
}
