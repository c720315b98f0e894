package cn.kaoping.ranking.dashboard;

import static cn.kaoping.ranking.dashboard.DashboardFixture.assertSameFigures;
import static cn.kaoping.ranking.dashboard.DashboardFixture.cells;
import static cn.kaoping.ranking.dashboard.DashboardFixture.download;
import static cn.kaoping.ranking.dashboard.DashboardFixture.table;
import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.inspection.RoundFixture;
import cn.kaoping.inspection.RoundProgress;
import cn.kaoping.inspection.RoundProgress.RoundTasks;
import cn.kaoping.organisation.EstateCategory;
import cn.kaoping.organisation.EstateListing;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.ranking.RankingFixture;
import cn.kaoping.ranking.RankingSummary;
import cn.kaoping.ranking.internal.RankingService;
import cn.kaoping.support.ApiClient;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import cn.kaoping.survey.EstateSatisfaction;
import cn.kaoping.survey.SatisfactionFormula;
import cn.kaoping.survey.SurveyClosed;
import cn.kaoping.survey.SurveyId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboards over known rankings (years 2056–2057 are this class's): the tables' figures, the workbooks that
 * export them, the scope of a district, and the progress of rounds.
 */
@IntegrationTest
class DashboardScreensTests {

    static final String ERQI = "erqi-old-estate";
    static final List<String> TOTALS = ChartsTests.TOTALS;

    @LocalServerPort
    int port;
    private final RankingService rankingService;
    private final OrganisationDirectory directory;
    private final RoundProgress progress;

    DashboardScreensTests(@Autowired RankingService rankingService, @Autowired OrganisationDirectory directory,
                          @Autowired RoundProgress progress) {
        this.rankingService = rankingService;
        this.directory = directory;
        this.progress = progress;
    }

    private List<EstateListing> hexi() {
        return RankingFixture.estates(directory, "QH-HX", EstateCategory.PROFESSIONAL).subList(0, TOTALS.size());
    }

    private List<EstateListing> hedong() {
        return RankingFixture.estates(directory, "QH-HD", EstateCategory.PROFESSIONAL).subList(0, 4);
    }

    @Test
    void eachExportHoldsExactlyTheFiguresOfItsTableForAKnownRanking() {
        List<EstateListing> hx = hexi();
        List<EstateListing> hd = hedong();
        Map<Long, BigDecimal> first = new LinkedHashMap<>();
        Map<Long, BigDecimal> second = new LinkedHashMap<>();
        for (int i = 0; i < hx.size(); i++) {
            first.put(hx.get(i).id(), new BigDecimal(80 + i));
            second.put(hx.get(i).id(), new BigDecimal(TOTALS.get(i)));
        }
        for (int i = 0; i < hd.size(); i++) {
            first.put(hd.get(i).id(), new BigDecimal("99"));
            second.put(hd.get(i).id(), new BigDecimal("66." + i));
        }
        RankingFixture.publish(rankingService, ERQI, "2056-H1", first);
        RankingSummary ranking = DashboardFixture.roundRanking(
                RankingFixture.publish(rankingService, ERQI, "2056-H2", second));
        String title = "2056年满意度调查 " + System.nanoTime();
        rankingService.surveyClosed(new SurveyClosed(new SurveyId(3_000_000_000L + System.nanoTime() % 1_000_000_000L),
                title, "erqi", ERQI, null, LocalDate.of(2056, 11, 1), LocalDate.of(2056, 11, 30),
                Instant.parse("2056-12-01T00:00:00Z"), List.of(
                        satisfaction(hx.get(0), 200, 50), satisfaction(hx.get(1), 100, 5),
                        satisfaction(hd.get(0), 1000, 900))));

        EstateListing estate = hx.get(0);
        long company = hx.stream().filter(e -> e.companyId() != null).findFirst().orElseThrow().companyId();
        Browserless hexiAdmin = Browserless.signIn(port, "hexi_admin", Browserless.DEMO_PASSWORD);
        String query = "?scheme=" + ERQI + "&ranking=" + ranking.id() + "&n=3&estate=" + estate.id()
                + "&company=" + company;
        HttpResponse<String> page = hexiAdmin.get("/dashboards" + query);
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();

        // the known totals, binned and graded (Erqi: 优秀 ≥95, 良好 ≥85, 合格 ≥70)
        assertThat(table(html, "histogram")).containsExactly(List.of("分数段", "小区数"),
                List.of("60–65", "1"), List.of("65–70", "0"), List.of("70–75", "1"), List.of("75–80", "0"),
                List.of("80–85", "0"), List.of("85–90", "2"), List.of("90–95", "1"), List.of("95–100", "3"));
        assertThat(table(html, "grades")).containsExactly(List.of("等次", "分数线", "小区数"),
                List.of("优秀", "95", "3"), List.of("良好", "85", "3"), List.of("合格", "70", "1"),
                List.of("不合格", "0", "1"));
        List<List<String>> extremes = table(html, "extremes");
        assertThat(extremes.subList(1, extremes.size())).extracting(r -> r.get(0) + " " + r.get(1) + " " + r.get(6))
                .containsExactly("最好 1 100.00", "最好 2 97.50", "最好 3 95.00",
                        "最差 8 60.50", "最差 7 72.00", "最差 5 85.00", "最差 5 85.00");
        assertThat(table(html, "estate-trend")).filteredOn(r -> r.get(0).startsWith("2056"))
                .extracting(r -> r.get(0) + " " + r.get(1))
                .containsExactly("2056-H1 80.00", "2056-H2 100.00");
        List<String> companyRows = new ArrayList<>();
        for (String period : List.of("2056-H1", "2056-H2")) {
            Map<Long, BigDecimal> totals = period.equals("2056-H1") ? first : second;
            List<BigDecimal> own = hx.stream().filter(e -> e.companyId() != null && e.companyId() == company)
                    .map(e -> totals.get(e.id())).toList();
            BigDecimal mean = own.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(own.size()), 2, RoundingMode.HALF_UP);
            companyRows.add(period + " " + mean.toPlainString() + " " + own.size());
        }
        assertThat(table(html, "company-trend")).filteredOn(r -> r.get(0).startsWith("2056"))
                .extracting(r -> r.get(0) + " " + r.get(1) + " " + r.get(2)).containsExactlyElementsOf(companyRows);
        assertThat(table(html, "participation")).filteredOn(r -> r.get(0).equals(title))
                .containsExactly(List.of(title, "2056-11-30", "2", "300", "55", "18.33", "10", "1"));

        for (String chart : List.of("histogram", "grades", "extremes", "estate-trend", "company-trend",
                "participation", "rounds")) {
            assertThat(html).contains("/dashboards/export/" + chart + query.replace("&", "&amp;"));
            HttpResponse<byte[]> xlsx = download(port, hexiAdmin, "/dashboards/export/" + chart + query);
            assertThat(xlsx.statusCode()).as(chart).isEqualTo(200);
            assertThat(xlsx.headers().firstValue("Content-Disposition").orElse("")).as(chart).contains(".xlsx");
            assertSameFigures(table(html, chart), cells(xlsx.body()), chart);
        }
    }

    private static EstateSatisfaction satisfaction(EstateListing e, int households, int respondents) {
        BigDecimal participation = BigDecimal.valueOf(respondents).divide(BigDecimal.valueOf(households), 6,
                RoundingMode.DOWN);
        BigDecimal min = new BigDecimal("0.10");
        return new EstateSatisfaction(e.id(), e.name(), households, respondents, respondents, 0, participation, min,
                participation.compareTo(min) >= 0, SatisfactionFormula.values()[0], new BigDecimal("90.00"),
                new BigDecimal("0.900000"), "20", "measured");
    }

    @Test
    void aDistrictAdminOfHexiSeesNoEstateOfHedong() {
        List<EstateListing> hx = hexi();
        List<EstateListing> hd = hedong();
        Map<Long, BigDecimal> totals = new LinkedHashMap<>();
        hx.forEach(e -> totals.put(e.id(), new BigDecimal("70")));
        // 河东 holds the best and the worst of the city: neither may show for 河西
        totals.put(hd.get(0).id(), new BigDecimal("100"));
        totals.put(hd.get(1).id(), new BigDecimal("10"));
        RankingSummary ranking = DashboardFixture.roundRanking(
                RankingFixture.publish(rankingService, ERQI, "2057-H1", totals));
        List<String> hxNames = hx.stream().map(EstateListing::name).toList();
        List<String> hdOnly = hd.subList(0, 2).stream().map(EstateListing::name).filter(n -> !hxNames.contains(n))
                .toList();

        Browserless hexiAdmin = Browserless.signIn(port, "hexi_admin", Browserless.DEMO_PASSWORD);
        String query = "?scheme=" + ERQI + "&ranking=" + ranking.id() + "&n=50";
        String html = hexiAdmin.get("/dashboards" + query).body();
        assertThat(html).contains(directory.regionByCode("QH-HX").orElseThrow().name()).contains(hx.get(0).name());
        hdOnly.forEach(name -> assertThat(html).doesNotContain(name));
        assertThat(table(html, "histogram")).containsExactly(List.of("分数段", "小区数"),
                List.of("70–75", String.valueOf(hx.size())));
        List<List<String>> best = cells(download(port, hexiAdmin, "/dashboards/export/extremes" + query).body());
        assertThat(best).hasSize(1 + 2 * hx.size()).allSatisfy(r -> assertThat(hdOnly).doesNotContain(r.get(2)));

        // another district's estate or district answers like a missing one
        assertThat(hexiAdmin.get("/dashboards" + query + "&estate=" + hd.get(0).id()).statusCode()).isEqualTo(404);
        long hedongDistrict = directory.regionByCode("QH-HD").orElseThrow().id();
        assertThat(hexiAdmin.get("/dashboards" + query + "&district=" + hedongDistrict).statusCode()).isEqualTo(404);
        assertThat(download(port, hexiAdmin, "/dashboards/export/estate-trend" + query + "&estate=" + hd.get(0).id())
                .statusCode()).isEqualTo(404);

        // the city sees both, and narrows to 河东 when it picks it
        Browserless city = Browserless.signIn(port, "city_admin", Browserless.DEMO_PASSWORD);
        String all = city.get("/dashboards" + query).body();
        assertThat(table(all, "extremes").get(1)).contains(hd.get(0).name(), "100.00");
        String hedongOnly = city.get("/dashboards" + query + "&district=" + hedongDistrict).body();
        assertThat(table(hedongOnly, "histogram")).containsExactly(List.of("分数段", "小区数"),
                List.of("10–15", "1"), List.of("15–20", "0"), List.of("20–25", "0"), List.of("25–30", "0"),
                List.of("30–35", "0"), List.of("35–40", "0"), List.of("40–45", "0"), List.of("45–50", "0"),
                List.of("50–55", "0"), List.of("55–60", "0"), List.of("60–65", "0"), List.of("65–70", "0"),
                List.of("70–75", "0"), List.of("75–80", "0"), List.of("80–85", "0"), List.of("85–90", "0"),
                List.of("90–95", "0"), List.of("95–100", "1"));
    }

    @Test
    void onlyOfficialsOfARegionHaveDashboards() {
        for (String user : List.of("company_user", "committee_member", "community_df01", "expert")) {
            assertThat(Browserless.signIn(port, user, Browserless.DEMO_PASSWORD).get("/dashboards").statusCode())
                    .as(user).isEqualTo(403);
        }
        for (String user : List.of("street_df", "hedong_dept")) {
            assertThat(Browserless.signIn(port, user, Browserless.DEMO_PASSWORD).get("/dashboards").statusCode())
                    .as(user).isEqualTo(200);
        }
        Browserless hexiAdmin = Browserless.signIn(port, "hexi_admin", Browserless.DEMO_PASSWORD);
        assertThat(hexiAdmin.get("/dashboards/export/nothing").statusCode()).isEqualTo(404);
    }

    @Test
    void roundProgressCountsTheTasksOfARoundHandedInAcceptedAndReturned() {
        long round = RoundFixture.openOverDongfeng(port, directory, 7);
        ApiClient officer = ApiClient.as(port, "street_df", Browserless.DEMO_PASSWORD);
        ApiClient admin = ApiClient.as(port, "hedong_admin", Browserless.DEMO_PASSWORD);
        List<Long> tasks = RoundFixture.inspections(officer, round);
        assertThat(tasks).hasSizeGreaterThanOrEqualTo(4);
        for (long t : tasks.subList(0, 3)) {
            assertThat(officer.send("POST", "/api/v1/inspections/" + t + "/submit", null).statusCode()).isEqualTo(200);
        }
        assertThat(admin.send("POST", "/api/v1/inspections/" + tasks.get(0) + "/accept", null).statusCode())
                .isEqualTo(200);
        assertThat(admin.send("POST", "/api/v1/inspections/" + tasks.get(1) + "/return",
                "{\"comment\": \"请补充照片\"}").statusCode()).isEqualTo(200);

        String dongfeng = directory.regionByCode("QH-HD-DF").orElseThrow().path();
        String hedong = directory.regionByCode("QH-HD").orElseThrow().path();
        for (String path : List.of(dongfeng, hedong)) {
            RoundTasks r = progress.under(path, ERQI, 1000).stream().filter(x -> x.roundId() == round).findFirst()
                    .orElseThrow();
            assertThat(r.status()).isEqualTo("OPEN");
            assertThat(r.period()).isEqualTo("2020-H1");
            assertThat(r.tasks()).isEqualTo(tasks.size());
            assertThat(r.submitted()).as("handed in, not sent back").isEqualTo(2);
            assertThat(r.accepted()).isEqualTo(1);
            assertThat(r.returned()).isEqualTo(1);
            assertThat(r.awaitingReview()).isEqualTo(1);
            assertThat(r.pending()).isEqualTo(tasks.size() - 3);
        }
        String hexi = directory.regionByCode("QH-HX").orElseThrow().path();
        assertThat(progress.under(hexi, null, 1000)).noneMatch(r -> r.roundId() == round);
        assertThat(progress.under(hedong, "shenyang-basic", 1000)).noneMatch(r -> r.roundId() == round);

        // the street office's dashboard shows the same counts, and its workbook too
        Browserless street = Browserless.signIn(port, "street_df", Browserless.DEMO_PASSWORD);
        String html = street.get("/dashboards?scheme=" + ERQI).body();
        List<List<String>> rows = table(html, "rounds");
        assertThat(rows).filteredOn(r -> r.get(0).startsWith("东风街道2020年上半年考核"))
                .anySatisfy(r -> assertThat(r.subList(3, 9)).containsExactly("进行中",
                        String.valueOf(tasks.size()), "2", "1", "1", String.valueOf(tasks.size() - 3)));
        assertSameFigures(rows, cells(download(port, street, "/dashboards/export/rounds?scheme=" + ERQI).body()),
                "rounds");
    }
}
