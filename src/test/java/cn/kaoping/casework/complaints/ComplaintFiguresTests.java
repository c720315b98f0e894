package cn.kaoping.casework.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.casework.ComplaintFigures;
import cn.kaoping.casework.ComplaintFigures.Figures;
import cn.kaoping.organisation.EstateRef;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.support.ApiClient;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The figures for a known set of May 2024 work orders on one estate (issue 14; seed 001 row 6.3 counts the
 * complaints the street resolved and those it pushed back without handling): received, signed and closed on time
 * against each order's own deadlines, pushed back, the call backs, a repeat within 30 days and what is still open —
 * for the estate, its street, its company, and not for another street.
 */
@IntegrationTest
class ComplaintFiguresTests {

    private static final LocalDate FROM = LocalDate.of(2024, 5, 1);
    private static final LocalDate TO = LocalDate.of(2024, 5, 31);

    @LocalServerPort
    int port;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    ComplaintFigures figures;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aKnownMonthIsCountedForTheEstateItsStreetAndItsCompany() {
        long company = directory.firstCompanyId().orElseThrow();
        EstateRef estate = directory.firstEstateOfCompany(company).orElseThrow();
        RegionRef street = directory.region(directory.placements(List.of(estate.id())).get(0).streetId()).orElseThrow();
        ApiClient officer = ApiClient.as(port, officerOf(street), Browserless.DEMO_PASSWORD);
        ApiClient companyUser = ApiClient.as(port, "company_user", Browserless.DEMO_PASSWORD);

        // 1: signed the next day, closed on its last day (Mon 6 May: sign by 7 May, close by 13 May), satisfied
        long onTime = file(officer, estate, "SANITATION", "2024-05-06T09:00:00+08:00");
        handle(officer, companyUser, onTime, company, "SATISFIED");
        stamp(onTime, "2024-05-07T10:00:00+08:00", "2024-05-13T17:00:00+08:00");
        // 2: the same estate and category 14 days later: a repeat, pushed back without handling
        long repeat = file(officer, estate, "SANITATION", "2024-05-20T09:00:00+08:00");
        assertThat(officer.send("POST", "/api/v1/complaints/" + repeat + "/return", "{\"text\":\"不属于物业服务\"}")
                .statusCode()).isEqualTo(200);
        // 3: pushed back after signing
        long returned = file(officer, estate, "GREENING", "2024-05-21T09:00:00+08:00");
        officer.send("POST", "/api/v1/complaints/" + returned + "/sign", null);
        officer.send("POST", "/api/v1/complaints/" + returned + "/return", "{\"text\":\"属园林部门\"}");
        // 4: still open
        file(officer, estate, "FEES", "2024-05-22T09:00:00+08:00");
        // 5: signed and closed late (Thu 23 May: sign by 24 May, close by 30 May), unsatisfied
        long late = file(officer, estate, "ORDER", "2024-05-23T09:00:00+08:00");
        handle(officer, companyUser, late, company, "UNSATISFIED");
        stamp(late, "2024-05-27T10:00:00+08:00", "2024-06-10T10:00:00+08:00");
        // outside the period: not counted (and 42 days after the repeat: not a repeat itself)
        file(officer, estate, "SANITATION", "2024-07-01T09:00:00+08:00");

        Figures expected = new Figures(5, 1, 2, 1, 2, 1, 0, 1, 1, 1);
        assertThat(figures.of(street.path(), null, estate.id(), FROM, TO)).isEqualTo(expected);
        assertThat(figures.of(street.path(), company, null, FROM, TO)).isEqualTo(expected);
        assertThat(figures.byStreet(street.path(), FROM, TO)).extracting(ComplaintFigures.Group::figures).containsExactly(expected);

        ApiClient city = ApiClient.as(port, "city_admin", Browserless.DEMO_PASSWORD);
        HttpResponse<String> byStreet = city.get("/api/v1/complaints/figures/street?from=2024-05-01&to=2024-05-31");
        assertThat(byStreet.statusCode()).as(byStreet.body()).isEqualTo(200);
        assertThat(byStreet.body()).contains("\"name\":\"" + street.name() + "\"", "\"received\":5",
                "\"closed\":2", "\"pushedBack\":2", "\"repeats\":1");
        assertThat(city.get("/api/v1/complaints/figures/company?from=2024-05-01&to=2024-05-31").body())
                .contains("\"id\":" + company, "\"name\":\"" + directory.companyName(company).orElseThrow() + "\"");
        assertThat(officer.get("/api/v1/complaints/figures/estate?from=2024-05-01&to=2024-05-31").body())
                .contains("\"name\":\"" + estate.name() + "\"", "\"signedOnTime\":1", "\"closedOnTime\":1");
        assertThat(officer.get("/api/v1/complaints/figures/district?from=2024-05-01&to=2024-05-31").statusCode())
                .isEqualTo(404);
        assertThat(officer.get("/api/v1/complaints/figures/estate?from=2024-05-31&to=2024-05-01").statusCode())
                .isEqualTo(400);

        String other = directory.regions(cn.kaoping.organisation.RegionLevel.STREET).stream()
                .filter(r -> !estate.regionPath().startsWith(r.path())).findFirst().map(this::officerOf).orElseThrow();
        ApiClient stranger = ApiClient.as(port, other, Browserless.DEMO_PASSWORD);
        assertThat(stranger.get("/api/v1/complaints/figures?from=2024-05-01&to=2024-05-31&estateId=" + estate.id())
                .body()).as("another street's estate counts nothing").contains("\"received\":0");
        assertThat(companyUser.get("/api/v1/complaints/figures/company?from=2024-05-01&to=2024-05-31").statusCode())
                .isEqualTo(403);
    }

