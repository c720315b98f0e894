package cn.kaoping.credit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.credit.internal.CreditService;
import cn.kaoping.escalation.CircularIssued;
import cn.kaoping.escalation.PenaltyDecided;
import cn.kaoping.organisation.EstateListing;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.rectification.RectificationOverdue;
import cn.kaoping.support.ApiClient;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Credit files end to end: automatic records from rectification and escalation events (published here, delivered
 * twice), disputes, scope, and the public page. Records of events are dated 2100–2105 (reserved for these tests).
 */
@IntegrationTest
class CreditFlowTests {

    private static final AtomicLong IDS = new AtomicLong(9_000_000_000L + System.nanoTime() % 1_000_000_000L);

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
    CreditFiles files;
    @Autowired
    CreditService credit;
    @Autowired
    cn.kaoping.credit.internal.ContestRecord disputes;

    private ApiClient as(String user) {
        return ApiClient.as(port, user, Browserless.DEMO_PASSWORD);
    }

    private void publish(Object event) {
        tx.executeWithoutResult(s -> events.publishEvent(event));
    }

    /** A company whose estates all lie in 河东区, other than company_user's, with one of its estates. */
    private EstateListing hedongOnlyEstate() {
        long excluded = directory.firstCompanyId().orElseThrow();
        String hedong = directory.regionByCode("QH-HD").orElseThrow().path();
        List<EstateListing> all = directory.estatesUnder(directory.city().orElseThrow().path(), null, null, false);
        Set<Long> elsewhere = all.stream().filter(e -> e.companyId() != null && !e.regionPath().startsWith(hedong))
                .map(EstateListing::companyId).collect(Collectors.toSet());
        return all.stream().filter(e -> e.companyId() != null && e.regionPath().startsWith(hedong)
                        && e.companyId() != excluded && !elsewhere.contains(e.companyId()))
                .findFirst().orElseThrow();
    }

    /**
     * An estate of 河西区 outside 西湖街道 whose company is not company_user's: the escalation module also hears the
     * overdue notice published here and opens a ladder for that company in 河西区, away from the escalation tests'.
     */
    private EstateListing hexiEstate() {
        long excluded = directory.firstCompanyId().orElseThrow();
        String xihu = directory.regionByCode("QH-HX-XH").orElseThrow().path();
        return directory.estatesUnder(directory.regionByCode("QH-HX").orElseThrow().path(), null, null, false)
                .stream().filter(e -> e.companyId() != null && e.companyId() != excluded
                        && !e.regionPath().startsWith(xihu)).reduce((a, b) -> b).orElseThrow();
    }

    private long count(String sourcePrefix) {
        return jdbc.sql("SELECT count(*) FROM credit_record WHERE source LIKE :s || '%'").param("s", sourcePrefix)
                .query(Long.class).single();
    }

