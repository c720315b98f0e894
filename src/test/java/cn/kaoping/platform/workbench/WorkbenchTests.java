package cn.kaoping.platform.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.inspection.RoundFixture;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;
import cn.kaoping.support.ApiClient;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The first screen of each user lists his own work and nothing of another street: a round opened by 新港区 over
 * 金沙街道 puts its inspections on street_js's workbench, not on 港湾街道's or 东风街道's; an inspection submitted
 * leaves the officer's list and joins the district's reviews; the bell counts what is new.
 */
@IntegrationTest
class WorkbenchTests {

    @LocalServerPort
    int port;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    Workbench workbench;
    @Autowired
    Digests digests;
    @Autowired
    JdbcClient jdbc;

    private long round;
    private List<Long> tasks;

    @BeforeEach
    void openARoundOverJinsha() {
        long street = directory.regionByCode("QH-XG-JS").orElseThrow().id();
        ApiClient admin = ApiClient.as(port, "xingang_admin", Browserless.DEMO_PASSWORD);
        HttpResponse<String> res = admin.send("POST", "/api/v1/rounds", """
                {"name": "金沙街道工作台测试 %d", "schemeCode": "erqi-old-estate", "schemeVersion": 1,
                 "period": "2020-H1", "streetId": %d, "oldEstatesOnly": false, "inspectionDue": "2020-07-15",
                 "reviewDue": "2020-07-31", "publicityDays": 7, "confirmOverlap": true}"""
                .formatted(System.nanoTime(), street));
        assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
        round = RoundFixture.json(res).get("id").asLong();
        assertThat(admin.send("POST", "/api/v1/rounds/" + round + "/open", null).statusCode()).isEqualTo(200);
        tasks = RoundFixture.inspections(admin, round);
        assertThat(tasks).isNotEmpty();
    }

    private static String home(String user, int port) {
        return Browserless.signIn(port, user, Browserless.DEMO_PASSWORD).get("/").body();
    }

    private static int unread(Browserless user) {
        String bell = user.get("/workbench/bell").body();
        Matcher m = Pattern.compile("text-bg-danger\">(\\d+)<").matcher(bell);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    @Test
    void eachOfficerSeesHisStreetsInspectionsAndNoOneElseDoes() {
        String js = home("street_js", port);
        for (long task : tasks) {
            assertThat(js).as("金沙街道's officer lists task " + task).contains("href=\"/rounds/tasks/" + task + "\"");
        }
        assertThat(js).contains("检查任务").contains("已逾期（应于 2020-07-15 前）");
        for (String other : List.of("street_gw", "street_df", "company_user", "committee_member")) {
            String page = home(other, port);
            for (long task : tasks) {
                assertThat(page).as(other + " must not list task " + task)
                        .doesNotContain("href=\"/rounds/tasks/" + task + "\"");
            }
        }
    }

    @Test
    void aSubmittedInspectionLeavesTheOfficersListAndWaitsForTheDistrictsReview() {
        long task = tasks.get(0);
        String review = "href=\"/rounds/" + round + "/review\"";
        assertThat(home("xingang_admin", port)).doesNotContain(review);

        HttpResponse<String> submitted = ApiClient.as(port, "street_js", Browserless.DEMO_PASSWORD)
                .send("POST", "/api/v1/inspections/" + task + "/submit", null);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);

        assertThat(home("street_js", port)).doesNotContain("href=\"/rounds/tasks/" + task + "\"");
        assertThat(home("xingang_admin", port)).contains(review).contains("审核检查 1 份");
        assertThat(home("hexi_admin", port)).as("another district").doesNotContain(review);
        assertThat(home("city_admin", port)).as("the city leads every round under it").contains(review);
    }

    @Test
    void theBellCountsWhatIsNewUntilTheWorkbenchIsOpened() {
        // signing in lands on the workbench: everything listed then is seen
        Browserless officer = Browserless.signIn(port, "street_js", Browserless.DEMO_PASSWORD);
        assertThat(unread(officer)).isZero();
        openARoundOverJinsha(); // new work arrives while he is signed in
        assertThat(unread(officer)).as("the new round's tasks are new").isEqualTo(tasks.size());
        String page = officer.get("/").body();
        assertThat(page.split("badge text-bg-primary", -1).length - 1).as("marked new once").isEqualTo(tasks.size());
        assertThat(unread(officer)).as("seen once the first screen listed them").isZero();
        assertThat(officer.get("/workbench/bell").body()).contains("text-bg-light");
    }

    @Test
    void theDailyDigestIsWrittenOnceADayAndShownToItsUserOnly() {
        RegionRef jinsha = directory.regionByCode("QH-XG-JS").orElseThrow();
        KaopingPrincipal officer = new KaopingPrincipal(1, "street_js", "金沙街道 物业办", Role.STREET_OFFICER,
                jinsha.id(), jinsha.path(), null, null);
        Workbench.Items items = workbench.itemsFor(officer);
        jdbc.sql("DELETE FROM workbench_digest WHERE username = 'street_js'").update();
        assertThat(digests.write("street_js", "金沙街道 物业办", items)).isTrue();
        assertThat(digests.write("street_js", "金沙街道 物业办", items)).as("once a day").isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM workbench_digest WHERE username = 'street_js'")
                .query(Long.class).single()).isEqualTo(1);
        String page = Browserless.signIn(port, "street_js", Browserless.DEMO_PASSWORD).get("/workbench/digests")
                .body();
        assertThat(page).contains("待办 " + items.items().size() + " 项").contains("【逾期】检查 ");
        assertThat(Browserless.signIn(port, "street_gw", Browserless.DEMO_PASSWORD).get("/workbench/digests")
                .body()).doesNotContain("【逾期】检查 ");
    }
}
