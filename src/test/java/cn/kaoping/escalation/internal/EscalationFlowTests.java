package cn.kaoping.escalation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.organisation.EstateCategory;
import cn.kaoping.organisation.EstateListing;
import cn.kaoping.organisation.EstatePlacement;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.ranking.RankingFixture;
import cn.kaoping.ranking.internal.RankingService;
import cn.kaoping.rectification.NoticeClosed;
import cn.kaoping.rectification.NoticeIssued;
import cn.kaoping.rectification.RectificationOverdue;
import cn.kaoping.support.ApiClient;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import cn.kaoping.support.MutableClock;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ladder fed by rectification events published here (the rectification module is another team's), with the
 * daily interview check on a clock the test moves, and the next round from published rankings (years 2070–2071).
 */
@IntegrationTest
class EscalationFlowTests {

    private static final AtomicLong NOTICES = new AtomicLong(8_000_000_000L + System.nanoTime() % 1_000_000_000L);

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
    @Autowired
    LadderQueries ladder;
    @Autowired
    InterviewSuggestions interviewSuggestions;
    @Autowired
    RankingService rankingService;

    private ApiClient as(String user) {
        return ApiClient.as(port, user, Browserless.DEMO_PASSWORD);
    }

    private void publish(Object event) {
        tx.executeWithoutResult(s -> events.publishEvent(event));
    }

    /** Professional estates of 东风街道 (河东区), one per company, none of company_user's company. */
    private List<EstatePlacement> dongfengEstates() {
        long excluded = directory.firstCompanyId().orElseThrow();
        String path = directory.regionByCode("QH-HD-DF").orElseThrow().path();
        Set<Long> companies = new HashSet<>();
        List<Long> ids = new ArrayList<>();
        for (EstateListing e : directory.estatesUnder(path, null, EstateCategory.PROFESSIONAL, false)) {
            if (e.companyId() != null && e.companyId() != excluded && companies.add(e.companyId())) {
                ids.add(e.id());
            }
        }
        return directory.placements(ids);
    }

    private long overdueNotice(EstatePlacement e, LocalDate issued) {
        long notice = NOTICES.incrementAndGet();
        String number = "整改〔T〕" + notice + "号";
        publish(new NoticeIssued(notice, number, e.companyId(), e.companyName(), e.districtId(), e.streetId(), e.id(),
                e.name(), issued, issued.plusDays(30), 2, null));
        RectificationOverdue overdue = new RectificationOverdue(notice, number, e.companyId(), e.districtId(), e.id(),
                issued.plusDays(30), 2, issued.plusDays(31));
        publish(overdue);
        publish(overdue); // delivered twice: the same condition suggests once
        return notice;
    }

    private long caseOf(EstatePlacement e) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "SELECT id FROM escalation_case WHERE company_id = :c AND district_id = :d")
                .param("c", e.companyId()).param("d", e.districtId()).query(Long.class).optional(), o -> o.isPresent())
                .orElseThrow();
    }

    private List<Long> suggestions(long caseId, String kind, String status) {
        return jdbc.sql("SELECT id FROM escalation_suggestion WHERE case_id = :c AND kind = :k AND status = :s ORDER BY id")
                .param("c", caseId).param("k", kind).param("s", status).query(Long.class).list();
    }

    private List<Long> awaitSuggestion(long caseId, String kind) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> suggestions(caseId, kind, "OPEN"),
                l -> !l.isEmpty());
    }

    private static long id(HttpResponse<String> res) {
        var m = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(res.body());
        assertThat(m.find()).as(res.body()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private String pdfText(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("pdf"));
        try (var doc = Loader.loadPDF(res.body())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void anOverdueNoticeClimbsTheLadderFromCircularToInterviewToPenalty() throws Exception {
        EstatePlacement estate = dongfengEstates().get(0);
        long notice = overdueNotice(estate, LocalDate.of(2070, 3, 1));
        long caseId = caseOf(estate);
        long circularSuggestion = awaitSuggestion(caseId, "CIRCULAR").get(0);
        assertThat(ladder.suggestion(Principals.admin(), circularSuggestion).reasons())
                .as("the overdue delivered twice is one condition").hasSize(1)
                .allMatch(r -> r.contains("2070-03-31") && r.contains("2 个问题"));

        // 通报: the district decides; a street office may not, another district's street does not even see it
        assertThat(as("street_df").send("POST", "/api/v1/escalation/suggestions/" + circularSuggestion + "/circular",
                "{\"issuedOn\": \"2070-04-05\", \"reason\": \"逾期未整改\"}").statusCode()).isEqualTo(403);
        assertThat(as("street_xh").send("POST", "/api/v1/escalation/suggestions/" + circularSuggestion + "/circular",
                "{\"issuedOn\": \"2070-04-05\", \"reason\": \"逾期未整改\"}").statusCode()).isEqualTo(404);
        HttpResponse<String> blank = as("hedong_admin").send("POST",
                "/api/v1/escalation/suggestions/" + circularSuggestion + "/circular", "{\"issuedOn\": \"2070-04-05\"}");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("reason").contains("请填写通报事由");
        HttpResponse<String> issued = as("hedong_admin").send("POST",
                "/api/v1/escalation/suggestions/" + circularSuggestion + "/circular",
                "{\"issuedOn\": \"2070-04-05\", \"reason\": \"整改通知书逾期未整改，责令限期整改\"}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        assertThat(issued.body()).contains("通报〔2070〕").contains(estate.companyName());
        long circular = id(issued);
        assertThat(as("hedong_admin").send("POST", "/api/v1/escalation/suggestions/" + circularSuggestion + "/circular",
                "{\"issuedOn\": \"2070-04-05\", \"reason\": \"again\"}").statusCode()).as("decided once").isEqualTo(409);

        // published without login, with its PDF
        assertThat(ApiClient.anonymous(port).get("/public/circulars").body()).contains(estate.companyName());
        assertThat(pdfText("/public/circulars/" + circular + "/document.pdf")).contains(estate.companyName())
                .contains("责令限期整改");

        // 约谈: the daily check suggests it only once the notice is still open 15 days after the circular
        MutableClock clock = new MutableClock(LocalDate.of(2070, 4, 19).atTime(1, 30).atZone(MutableClock.CHINA));
        InterviewCheck job = new InterviewCheck(interviewSuggestions, clock);
        job.run();
        assertThat(suggestions(caseId, "INTERVIEW", "OPEN")).as("day 14").isEmpty();
        clock.set(LocalDate.of(2070, 4, 20).atTime(1, 30).atZone(MutableClock.CHINA));
        job.run();
        job.run();
        List<Long> interviewSuggestions = suggestions(caseId, "INTERVIEW", "OPEN");
        assertThat(interviewSuggestions).as("day 15, once").hasSize(1);
        long interviewSuggestion = interviewSuggestions.get(0);

        HttpResponse<String> early = as("street_df").send("POST",
                "/api/v1/escalation/suggestions/" + interviewSuggestion + "/interview", """
                {"heldOn": "2070-04-01", "place": "东风街道办事处会议室", "attendees": "街道、区住建局、企业负责人",
                 "minutes": "通报企业逾期未整改情况", "commitments": "一个月内整改完毕"}""");
        assertThat(early.statusCode()).isEqualTo(400);
        assertThat(early.body()).contains("heldOn").contains("不能早于通报日期");
        HttpResponse<String> held = as("street_df").send("POST",
                "/api/v1/escalation/suggestions/" + interviewSuggestion + "/interview", """
                {"heldOn": "2070-04-25", "place": "东风街道办事处会议室", "attendees": "街道、区住建局、企业负责人",
                 "minutes": "通报企业逾期未整改情况", "commitments": "一个月内整改完毕"}""");
        assertThat(held.statusCode()).as(held.body()).isEqualTo(201);
        assertThat(held.body()).contains("约谈〔2070〕");

        // 处罚: the next round (2070-Q3) lists the company's estate at the bottom of 河东区 again
        Map<Long, BigDecimal> totals = new LinkedHashMap<>();
        for (EstateListing e : RankingFixture.estates(directory, "QH-HD",
                EstateCategory.PROFESSIONAL).stream().filter(x -> x.companyId() != null
                        && !x.companyId().equals(estate.companyId())).limit(14).toList()) {
            totals.put(e.id(), new BigDecimal(80 + totals.size()));
        }
        totals.put(estate.id(), new BigDecimal("55"));
        RankingFixture.publish(rankingService, "shenyang-professional", "2070-Q3", totals);
        long penaltySuggestion = awaitSuggestion(caseId, "PENALTY").get(0);
        assertThat(ladder.suggestion(Principals.admin(), penaltySuggestion).reasons().get(0))
                .contains("2070-Q3").contains(estate.name());

        HttpResponse<String> nothing = as("hedong_admin").send("POST",
                "/api/v1/escalation/suggestions/" + penaltySuggestion + "/penalty",
                "{\"decidedOn\": \"2070-10-10\", \"decision\": \"罚款\", \"legalBasis\": \"《物业管理条例》\", \"amount\": 0}");
        assertThat(nothing.statusCode()).isEqualTo(400);
        assertThat(nothing.body()).contains("amount");
        HttpResponse<String> fined = as("hedong_admin").send("POST",
                "/api/v1/escalation/suggestions/" + penaltySuggestion + "/penalty",
                "{\"decidedOn\": \"2070-10-10\", \"decision\": \"处以罚款\", \"legalBasis\": \"《物业管理条例》第五十九条\", \"amount\": 5000.50}");
        assertThat(fined.statusCode()).as(fined.body()).isEqualTo(201);
        assertThat(fined.body()).contains("处罚〔2070〕").contains("5000.5");

        // the ladder as the district sees it; the notice, closed now, shows as closed
        publish(new NoticeClosed(notice, "n", estate.companyId(), estate.districtId(), estate.id(),
                LocalDate.of(2070, 11, 1), false));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT closed FROM escalation_notice WHERE notice_id = :n").param("n", notice).query(Boolean.class)
                .single());
        String page = Browserless.signIn(port, "hedong_admin", Browserless.DEMO_PASSWORD)
                .get("/escalation/cases/" + caseId).body();
        assertThat(page).contains("通报〔2070〕").contains("约谈〔2070〕").contains("处罚〔2070〕").contains("已销号");
    }

    @Test
    void aCompanySeesOnlyItsOwnLadderAndAStreetOfAnotherDistrictSeesNone() {
        EstatePlacement other = dongfengEstates().get(1);
        long company = directory.firstCompanyId().orElseThrow();
        long ownEstate = directory.firstEstateOfCompany(company).orElseThrow().id();
        EstatePlacement own = directory.placements(List.of(ownEstate)).get(0);
        overdueNotice(other, LocalDate.of(2071, 5, 1));
        overdueNotice(own, LocalDate.of(2071, 5, 1));
        long otherCase = caseOf(other);
        long ownCase = caseOf(own);
        long ownSuggestion = awaitSuggestion(ownCase, "CIRCULAR").get(0);
        awaitSuggestion(otherCase, "CIRCULAR");

        ApiClient companyUser = as("company_user");
        String cases = companyUser.get("/api/v1/escalation/cases").body();
        assertThat(cases).contains("\"id\":" + ownCase).doesNotContain("\"id\":" + otherCase + ",");
        assertThat(companyUser.get("/api/v1/escalation/cases/" + otherCase).statusCode()).isEqualTo(404);
        assertThat(companyUser.get("/api/v1/escalation/cases/" + ownCase).statusCode()).isEqualTo(200);
        assertThat(companyUser.send("POST", "/api/v1/escalation/suggestions/" + ownSuggestion + "/dismiss",
                "{\"reason\": \"no\"}").statusCode()).as("read-only").isEqualTo(403);

        ApiClient xihu = as("street_xh");
        assertThat(xihu.get("/api/v1/escalation/cases").body()).doesNotContain("\"id\":" + otherCase + ",");
        assertThat(xihu.get("/api/v1/escalation/cases/" + otherCase).statusCode()).isEqualTo(404);
        assertThat(Browserless.signIn(port, "street_xh", Browserless.DEMO_PASSWORD)
                .get("/escalation/cases/" + otherCase).statusCode()).isEqualTo(404);
        assertThat(as("street_df").get("/api/v1/escalation/cases/" + otherCase).statusCode()).isEqualTo(200);
        assertThat(as("hedong_admin").get("/api/v1/escalation/cases/" + otherCase).statusCode()).isEqualTo(200);
    }
}
