package cn.kaoping.ranking.export;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.organisation.EstateCategory;
import cn.kaoping.organisation.EstateListing;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.ranking.RankingFixture;
import cn.kaoping.ranking.RankingSummary;
import cn.kaoping.ranking.Rankings;
import cn.kaoping.ranking.internal.RankingService;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import cn.kaoping.support.Workbooks;
import cn.kaoping.survey.EstateSatisfaction;
import cn.kaoping.survey.SatisfactionFormula;
import cn.kaoping.survey.SurveyClosed;
import cn.kaoping.survey.SurveyId;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Shenyang half-year and year-end ranking sheets (seed 000), one per district and category, read back cell by
 * cell. Years 2061–2065 belong to this class.
 */
@IntegrationTest
class ShenyangExportTests {

    private static final String PRO = "shenyang-professional";

    @LocalServerPort
    int port;
    @Autowired
    RankingService service;
    @Autowired
    Rankings rankings;
    @Autowired
    OrganisationDirectory directory;

    /** Estates of a category under a region whose names are unique there, so a row can be found by name. */
    private List<EstateListing> estates(String region, EstateCategory category) {
        List<EstateListing> all = RankingFixture.estates(directory, region, category);
        Map<String, Long> counts = all.stream().collect(Collectors.groupingBy(EstateListing::name,
                Collectors.counting()));
        return all.stream().filter(e -> counts.get(e.name()) == 1).toList();
    }