    private static final String DIRECT = """
                SELECT estate_id, estate_path, coalesce(company_id, 0), CAST(received_at AT TIME ZONE 'Asia/Shanghai'
                       AS date), count(*), count(*) FILTER (WHERE signed_at IS NOT NULL
                       AND CAST(signed_at AT TIME ZONE 'Asia/Shanghai' AS date) <= sign_due),
                       count(*) FILTER (WHERE status = 'CLOSED'), count(*) FILTER (WHERE status = 'CLOSED'
                       AND CAST(closed_at AT TIME ZONE 'Asia/Shanghai' AS date) <= close_due),
                       count(*) FILTER (WHERE status = 'RETURNED'), count(*) FILTER (WHERE callback = 'SATISFIED'),
                       count(*) FILTER (WHERE callback = 'BASICALLY_SATISFIED'),
                       count(*) FILTER (WHERE callback = 'UNSATISFIED'), count(*) FILTER (WHERE is_repeat),
                       count(*) FILTER (WHERE status NOT IN ('CLOSED', 'RETURNED'))
                FROM complaint GROUP BY 1, 2, 3, 4""";
    private static final String ROLLED = """
                SELECT estate_id, estate_path, company_key, day, CAST(received AS bigint), CAST(signed_on_time AS bigint),
                       CAST(closed AS bigint), CAST(closed_on_time AS bigint), CAST(pushed_back AS bigint),
                       CAST(satisfied AS bigint), CAST(basically AS bigint), CAST(unsatisfied AS bigint),
                       CAST(repeats AS bigint), CAST(open AS bigint)
                FROM complaint_day WHERE received <> 0""";

    /**
     * The figures are read from the daily roll-up the trigger keeps (V35); after every complaint the suite has filed,
     * stepped, stamped and imported, each estate's day there equals a count over the complaints themselves.
     */
    @Test
    void theDailyRollUpEqualsTheComplaintsThemselves() {
        long estate = directory.firstEstateOfCompany(directory.firstCompanyId().orElseThrow()).orElseThrow().id();
        jdbc.sql("UPDATE complaint SET is_repeat = NOT is_repeat WHERE estate_id = :e").param("e", estate).update();
        jdbc.sql("UPDATE complaint SET is_repeat = NOT is_repeat WHERE estate_id = :e").param("e", estate).update();
        assertThat(jdbc.sql("SELECT count(*) FROM complaint").query(Long.class).single()).isPositive();
        assertThat(rollUpDifferences(jdbc)).isZero();
    }

    /** Lines where the daily roll-up and a count over the complaints themselves differ (0 when they agree). */
    static long rollUpDifferences(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM ((" + DIRECT + " EXCEPT " + ROLLED + ") UNION ALL (" + ROLLED
                + " EXCEPT " + DIRECT + ")) AS differs").query(Long.class).single();
    }

    private void handle(ApiClient officer, ApiClient companyUser, long id, long company, String callback) {
        assertThat(officer.send("POST", "/api/v1/complaints/" + id + "/assign", "{\"companyId\":" + company + "}")
                .statusCode()).isEqualTo(200);
        assertThat(companyUser.send("POST", "/api/v1/complaints/" + id + "/answer", "{\"text\":\"已处理\"}")
                .statusCode()).isEqualTo(200);
        assertThat(officer.send("POST", "/api/v1/complaints/" + id + "/close",
                "{\"verdict\":\"UNFOUNDED\",\"callback\":\"" + callback + "\"}")
                .statusCode()).isEqualTo(200);
    }

    /** When the order was signed and closed, as the street did it back then. */
    private void stamp(long id, String signed, String closed) {
        jdbc.sql("UPDATE complaint SET signed_at = CAST(:s AS timestamptz), closed_at = CAST(:c AS timestamptz)"
                + " WHERE id = :id").param("s", signed).param("c", closed).param("id", id).update();
    }

    private static long file(ApiClient officer, EstateRef estate, String category, String at) {
        HttpResponse<String> filed = officer.send("POST", "/api/v1/complaints", """
                {"estateId": %d, "category": "%s", "content": "统计样本", "receivedAt": "%s"}"""
                .formatted(estate.id(), category, at));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        return Long.parseLong(filed.body().replaceAll("\\D+", ""));
    }

    private String officerOf(RegionRef street) {
        return "street_" + street.code().substring(street.code().lastIndexOf('-') + 1).toLowerCase();
    }
}
