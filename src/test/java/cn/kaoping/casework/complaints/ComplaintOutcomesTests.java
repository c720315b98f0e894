package cn.kaoping.casework.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.support.ApiClient;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a handled complaint leads to (issue 14): the street lists it on the estate's rectification notice, with the
 * owner's photo, once; and a company whose substantiated complaints of the year reach the limit (3) gets one bad
 * record in its credit file, whereas unfounded ones and those of another company count for nothing.
 */
@IntegrationTest
class ComplaintOutcomesTests {

    @LocalServerPort
    int port;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aComplaintBecomesAProblemOnTheEstatesNoticeOnceAndOnlyForWhoRaisesNotices() {
        Estate e = estateWithoutSubstantiatedComplaints(0);
        ApiClient officer = ApiClient.as(port, e.officer(), Browserless.DEMO_PASSWORD);
        long id = file(officer, e, "电梯停运两天无人维修");
        assertThat(officer.send("POST", "/api/v1/complaints/" + id + "/return", "{\"text\":\"不属于物业服务范围\"}")
                .statusCode()).isEqualTo(200);
        assertThat(officer.send("POST", "/api/v1/complaints/" + id + "/notice", null).statusCode())
                .as("a complaint pushed back unhandled is not a problem of the company").isEqualTo(409);

        long listed = file(officer, e, "二号楼电梯困人，维保单位两小时后才到");
        ApiClient community = ApiClient.as(port, "community_df01", Browserless.DEMO_PASSWORD);
        HttpResponse<String> notice = officer.send("POST", "/api/v1/complaints/" + listed + "/notice", null);
        assertThat(notice.statusCode()).as(notice.body()).isEqualTo(200);
        long noticeId = Long.parseLong(notice.body().replaceAll(".*\"noticeId\":(\\d+).*", "$1"));
        assertThat(notice.body()).contains("草稿");
        assertThat(officer.get("/api/v1/rectification/notices/" + noticeId).body())
                .contains("二号楼电梯困人").contains("COMPLAINT").contains(e.name());
        HttpResponse<String> again = officer.send("POST", "/api/v1/complaints/" + listed + "/notice", null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("已列入整改通知书");

        // the work order's page links the notice; a user of another street reaches neither
        Browserless screen = Browserless.signIn(port, e.officer(), Browserless.DEMO_PASSWORD);
        String page = screen.get("/complaints/" + listed).body();
        assertThat(page).contains("id=\"notice-link\"").contains("/rectification/" + noticeId)
                .doesNotContain("id=\"to-notice\"");
        assertThat(screen.get("/complaints/" + file(officer, e, "地库积水")).body()).contains("id=\"to-notice\"");
        String other = directory.regions(cn.kaoping.organisation.RegionLevel.STREET).stream()
                .filter(r -> !e.path().startsWith(r.path())).findFirst().map(ComplaintOutcomesTests::officerOf)
                .orElseThrow();
        ApiClient stranger = ApiClient.as(port, other, Browserless.DEMO_PASSWORD);
        assertThat(stranger.send("POST", "/api/v1/complaints/" + listed + "/notice", null).statusCode())
                .isEqualTo(404);
        assertThat(stranger.get("/api/v1/rectification/notices/" + noticeId).statusCode()).isEqualTo(404);
        // the residents' committee of the estate's community handles its complaints but does not issue notices
        RegionRef community01 = directory.regionByCode("QH-HD-DF-01").orElseThrow();
        var own = directory.estatesUnder(community01.path(), null, null, false).stream()
                .filter(x -> x.companyId() != null).findFirst().orElseThrow();
        ApiClient dongfeng = ApiClient.as(port, "street_df", Browserless.DEMO_PASSWORD);
        HttpResponse<String> filed = dongfeng.send("POST", "/api/v1/complaints", """
                {"estateId": %d, "category": "FACILITIES", "content": "单元门禁损坏"}""".formatted(own.id()));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        long ownComplaint = Long.parseLong(filed.body().replaceAll("\\D+", ""));
        assertThat(community.get("/api/v1/complaints/" + ownComplaint).statusCode()).isEqualTo(200);
        assertThat(community.send("POST", "/api/v1/complaints/" + ownComplaint + "/notice", null).statusCode())
                .isEqualTo(403);
    }

    @Test
    void theThirdSubstantiatedComplaintOfAYearMakesOneBadCreditRecord() {
        Estate e = estateWithoutSubstantiatedComplaints(1);
        ApiClient officer = ApiClient.as(port, e.officer(), Browserless.DEMO_PASSWORD);
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        String source = "ComplaintsSubstantiated:" + e.company() + ":" + year;

        handle(officer, e, "UNFOUNDED");
        handle(officer, e, "SUBSTANTIATED");
        handle(officer, e, "UNFOUNDED");
        handle(officer, e, "PARTLY");
        assertThat(records(source)).as("two substantiated so far").isZero();
        handle(officer, e, "SUBSTANTIATED");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> records(source) == 1);
        assertThat(jdbc.sql("SELECT description FROM credit_record WHERE source = :s AND direction = 'BAD'")
                .param("s", source).query(String.class).single()).contains(year + " 年").contains("达到 3 件");
        handle(officer, e, "SUBSTANTIATED");
        assertThat(records(source)).as("once per company and year").isEqualTo(1);

        HttpResponse<String> missing = officer.send("POST", "/api/v1/complaints/" + answered(officer, e) + "/close",
                "{\"callback\":\"SATISFIED\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("verdict").contains("请记录核实情况");
    }

    private long records(String source) {
        return jdbc.sql("SELECT count(*) FROM credit_record WHERE source = :s").param("s", source).query(Long.class)
                .single();
    }

    private record Estate(long id, String name, String path, long company, String officer) {
    }

    /** An estate with a company that has no substantiated complaint yet (the nth such company). */
    private Estate estateWithoutSubstantiatedComplaints(int nth) {
        record Row(long id, String name, String path, long company) {
        }
        Row r = jdbc.sql("""
                SELECT DISTINCT ON (e.company_id) e.id, e.name, e.region_path, e.company_id FROM estate e
                WHERE e.company_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM complaint c
                      WHERE c.assignee_company_id = e.company_id AND c.verdict IS NOT NULL)
                ORDER BY e.company_id, e.id OFFSET :nth LIMIT 1""").param("nth", nth)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4))).single();
        RegionRef street = directory.region(directory.placements(List.of(r.id())).get(0).streetId()).orElseThrow();
        return new Estate(r.id(), r.name(), r.path(), r.company(), officerOf(street));
    }

    private long file(ApiClient officer, Estate e, String content) {
        HttpResponse<String> filed = officer.send("POST", "/api/v1/complaints", """
                {"estateId": %d, "category": "FACILITIES", "content": "%s"}""".formatted(e.id(), content));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        return Long.parseLong(filed.body().replaceAll("\\D+", ""));
    }

    private long answered(ApiClient officer, Estate e) {
        long id = file(officer, e, "单元门禁损坏");
        assertThat(officer.send("POST", "/api/v1/complaints/" + id + "/assign", "{\"companyId\":" + e.company() + "}")
                .statusCode()).isEqualTo(200);
        jdbc.sql("UPDATE complaint SET status = 'ANSWERED', answer = '已修复', answered_at = now() WHERE id = :id")
                .param("id", id).update();
        return id;
    }

    private void handle(ApiClient officer, Estate e, String verdict) {
        HttpResponse<String> closed = officer.send("POST", "/api/v1/complaints/" + answered(officer, e) + "/close",
                "{\"verdict\":\"" + verdict + "\",\"callback\":\"SATISFIED\"}");
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
    }

    private static String officerOf(RegionRef street) {
        return "street_" + street.code().substring(street.code().lastIndexOf('-') + 1).toLowerCase();
    }
}