    private static Map<Long, BigDecimal> totals(List<EstateListing> estates, String... scores) {
        Map<Long, BigDecimal> totals = new LinkedHashMap<>();
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] != null) {
                totals.put(estates.get(i).id(), new BigDecimal(scores[i]));
            }
        }
        return totals;
    }

    @Test
    void theHalfYearSheetOfADistrictListsPlacesWithTiesAndNamesAMissingQuarter() {
        List<EstateListing> pro = estates("QH-HD", EstateCategory.PROFESSIONAL);
        List<EstateListing> basic = estates("QH-HD", EstateCategory.BASIC);
        List<EstateListing> hexi = estates("QH-HX", EstateCategory.PROFESSIONAL);
        Map<Long, BigDecimal> q1 = new LinkedHashMap<>(totals(pro, "90", "80", "80", "70", "60"));
        q1.putAll(totals(basic, "85", "95", "75")); // 河东区 whole: its three streets in both categories
        q1.putAll(totals(hexi, "88"));
        Map<Long, BigDecimal> q2 = new LinkedHashMap<>(totals(pro, "92", "80", "80", "72", null));
        q2.putAll(totals(basic, "85", "95", "75"));
        q2.putAll(totals(hexi, "88"));
        RankingFixture.publish(service, PRO, "2061-Q1", q1);
        RankingFixture.publish(service, PRO, "2061-Q2", q2);
        service.surveyClosed(new SurveyClosed(new SurveyId(9_061_000_000L + System.nanoTime() % 1_000_000L),
                "2061年上半年满意度调查", "shenyang-professional", PRO, null, LocalDate.of(2061, 6, 1),
                LocalDate.of(2061, 6, 20), Instant.parse("2061-06-21T02:00:00Z"), List.of(
                new EstateSatisfaction(pro.get(0).id(), pro.get(0).name(), 100, 40, 0, 0, new BigDecimal("0.4"),
                        new BigDecimal("0.30"), true, SatisfactionFormula.MEAN_SCORE, new BigDecimal("91.25"),
                        new BigDecimal("0.9125"), null, null),
                new EstateSatisfaction(pro.get(3).id(), pro.get(3).name(), 100, 20, 0, 0, new BigDecimal("0.2"),
                        new BigDecimal("0.30"), false, SatisfactionFormula.MEAN_SCORE, new BigDecimal("70"),
                        new BigDecimal("0.70"), null, null))));
        RankingSummary h1 = rankings.find(PRO, "2061-H1").orElseThrow();
        String url = "/rankings/" + h1.id() + "/export/shenyang.xlsx";

        HttpResponse<byte[]> res = download(Browserless.signIn(port, "hedong_admin", Browserless.DEMO_PASSWORD), url);
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("Content-Disposition").orElse("")).contains(".xlsx");
        Map<String, List<List<String>>> book = Workbooks.read(res.body());
        assertThat(book.keySet()).as("the district's sheets only, 专业化 first")
                .containsExactly("河东区-专业化", "河东区-保障型");

        List<List<String>> sheet = book.get("河东区-专业化");
        assertThat(sheet.get(0).get(0)).isEqualTo("河东区2061年上半年住宅小区物业服务质量日常考评排名（专业化）");
        assertThat(sheet.get(1)).containsExactly("名次", "小区名称", "物业服务企业", "所属街道", "第一季度", "第二季度",
                "平均分", "满意度", "备注");
        Function<EstateListing, List<String>> row = e -> sheet.stream().filter(r -> r.get(1).equals(e.name()))
                .findFirst().orElseThrow(() -> new AssertionError("no row for " + e.name()));
        assertThat(sheet.subList(2, 7)).extracting(r -> r.get(0)).containsExactly("1", "2", "2", "4", "");
        assertThat(row.apply(pro.get(0)).subList(4, 9)).containsExactly("90", "92", "91", "91.25", "");
        assertThat(row.apply(pro.get(0)).get(3)).isNotEmpty();
        assertThat(row.apply(pro.get(1)).get(8)).isEqualTo("并列第2名");
        assertThat(row.apply(pro.get(2)).get(8)).isEqualTo("并列第2名");
        assertThat(row.apply(pro.get(3)).subList(6, 9))
                .containsExactly("71", "70", "满意度调查参与率未达到要求，结果仅供参考");
        List<String> missing = row.apply(pro.get(4));
        assertThat(missing.subList(4, 7)).containsExactly("60", "—", "");
        assertThat(missing.get(8)).isEqualTo("缺第二季度考评成绩，不参与排名");
        assertThat(sheet.get(sheet.size() - 1).get(0)).contains("同分同名次").contains("不计入平均分");

        List<List<String>> basicSheet = book.get("河东区-保障型");
        assertThat(basicSheet.get(2).subList(0, 2)).containsExactly("1", basic.get(1).name());
        assertThat(basicSheet.get(3).subList(0, 2)).containsExactly("2", basic.get(0).name());

        assertThat(Workbooks.read(download(Browserless.signIn(port, "hedong_dept", Browserless.DEMO_PASSWORD), url).body())
                .keySet()).containsExactly("河东区-专业化", "河东区-保障型");
        assertThat(Workbooks.read(download(Browserless.signIn(port, "city_admin", Browserless.DEMO_PASSWORD), url).body())
                .keySet()).contains("河东区-专业化", "河东区-保障型", "河西区-专业化");
        assertThat(download(Browserless.signIn(port, "street_df", Browserless.DEMO_PASSWORD), url).statusCode())
                .isEqualTo(403);
        long quarter = rankings.find(PRO, "2061-Q1").orElseThrow().id();
        HttpResponse<byte[]> round = download(Browserless.signIn(port, "hedong_admin", Browserless.DEMO_PASSWORD),
                "/rankings/" + quarter + "/export/shenyang.xlsx");
        assertThat(round.statusCode()).isEqualTo(409);
        assertThat(new String(round.body(), StandardCharsets.UTF_8)).contains("请选择半年或年度排名");
        assertThat(download(Browserless.signIn(port, "hedong_admin", Browserless.DEMO_PASSWORD),
                "/rankings/999999999/export/shenyang.xlsx").statusCode()).isEqualTo(404);
    }

    /**
     * The totals with, for each street of 河东区 none of them is in, its last professional estate at 75: each quarter
     * then covers the district whole and the sheet has district places (issue 19).
     */
    private Map<Long, BigDecimal> wholeHedong(Map<Long, BigDecimal> totals) {
        Map<Long, BigDecimal> whole = new LinkedHashMap<>(totals);
        for (String street : List.of("QH-HD-DF", "QH-HD-CY", "QH-HD-GM")) {
            List<EstateListing> of = RankingFixture.street(directory, street, EstateCategory.PROFESSIONAL);
            // never one of the estates the tests score by hand (the first five)
            List<Long> scored = estates("QH-HD", EstateCategory.PROFESSIONAL).subList(0, 5).stream()
                    .map(EstateListing::id).toList();
            if (of.stream().noneMatch(e -> totals.containsKey(e.id()))) {
                of.stream().filter(e -> !scored.contains(e.id())).reduce((x, y) -> y)
                        .ifPresent(e -> whole.put(e.id(), new BigDecimal("75")));
            }
        }
        return whole;
    }

    @Test
    void theYearEndSheetHasFourQuartersAndSaysWhichAreMissing() {
        List<EstateListing> pro = estates("QH-HD", EstateCategory.PROFESSIONAL);
        RankingFixture.publish(service, PRO, "2062-Q1", wholeHedong(totals(pro, "80", "90")));
        RankingFixture.publish(service, PRO, "2062-Q2", wholeHedong(totals(pro, "82", "90")));
        RankingFixture.publish(service, PRO, "2062-Q3", wholeHedong(totals(pro, "84", null)));
        RankingSummary year = rankings.find(PRO, "2062").orElseThrow();

        Map<String, List<List<String>>> book = Workbooks.read(download(
                Browserless.signIn(port, "hedong_admin", Browserless.DEMO_PASSWORD),
                "/rankings/" + year.id() + "/export/shenyang.xlsx").body());
        List<List<String>> sheet = book.get("河东区-专业化");
        assertThat(sheet.get(0).get(0)).isEqualTo("河东区2062年度住宅小区物业服务质量日常考评排名（专业化）");
        assertThat(sheet.get(1).subList(4, 10))
                .containsExactly("第一季度", "第二季度", "第三季度", "第四季度", "平均分", "满意度");
        List<String> first = sheet.stream().filter(r -> r.get(1).equals(pro.get(0).name())).findFirst().orElseThrow();
        assertThat(first.subList(4, 8)).containsExactly("80", "82", "84", "—");
        assertThat(first.get(10)).isEqualTo("缺第四季度考评成绩，不参与排名");
        List<String> second = sheet.stream().filter(r -> r.get(1).equals(pro.get(1).name())).findFirst().orElseThrow();
        assertThat(second.get(10)).isEqualTo("缺第三季度、第四季度考评成绩，不参与排名");
        assertThat(sheet.get(sheet.size() - 1).get(0)).contains("本排名尚缺第四季度的公布结果");
    }

    @Test
    void libreOfficeOpensTheRankingSheetsWithoutRepair(@TempDir Path dir) throws Exception {
        Optional<Path> soffice = Stream.of("soffice", "libreoffice")
                .flatMap(n -> Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                        .map(p -> Path.of(p, n)))
                .filter(Files::isExecutable).findFirst();
        Assumptions.assumeTrue(soffice.isPresent(), "LibreOffice is not installed");
        List<EstateListing> pro = estates("QH-HD", EstateCategory.PROFESSIONAL);
        RankingFixture.publish(service, PRO, "2063-Q1", totals(pro, "80", "90", "90"));
        RankingFixture.publish(service, PRO, "2063-Q2", totals(pro, "82", "90"));
        RankingSummary h1 = rankings.find(PRO, "2063-H1").orElseThrow();
        byte[] xlsx = download(Browserless.signIn(port, "city_admin", Browserless.DEMO_PASSWORD),
                "/rankings/" + h1.id() + "/export/shenyang.xlsx").body();
        Path file = dir.resolve("ranking.xlsx");
        Files.write(file, xlsx);
        Process p = new ProcessBuilder(soffice.get().toString(), "--headless", "--norestore",
                "-env:UserInstallation=file://" + dir.resolve("profile").toAbsolutePath(),
                "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", dir.toString(),
                file.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(log).isZero();
        assertThat(Files.readString(dir.resolve("ranking.csv"), StandardCharsets.UTF_8))
                .contains("河东区2063年上半年住宅小区物业服务质量日常考评排名（专业化）").contains(pro.get(0).name());
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private HttpResponse<byte[]> download(Browserless session, String path) {
        try {
            return HttpClient.newBuilder().cookieHandler(session.cookies()).build().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
