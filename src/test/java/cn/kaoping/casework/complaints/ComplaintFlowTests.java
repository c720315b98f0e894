package cn.kaoping.casework.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.casework.ComplaintFigures;
import cn.kaoping.organisation.EstateRef;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.support.ApiClient;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import cn.kaoping.casework.ComplaintOverdue;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A complaint's work order end to end (issue 14): the street office files it (a hotline order once, however often it
 * arrives), signs, assigns it to the estate's company, the company answers, the street closes it with the call back;
 * out-of-order steps are refused; another street and another company see nothing; a deadline passed is published
 * once; the figures count it.
 */
@IntegrationTest
@RecordApplicationEvents
class ComplaintFlowTests {

    private static final String CLOSE = "{\"verdict\":\"SUBSTANTIATED\",\"callback\":\"SATISFIED\"}";

    @Autowired
    ApplicationEvents events;

    @LocalServerPort
    int port;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    OverdueComplaints overdue;
    @Autowired
    ComplaintFigures figures;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aWorkOrderIsFiledSignedAssignedAnsweredAndClosedAndNobodyElseSeesIt() {
        long company = directory.firstCompanyId().orElseThrow(); // company_user's company
        EstateRef estate = directory.firstEstateOfCompany(company).orElseThrow();
        RegionRef street = directory.region(directory.placements(List.of(estate.id())).get(0).streetId()).orElseThrow();
        ApiClient officer = ApiClient.as(port, officerOf(street), Browserless.DEMO_PASSWORD);
        String order = "12345-" + System.nanoTime();
        String body = """
                {"estateId": %d, "category": "环境卫生", "content": "楼道垃圾三天未清运", "complainant": "王女士",
                 "phone": "13800000000", "hotlineNo": "%s"}""".formatted(estate.id(), order);
        HttpResponse<String> filed = officer.send("POST", "/api/v1/complaints", body);
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        long id = Long.parseLong(filed.body().replaceAll("\\D+", ""));
        HttpResponse<String> again = officer.send("POST", "/api/v1/complaints", body);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("ALREADY_FILED");
        assertThat(officer.send("POST", "/api/v1/complaints", """
                {"estateId": %d, "category": "噪音", "content": ""}""".formatted(estate.id())).body())
                .contains("category").contains("content");

        ApiClient companyUser = ApiClient.as(port, "company_user", Browserless.DEMO_PASSWORD);
        assertThat(companyUser.get("/api/v1/complaints/" + id).statusCode()).as("not yet assigned to it")
                .isEqualTo(404);
        assertThat(officer.send("POST", "/api/v1/complaints/" + id + "/close", CLOSE)
                .statusCode()).as("closed before it is answered").isEqualTo(409);
        assertThat(officer.send("POST", "/api/v1/complaints/" + id + "/sign", null).body()).contains("SIGNED");
        assertThat(officer.send("POST", "/api/v1/complaints/" + id + "/assign", "{\"companyId\":" + company + "}")
                .body()).contains("ASSIGNED");
        assertThat(companyUser.send("POST", "/api/v1/complaints/" + id + "/answer", "{\"text\":\"\"}").statusCode())
                .isEqualTo(400);
        assertThat(companyUser.send("POST", "/api/v1/complaints/" + id + "/answer",
                "{\"text\":\"已当日清运并增加清运频次\"}").body()).contains("ANSWERED");
        assertThat(companyUser.send("POST", "/api/v1/complaints/" + id + "/close", CLOSE)
                .statusCode()).as("the company cannot close it").isEqualTo(403);
        assertThat(officer.send("POST", "/api/v1/complaints/" + id + "/close", CLOSE).body())
                .contains("CLOSED");
        assertThat(officer.get("/api/v1/complaints/" + id).body()).contains("SIGN", "ASSIGN", "ANSWER", "CLOSE",
                "已当日清运");

        // another street's officer, and a company it was not assigned to, get 404
        String other = directory.regions(cn.kaoping.organisation.RegionLevel.STREET).stream()
                .filter(r -> !estate.regionPath().startsWith(r.path())).findFirst().map(this::officerOf).orElseThrow();
        ApiClient stranger = ApiClient.as(port, other, Browserless.DEMO_PASSWORD);
        assertThat(stranger.get("/api/v1/complaints/" + id).statusCode()).isEqualTo(404);
        assertThat(stranger.send("POST", "/api/v1/complaints/" + id + "/sign", null).statusCode()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/complaints").body()).doesNotContain(order);

        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        ComplaintFigures.Figures f = figures.of(street.path(), null, estate.id(), today, today);
        assertThat(f.received()).isGreaterThanOrEqualTo(1);
        assertThat(f.closedOnTime()).isGreaterThanOrEqualTo(1);
        assertThat(f.satisfied()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aComplaintLeftUnsignedIsPublishedOverdueOnceAndItsStreetSeesItFirst() {
        EstateRef estate = directory.firstEstateOfCompany(directory.firstCompanyId().orElseThrow()).orElseThrow();
        RegionRef street = directory.region(directory.placements(List.of(estate.id())).get(0).streetId()).orElseThrow();
        ApiClient officer = ApiClient.as(port, officerOf(street), Browserless.DEMO_PASSWORD);
        HttpResponse<String> filed = officer.send("POST", "/api/v1/complaints", """
                {"estateId": %d, "category": "ORDER", "content": "夜间施工噪音", "receivedAt": "2026-01-05T09:00:00+08:00"}"""
                .formatted(estate.id()));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        long id = Long.parseLong(filed.body().replaceAll("\\D+", ""));
        assertThat(jdbc.sql("SELECT sign_due FROM complaint WHERE id = :id").param("id", id)
                .query(LocalDate.class).single()).as("1 working day after Monday 5 January").isEqualTo("2026-01-06");

        LocalDate later = LocalDate.of(2026, 3, 1);
        assertThat(overdue.publish(later)).isGreaterThanOrEqualTo(2); // its SIGN and CLOSE deadlines, maybe others
        assertThat(overdue.publish(later)).as("once per complaint and stage").isZero();
        assertThat(events.stream(ComplaintOverdue.class).filter(e -> e.complaintId() == id))
                .extracting(ComplaintOverdue::stage).containsExactlyInAnyOrder("SIGN", "CLOSE");
        assertThat(officer.get("/api/v1/complaints?status=RECEIVED").body()).contains("\"id\":" + id);
    }

    @Test
    void theStreetFilesAndSignsOnTheScreensAndTheCompanyAnswersThere() {
        long company = directory.firstCompanyId().orElseThrow();
        EstateRef estate = directory.firstEstateOfCompany(company).orElseThrow();
        RegionRef street = directory.region(directory.placements(List.of(estate.id())).get(0).streetId()).orElseThrow();
        Browserless officer = Browserless.signIn(port, officerOf(street), Browserless.DEMO_PASSWORD);
        assertThat(officer.get("/complaints/new").body()).contains("id=\"complaint-form\"").contains("环境卫生");
        HttpResponse<String> refused = officer.post("/complaints", java.util.Map.of("estateId",
                String.valueOf(estate.id()), "category", "GREENING", "content", ""));
        assertThat(refused.body()).contains("请填写投诉内容");
        HttpResponse<String> filed = officer.post("/complaints", java.util.Map.of("estateId",
                String.valueOf(estate.id()), "category", "GREENING", "content", "草坪被占用停车"));
        assertThat(filed.statusCode()).isEqualTo(302);
        String path = filed.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        assertThat(officer.get(path).body()).contains("待签收").contains("草坪被占用停车").contains("id=\"sign\"");
        officer.post(path + "/assign", java.util.Map.of("to", "company"));
        assertThat(officer.get(path).body()).contains("已派单").contains("已派单。");
        assertThat(officer.get("/complaints").body()).contains(path);

        Browserless companyUser = Browserless.signIn(port, "company_user", Browserless.DEMO_PASSWORD);
        assertThat(companyUser.get(path).body()).contains("id=\"answer-form\"").doesNotContain("id=\"close-form\"");
        companyUser.post(path + "/answer", java.util.Map.of("answer", "已清理，设置隔离桩"));
        assertThat(officer.get(path).body()).contains("已答复").contains("已清理，设置隔离桩").contains("id=\"close-form\"");

        // the figures: the street sees its estates, with the open complaint counted; the same as .xlsx
        String today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        String table = officer.get("/complaints/figures?from=" + today + "&to=" + today).body();
        assertThat(table).contains("id=\"figures\"").contains(estate.name()).contains("id=\"total\"");
        HttpResponse<String> xlsx = officer.get("/complaints/figures?from=" + today + "&to=" + today + "&format=xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        assertThat(companyUser.get("/complaints/figures").statusCode()).isEqualTo(403);
    }

    private String officerOf(RegionRef street) {
        return "street_" + street.code().substring(street.code().lastIndexOf('-') + 1).toLowerCase();
    }
}
