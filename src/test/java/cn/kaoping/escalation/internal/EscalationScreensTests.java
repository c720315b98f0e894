package cn.kaoping.escalation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.rectification.AcceptanceFailed;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The screens: lists, the decide form with its messages in place, the commendation list as PDF and .xlsx. */
@IntegrationTest
class EscalationScreensTests {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrganisationDirectory directory;

    @Test
    void aFailedAcceptanceIsDecidedOnTheScreenAndBadInputIsShownInPlace() {
        String path = directory.regionByCode("QH-HD-DF").orElseThrow().path();
        var estate = directory.placements(List.of(directory.estatesUnder(path, null, null, false).stream()
                .filter(e -> e.companyId() != null).skip(2).findFirst().orElseThrow().id())).get(0);
        long notice = 7_000_000_000L + System.nanoTime() % 1_000_000_000L;
        tx.executeWithoutResult(s -> events.publishEvent(new AcceptanceFailed(notice, "整改〔S〕" + notice + "号",
                estate.companyId(), estate.districtId(), estate.id(), 1L, "垃圾未清运", LocalDate.of(2072, 6, 1))));
        long suggestion = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                SELECT s.id FROM escalation_suggestion s JOIN escalation_trigger t ON t.suggestion_id = s.id
                WHERE t.notice_id = :n""").param("n", notice).query(Long.class).optional(), o -> o.isPresent())
                .orElseThrow();

        Browserless admin = Browserless.signIn(port, "hedong_admin", Browserless.DEMO_PASSWORD);
        assertThat(admin.get("/escalation").body()).contains(estate.companyName()).contains("待处理的建议");
        String form = admin.get("/escalation/suggestions/" + suggestion).body();
        assertThat(form).contains("垃圾未清运").contains("决定通报");
        HttpResponse<String> bad = admin.post("/escalation/suggestions/" + suggestion + "/decide",
                Map.of("issuedOn", "2072-13-01", "reason", ""));
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("日期格式应如");
        HttpResponse<String> blank = admin.post("/escalation/suggestions/" + suggestion + "/decide",
                Map.of("issuedOn", "2072-06-10", "reason", " "));
        assertThat(blank.statusCode()).isEqualTo(200);
        assertThat(blank.body()).contains("请填写通报事由").contains("2072-06-10");
        HttpResponse<String> done = admin.post("/escalation/suggestions/" + suggestion + "/decide",
                Map.of("issuedOn", "2072-06-10", "reason", "验收不合格，予以通报"));
        assertThat(done.statusCode()).isEqualTo(302);
        String location = done.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/escalation/circulars/");
        String circular = admin.get(location.replaceFirst("^https?://[^/]+", "")).body();
        assertThat(circular).contains("通报〔2072〕").contains("验收不合格，予以通报");

        Browserless company = Browserless.signIn(port, "company_user", Browserless.DEMO_PASSWORD);
        assertThat(company.get(location.replaceFirst("^https?://[^/]+", "")).statusCode())
                .as(estate.companyId() + " is not company_user's company")
                .isEqualTo(estate.companyId().equals(directory.firstCompanyId().orElseThrow()) ? 200 : 404);
    }

    @Test
    void theCommendationListOfTheTopRankedCompaniesPrintsAndExports() {
        Browserless admin = Browserless.signIn(port, "hedong_admin", Browserless.DEMO_PASSWORD);
        Long ranking = Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "SELECT min(ranking_id) FROM escalation_commendation WHERE district_name = '河东区'")
                .query(Long.class).single(), r -> r != null);
        String page = admin.get("/escalation/commendations?ranking=" + ranking).body();
        assertThat(page).contains("评优推荐名单").contains("河东区");
        HttpResponse<String> pdf = admin.get("/escalation/commendations/list.pdf?ranking=" + ranking);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).contains("pdf");
        HttpResponse<String> xlsx = admin.get("/escalation/commendations/list.xlsx?ranking=" + ranking);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        assertThat(admin.get("/escalation/exits").statusCode()).isEqualTo(200);
        assertThat(Browserless.signIn(port, "street_xh", Browserless.DEMO_PASSWORD)
                .get("/escalation/commendations?ranking=" + ranking).body()).doesNotContain("河东区");
    }
}