    private void awaitRecord(String source) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> count(source) > 0);
    }

    /** Waits until every copy of the events naming these ids has been handled, or says which listener is behind. */
    private void awaitHandled(long... ids) {
        String[] patterns = java.util.Arrays.stream(ids).mapToObj(i -> "%" + i + "%").toArray(String[]::new);
        try {
            Awaitility.await().atMost(Duration.ofSeconds(180)).until(() -> java.util.Arrays.stream(patterns)
                    .mapToLong(p -> jdbc.sql("SELECT count(*) FROM event_publication"
                            + " WHERE completion_date IS NULL AND serialized_event LIKE :n")
                            .param("n", p).query(Long.class).single()).sum() == 0);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("events not handled: " + jdbc.sql(
                    "SELECT listener_id, event_type, publication_date FROM event_publication"
                    + " WHERE completion_date IS NULL ORDER BY publication_date").query().listOfRows()
                    + "\nsessions: " + jdbc.sql("SELECT pid, state, wait_event_type, wait_event, left(query, 120) AS q"
                    + " FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")
                    .query().listOfRows(), e);
        }
    }

    private static long id(HttpResponse<String> res) {
        var m = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(res.body());
        assertThat(m.find()).as(res.body()).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void rectificationAndEscalationEventsBecomeBadRecordsOnceEvenWhenDeliveredTwice() {
        EstateListing estate = hexiEstate();
        long company = estate.companyId();
        long district = directory.regionByCode("QH-HX").orElseThrow().id();
        long notice = IDS.incrementAndGet();
        long circular = IDS.incrementAndGet();
        long penalty = IDS.incrementAndGet();
        RectificationOverdue overdue = new RectificationOverdue(notice, "整改〔T〕" + notice + "号", company, district,
                estate.id(), LocalDate.of(2100, 4, 30), 2, LocalDate.of(2100, 5, 1));
        CircularIssued issued = new CircularIssued(circular, "通报〔T〕" + circular + "号", company, "企业", district,
                "逾期未整改", LocalDate.of(2100, 5, 20), List.of(notice));
        PenaltyDecided decided = new PenaltyDecided(penalty, "处罚〔T〕" + penalty + "号", 1L, company, "企业", district,
                LocalDate.of(2100, 7, 1), "罚款", "条例", new BigDecimal("5000.00"), null);
        String overdueSource = "RectificationOverdue:" + notice + ":2100-04-30";
        // delivered, then delivered again once the first copies are done: the registry tells equal events apart
        // only by the order they complete in, so two equal copies in flight at once would be a test of Modulith
        for (int delivery = 0; delivery < 2; delivery++) {
            publish(overdue);
            publish(issued);
            publish(decided);
            awaitRecord(overdueSource);
            awaitRecord("CircularIssued:" + circular);
            awaitRecord("PenaltyDecided:" + penalty);
            awaitHandled(notice, circular, penalty);
        }

        assertThat(count("CircularIssued:" + circular)).isEqualTo(1);
        assertThat(count("PenaltyDecided:" + penalty)).isEqualTo(1);
        boolean hasManager = directory.projectManagers(company).stream().anyMatch(m -> m.estateIds()
                .contains(estate.id()));
        // the company's record, and its project manager's when the estate has one
        assertThat(count(overdueSource)).isEqualTo(hasManager ? 2 : 1);

        CreditScore score = files.score(SubjectType.COMPANY, company, LocalDate.of(2100, 12, 31));
        assertThat(score.lines()).filteredOn(l -> l.occurredOn().getYear() == 2100)
                .extracting(l -> l.kind() + " " + l.points().toPlainString())
                .containsExactly("OVERDUE_RECTIFICATION -2.00", "CIRCULAR -5.00", "PENALTY -10.00");
        CreditRecord c = jdbc.sql("SELECT id FROM credit_record WHERE source = :s")
                .param("s", "CircularIssued:" + circular).query(Long.class).optional()
                .map(id -> credit.record(new cn.kaoping.shared.KaopingPrincipal(0, "t", "t",
                        cn.kaoping.shared.Role.CITY_ADMIN, null, "/", null, null), id)).orElseThrow();
        assertThat(c.validUntil()).isEqualTo(LocalDate.of(2101, 5, 19));
        assertThat(c.enteredBy()).isEqualTo("system");
    }

    @Test
    void anAnnulledDisputeTakesTheRecordOutOfTheScoreAndKeepsBothSides() {
        long company = directory.firstCompanyId().orElseThrow(); // company_user's company
        String source = "Test:" + IDS.incrementAndGet();
        long record = credit.automatic(new CreditService.Auto(source, "Test", company, null, null, null,
                Direction.BAD, CreditKind.CIRCULAR, LocalDate.of(2105, 3, 1), "测试通报 " + source)).get(0);
        LocalDate yearEnd = LocalDate.of(2105, 12, 31);
        BigDecimal before = files.score(SubjectType.COMPANY, company, yearEnd).score();

        ApiClient companyUser = as("company_user");
        HttpResponse<String> contested = companyUser.send("POST", "/api/v1/credit/records/" + record + "/disputes",
                "{\"reason\":\"该通报已撤回\"}");
        assertThat(contested.statusCode()).as(contested.body()).isEqualTo(200);
        long dispute = id(contested);
        assertThat(companyUser.get("/api/v1/credit/records/" + record).body()).contains("CONTESTED");
        // a second dispute while one is open is refused
        assertThat(companyUser.send("POST", "/api/v1/credit/records/" + record + "/disputes",
                "{\"reason\":\"再次\"}").statusCode()).isEqualTo(409);
        // the company may not decide its own dispute
        assertThat(companyUser.send("POST", "/api/v1/credit/disputes/" + dispute + "/decision",
                "{\"decision\":\"ANNUL\",\"reason\":\"x\"}").statusCode()).isEqualTo(403);

        HttpResponse<String> decided = as("hedong_admin").send("POST", "/api/v1/credit/disputes/" + dispute
                + "/decision", "{\"decision\":\"ANNUL\",\"reason\":\"经核实，通报已撤回\"}");
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);

        CreditScore after = files.score(SubjectType.COMPANY, company, yearEnd);
        assertThat(after.score()).isEqualByComparingTo(before.add(new BigDecimal("5")).min(new BigDecimal("110")));
        assertThat(after.lines()).noneMatch(l -> l.recordId() == record);
        assertThat(after.skipped()).anyMatch(s -> s.recordId() == record && s.why().equals("ANNULLED"));
        String file = companyUser.get("/api/v1/credit/companies/" + company + "?year=2105").body();
        assertThat(file).contains("该通报已撤回", "经核实，通报已撤回", "ANNULLED");
    }

    @Test
    void aCompanyUserCannotReadAnotherCompanysFileAndAStreetOfficerCannotRecordOutsideItsDistrict() {
        long other = hedongOnlyEstate().companyId();
        assertThat(as("company_user").get("/api/v1/credit/companies/" + other).statusCode()).isEqualTo(404);
        String body = "{\"companyId\":" + other + ",\"direction\":\"BAD\",\"kind\":\"VERIFIED_COMPLAINT\","
                + "\"occurredOn\":\"2026-01-05\",\"description\":\"投诉属实\"}";
        assertThat(as("street_xh").send("POST", "/api/v1/credit/records", body).statusCode()).isEqualTo(404);
        // a district department sees the file but may not enter records
        assertThat(as("hedong_dept").get("/api/v1/credit/companies/" + other).statusCode()).isEqualTo(200);
        assertThat(as("hedong_dept").send("POST", "/api/v1/credit/records", body).statusCode()).isEqualTo(403);
        HttpResponse<String> bad = as("hedong_admin").send("POST", "/api/v1/credit/records",
                "{\"companyId\":" + other + ",\"direction\":\"GOOD\",\"kind\":\"PENALTY\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("kind", "occurredOn", "description");
    }

    @Test
    void thePublicPageAndExportShowOnlyBadRecordsInForce() {
        long company = hedongOnlyEstate().companyId();
        String tag = "T" + IDS.incrementAndGet();
        LocalDate today = credit.today();
        ApiClient admin = as("hedong_admin");
        Map<String, String> kinds = Map.of(
                "valid", "{\"direction\":\"BAD\",\"kind\":\"VERIFIED_COMPLAINT\",\"occurredOn\":\"" + today + "\"",
                "expired", "{\"direction\":\"BAD\",\"kind\":\"CIRCULAR\",\"occurredOn\":\""
                        + today.minusMonths(12) + "\"",
                "good", "{\"direction\":\"GOOD\",\"kind\":\"HONOUR\",\"occurredOn\":\"" + today + "\"",
                "annulled", "{\"direction\":\"BAD\",\"kind\":\"OTHER\",\"occurredOn\":\"" + today + "\"");
        Map<String, Long> ids = new java.util.HashMap<>();
        kinds.forEach((name, json) -> {
            HttpResponse<String> res = admin.send("POST", "/api/v1/credit/records", json + ",\"companyId\":" + company
                    + ",\"description\":\"" + tag + "-" + name + "\"}");
            assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
            ids.put(name, id(res));
        });
        // the company disputes the last one and the district annuls it
        jdbc.sql("SELECT 1").query().singleRow();
        long dispute = disputes.contest(new cn.kaoping.shared.KaopingPrincipal(0, "company_user", "企业",
                cn.kaoping.shared.Role.COMPANY_USER, null, null, company, null), ids.get("annulled"), "不属实", null,
                null);
        assertThat(admin.send("POST", "/api/v1/credit/disputes/" + dispute + "/decision",
                "{\"decision\":\"ANNUL\",\"reason\":\"核实不属实\"}").statusCode()).isEqualTo(200);

        ApiClient anonymous = ApiClient.anonymous(port);
        HttpResponse<String> page = anonymous.get("/public/credit/" + company);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(tag + "-valid")
                .doesNotContain(tag + "-expired", tag + "-good", tag + "-annulled");
        assertThat(anonymous.get("/public/credit?q=" + Browserless.enc(directory.companyName(company).orElseThrow()))
                .body()).contains(directory.companyName(company).orElseThrow());
        String csv = anonymous.get("/open-data/credit/bad-records.csv").body();
        assertThat(csv).contains(tag + "-valid").doesNotContain(tag + "-expired", tag + "-good", tag + "-annulled");
        String json = anonymous.get("/open-data/credit/bad-records.json").body();
        assertThat(json).contains(tag + "-valid").doesNotContain(tag + "-expired");
    }
}
