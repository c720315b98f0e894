package cn.kaoping.casework.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.organisation.EstateRef;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.support.ApiClient;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The categories and the working calendar are data the city edits (issue 14): a holiday entered on a weekday and a
 * make-up Saturday move the deadlines of complaints filed afterwards; a new category with its own deadlines is
 * offered at once; nobody but the city may change them, and nonsense (a weekend "holiday", a close deadline shorter
 * than the sign deadline, a name taken) is refused field by field.
 */
@IntegrationTest
class ComplaintSettingsTests {

    @LocalServerPort
    int port;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theCityEntersAHolidayAndAMakeUpSaturdayAndTheDeadlinesFollow() {
        ApiClient city = ApiClient.as(port, "city_admin", Browserless.DEMO_PASSWORD);
        EstateRef estate = directory.firstEstateOfCompany(directory.firstCompanyId().orElseThrow()).orElseThrow();
        ApiClient officer = ApiClient.as(port, officerOf(estate), Browserless.DEMO_PASSWORD);

        // Wednesday 11 June 2025 off, Saturday 14 June worked
        assertThat(city.send("PUT", "/api/v1/complaints/calendar/2025-06-11",
                "{\"working\": false, \"note\": \"test holiday\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> makeUp = city.send("PUT", "/api/v1/complaints/calendar/2025-06-14",
                "{\"working\": true, \"note\": \"test make-up\"}");
        assertThat(makeUp.body()).contains("2025-06-11", "2025-06-14", "test make-up");
        try {
            HttpResponse<String> filed = officer.send("POST", "/api/v1/complaints", """
                    {"estateId": %d, "category": "SANITATION", "content": "垃圾桶满溢",
                     "receivedAt": "2025-06-10T10:00:00+08:00"}""".formatted(estate.id()));
            assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
            String detail = officer.get("/api/v1/complaints/" + filed.body().replaceAll("\\D+", "")).body();
            assertThat(detail).as("sign: Wed 11 off, so Thu 12; close: 12, 13, Sat 14, 16, 17")
                    .contains("\"signDue\":\"2025-06-12\"", "\"closeDue\":\"2025-06-17\"");
        } finally {
            assertThat(city.send("DELETE", "/api/v1/complaints/calendar/2025-06-11", null).statusCode()).isEqualTo(204);
            assertThat(city.send("DELETE", "/api/v1/complaints/calendar/2025-06-14", null).statusCode()).isEqualTo(204);
        }
        assertThat(city.get("/api/v1/complaints/calendar?year=2025").body()).doesNotContain("2025-06-11");
        assertThat(city.get("/api/v1/complaints/calendar?year=2026").body()).as("the seeded 2026 holidays")
                .contains("2026-10-01", "国庆节调休");
    }

    @Test
    void aNewCategoryGetsItsOwnDeadlinesAndOnlyTheCityMayChangeCategoriesOrTheCalendar() {
        ApiClient city = ApiClient.as(port, "city_admin", Browserless.DEMO_PASSWORD);
        HttpResponse<String> added = city.send("PUT", "/api/v1/complaints/categories/PARKING",
                "{\"name\": \"停车管理\", \"signDays\": 2, \"closeDays\": 10}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        assertThat(added.body()).contains("\"code\":\"PARKING\"", "\"signDays\":2", "\"closeDays\":10");

        EstateRef estate = directory.firstEstateOfCompany(directory.firstCompanyId().orElseThrow()).orElseThrow();
        ApiClient officer = ApiClient.as(port, officerOf(estate), Browserless.DEMO_PASSWORD);
        HttpResponse<String> filed = officer.send("POST", "/api/v1/complaints", """
                {"estateId": %d, "category": "停车管理", "content": "消防通道被占用",
                 "receivedAt": "2025-03-03T09:00:00+08:00"}""".formatted(estate.id()));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        assertThat(officer.get("/api/v1/complaints/" + filed.body().replaceAll("\\D+", "")).body())
                .as("2 and 10 working days after Monday 3 March 2025")
                .contains("\"signDue\":\"2025-03-05\"", "\"closeDue\":\"2025-03-17\"");

        assertThat(officer.send("PUT", "/api/v1/complaints/categories/PARKING",
                "{\"name\": \"停车\", \"signDays\": 1, \"closeDays\": 1}").statusCode()).isEqualTo(403);
        assertThat(officer.send("PUT", "/api/v1/complaints/calendar/2025-06-11", "{\"working\": false}")
                .statusCode()).isEqualTo(403);
        assertThat(officer.get("/api/v1/complaints/categories").body()).contains("停车管理", "环境卫生");

        HttpResponse<String> bad = city.send("PUT", "/api/v1/complaints/categories/NOISE",
                "{\"name\": \"环境卫生\", \"signDays\": 3, \"closeDays\": 2}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("已有名为“环境卫生”的类别", "办结期限不能短于签收期限");
        assertThat(city.send("PUT", "/api/v1/complaints/categories/noise", "{\"name\": \"噪音\", \"signDays\": 1,"
                + " \"closeDays\": 5}").body()).contains("\"code\"");
        assertThat(city.send("PUT", "/api/v1/complaints/calendar/2025-06-15", "{\"working\": false}").body())
                .as("a Sunday is off already").contains("周六、周日本来就休息");
        assertThat(city.send("PUT", "/api/v1/complaints/calendar/2025-06-16", "{\"working\": true}").body())
                .as("a Monday is worked already").contains("只有周六、周日可登记为调休上班日");
        assertThat(city.send("PUT", "/api/v1/complaints/calendar/2025-02-30", "{\"working\": false}").statusCode())
                .isEqualTo(400);
        assertThat(city.send("DELETE", "/api/v1/complaints/calendar/2025-06-18", null).statusCode()).isEqualTo(404);
    }

    @Test
    void theCityEditsThemOnItsPageAndAStreetIsTurnedAway() {
        Browserless city = Browserless.signIn(port, "city_admin", Browserless.DEMO_PASSWORD);
        assertThat(city.get("/complaints").body()).contains("id=\"settings-link\"");
        HttpResponse<String> saved = city.post("/complaints/settings/calendar",
                Map.of("day", "2025-09-10", "working", "false", "note", "page holiday"));
        assertThat(saved.statusCode()).isEqualTo(302);
        String page = city.get("/complaints/settings?year=2025").body();
        assertThat(page).contains("id=\"categories\"", "环境卫生", "id=\"calendar\"", "page holiday", "日历已保存");
        city.post("/complaints/settings/categories", Map.of("code", "OTHER", "name", "其他", "signDays", "x",
                "closeDays", "5"));
        assertThat(city.get("/complaints/settings").body()).contains("签收期限为 0–30 个工作日");
        city.post("/complaints/settings/calendar/delete", Map.of("day", "2025-09-10"));
        assertThat(city.get("/complaints/settings?year=2025").body()).doesNotContain("page holiday");

        Browserless street = Browserless.signIn(port, "street_df", Browserless.DEMO_PASSWORD);
        assertThat(street.get("/complaints/settings").statusCode()).isEqualTo(403);
        assertThat(street.get("/complaints").body()).doesNotContain("id=\"settings-link\"");
    }

    private String officerOf(EstateRef estate) {
        RegionRef street = directory.region(directory.placements(List.of(estate.id())).get(0).streetId()).orElseThrow();
        return "street_" + street.code().substring(street.code().lastIndexOf('-') + 1).toLowerCase();
    }
}
