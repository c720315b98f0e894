package cn.kaoping.inspection;

import static cn.kaoping.inspection.RoundFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.inspection.internal.SeedTables;
import cn.kaoping.inspection.internal.SeedTables.EstateScores;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.platform.excel.LayoutSheet;
import cn.kaoping.scheme.engine.BuiltInSchemes;
import cn.kaoping.scheme.engine.Evaluation;
import cn.kaoping.scheme.engine.Evaluator;
import cn.kaoping.scheme.engine.Fact;
import cn.kaoping.scheme.engine.Scheme;
import cn.kaoping.support.ApiClient;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import cn.kaoping.support.Workbooks;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The seed-layout exports of a published round: the Erqi 评分细则 with the points each estate lost per row
 * (seed 004) and the Xigang 考核标准 with each street office's mean points per row (seed 001), read back cell by cell.
 */
@IntegrationTest
class SeedLayoutExportTests {

    @LocalServerPort
    int port;
    @Autowired
    OrganisationDirectory directory;

    private ApiClient admin() {
        return ApiClient.as(port, "hedong_admin", Browserless.DEMO_PASSWORD);
    }

    private ApiClient officer() {
        return ApiClient.as(port, "street_df", Browserless.DEMO_PASSWORD);
    }

    // --- Erqi ---------------------------------------------------------------------------------------------------

    @Test
    void theErqiTableHasAColumnPerEstateHoldingThePointsItLostOnEachRow() {
        long round = RoundFixture.openOverDongfeng(port, directory, 0);
        List<Long> tasks = RoundFixture.inspections(officer(), round);
        long a = tasks.get(0);
        long b = tasks.get(1);
        findings(officer(), a, "[{\"rule\": \"10.a\", \"count\": 4}, {\"rule\": \"1.b\", \"holds\": true}]");
        findings(officer(), b, "[{\"rule\": \"10.a\", \"count\": 1}, {\"rule\": \"13.a\", \"count\": 3}]");
        Browserless district = Browserless.signIn(port, "hedong_admin", Browserless.DEMO_PASSWORD);
        String url = "/rounds/" + round + "/export/seed-layout.xlsx";

        HttpResponse<byte[]> early = download(district, url);
        assertThat(early.statusCode()).as("not published yet").isEqualTo(409);
        assertThat(new String(early.body(), StandardCharsets.UTF_8)).contains("结果公布后方可导出原表格式考评表");
        assertThat(district.get("/rounds/" + round).body()).doesNotContain("export/seed-layout.xlsx");

        publish(round, tasks, id -> officer());
        assertThat(district.get("/rounds/" + round).body()).contains("export/seed-layout.xlsx");
        HttpResponse<byte[]> res = download(district, url);
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("Content-Disposition").orElse("")).contains(".xlsx");

        Map<String, List<List<String>>> book = Workbooks.read(res.body());
        assertThat(book).containsOnlyKeys("考核评分细则");
        List<List<String>> sheet = book.get("考核评分细则");
        assertThat(sheet.get(0).get(0)).isEqualTo("二七区老旧小区物业管理考核评分细则");
        assertThat(sheet.get(1).subList(0, 5)).containsExactly("序号", "考核大项", "考核分项", "分值", "评分标准");
        assertThat(sheet.get(1).get(5)).isEqualTo("东风街道");
        List<String> estates = sheet.get(2);
        assertThat(estates.size() - 5).isEqualTo(tasks.size());
        int colA = estates.indexOf(estateName(a));
        int colB = estates.indexOf(estateName(b));
        int other = Stream.iterate(5, c -> c + 1).filter(c -> c != colA && c != colB).findFirst().orElseThrow();
        assertThat(colA).isGreaterThanOrEqualTo(5);
        assertThat(colB).isGreaterThanOrEqualTo(5);

        List<String> row1 = row(sheet, "1");
        assertThat(row1.get(1)).isEqualTo("基础工作（20分）");
        assertThat(row1.get(colA)).as("未备案扣5分").isEqualTo("5");
        List<String> row10 = row(sheet, "10");
        assertThat(row10.get(2)).isEqualTo("小区管理有序，每班保安不少于1人，日常巡查巡防到位，无盗抢案件。");
        assertThat(row10.get(3)).isEqualTo("10");
        assertThat(row10.get(4)).startsWith("保安缺岗扣0.5分/次");
        assertThat(row10.get(colA)).as("保安缺岗 4 次").isEqualTo("2");
        assertThat(row10.get(colB)).as("保安缺岗 1 次").isEqualTo("0.5");
        assertThat(row10.get(other)).as("nothing recorded").isEqualTo("0");
        assertThat(row(sheet, "13").get(colB)).as("垃圾容器污损 3 个").isEqualTo("1.5");
        assertThat(row(sheet, "20").subList(5, estates.size())).as("no satisfaction measured").containsOnly("10");
        assertThat(row(sheet, "得分").get(colA)).isEqualTo("83");
        assertThat(row(sheet, "得分").get(colB)).isEqualTo("88");
        assertThat(row(sheet, "得分").get(3)).isEqualTo("100");
        assertThat(row(sheet, "等次").get(colA)).isEqualTo("合格");
        assertThat(row(sheet, "等次").get(colB)).isEqualTo("良好");
        assertThat(row(sheet, "等次").get(4)).isEqualTo("优秀≥95，良好≥85，合格≥70，不合格<70");
        assertThat(sheet.get(sheet.size() - 1).get(0)).contains("未扣分为 0").contains("第 1 版公布结果");

        // the same scope as the results table: the street's officer sees it, another district's does not
        assertThat(Workbooks.read(download(Browserless.signIn(port, "street_df", Browserless.DEMO_PASSWORD), url).body())
                .get("考核评分细则").get(2)).isEqualTo(estates);
        assertThat(download(Browserless.signIn(port, "street_xh", Browserless.DEMO_PASSWORD), url).statusCode())
                .isEqualTo(404);
    }

    @Test
    void moreThanSixtyEstatesGiveOneSheetPerStreetOffice() {
        Scheme erqi = BuiltInSchemes.load("erqi-old-estate");
        List<EstateScores> estates = new ArrayList<>();
        String[] streets = {"东风街道", "朝阳街道", "光明街道"};
        for (int i = 0; i < 61; i++) {
            Evaluation ev = Evaluator.evaluate(erqi, LocalDate.of(2020, 6, 30),
                    List.of(Fact.occurrences("10.a", i % 5 + 1)));
            estates.add(scores(i, "小区" + i, i % 3, streets[i % 3], ev));
        }
        List<LayoutSheet> sheets = SeedTables.estateColumns(erqi, estates, source());
        Map<String, List<List<String>>> book = Workbooks.read(LayoutSheet.write(sheets));

        assertThat(book.keySet()).containsExactlyInAnyOrder("东风街道", "朝阳街道", "光明街道");
        List<List<String>> dongfeng = book.get("东风街道");
        assertThat(dongfeng.get(0).get(0)).isEqualTo("二七区老旧小区物业管理考核评分细则（东风街道）");
        assertThat(dongfeng.get(2).subList(5, dongfeng.get(2).size())).hasSize(21).allMatch(n -> n.startsWith("小区"))
                .contains("小区0", "小区3", "小区60").doesNotContain("小区1");
        int col = dongfeng.get(2).indexOf("小区3");
        assertThat(row(dongfeng, "10").get(col)).isEqualTo("2");
        assertThat(SeedTables.estateColumns(erqi, estates.subList(0, 60), source())).hasSize(1);
    }

    // --- Xigang -------------------------------------------------------------------------------------------------

    @Test
    void theXigangTableGivesEachStreetOfficeTheMeanOfItsEstatesPointsOnEveryRow() {
        HttpResponse<String> created = admin().send("POST", "/api/v1/rounds", """
                {"name": "河东区2020年第一季度街道考核 %d", "schemeCode": "xigang-street-2020", "schemeVersion": 1,
                 "period": "2020-Q1", "oldEstatesOnly": true, "inspectionDue": "2020-04-15",
                 "reviewDue": "2020-04-30", "publicityDays": 0, "confirmOverlap": true}""".formatted(System.nanoTime()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long round = json(created).get("id").asLong();
        assertThat(admin().send("POST", "/api/v1/rounds/" + round + "/open", null).statusCode()).isEqualTo(200);

        Map<Long, String> streetOf = new HashMap<>();
        Map<Long, String> streetNames = new LinkedHashMap<>();
        json(admin().get("/api/v1/rounds/" + round + "/inspections")).forEach(t -> {
            streetOf.put(t.get("id").asLong(), officerOf(t.get("streetId").asLong()));
            streetNames.put(t.get("streetId").asLong(), t.get("streetName").asString());
        });
        assertThat(streetNames).as("old estates of more than one street").hasSizeGreaterThan(1);
        List<Long> tasks = new ArrayList<>(streetOf.keySet());
        tasks.sort(null);
        Map<Long, Integer> row9 = new HashMap<>();
        for (int k = 0; k < tasks.size(); k++) {
            // 物业区域划定: 0.5 per project, so the street means need rounding
            row9.put(tasks.get(k), k % 3);
            findings(ApiClient.as(port, streetOf.get(tasks.get(k)), Browserless.DEMO_PASSWORD), tasks.get(k),
                    "[{\"rule\": \"9\", \"count\": %d}, {\"rule\": \"11\", \"count\": %d}]".formatted(k % 3, k % 2));
        }
        publish(round, tasks, id -> ApiClient.as(port, streetOf.get(id), Browserless.DEMO_PASSWORD));

        Map<Long, List<BigDecimal>> expected9 = new HashMap<>();
        Map<Long, List<BigDecimal>> totals = new HashMap<>();
        json(admin().get("/api/v1/rounds/" + round + "/inspections")).forEach(t -> {
            long street = t.get("streetId").asLong();
            expected9.computeIfAbsent(street, s -> new ArrayList<>())
                    .add(new BigDecimal("4").subtract(new BigDecimal("0.5").multiply(
                            BigDecimal.valueOf(row9.get(t.get("id").asLong())))));
            totals.computeIfAbsent(street, s -> new ArrayList<>()).add(t.get("total").decimalValue());
        });

        String url = "/rounds/" + round + "/export/seed-layout.xlsx";
        Map<String, List<List<String>>> book = Workbooks.read(download(
                Browserless.signIn(port, "hedong_admin", Browserless.DEMO_PASSWORD), url).body());
        assertThat(book).containsOnlyKeys("考核标准");
        List<List<String>> sheet = book.get("考核标准");
        assertThat(sheet.get(0).get(0)).isEqualTo("西岗区街道办事处居住小区管理工作考核标准（2020年）");
        assertThat(sheet.get(1).subList(0, 8))
                .containsExactly("序号", "考察类别", "考核单位", "考核内容", "时间节点", "评分办法", "分值", "各街道得分");
        assertThat(sheet.get(2).subList(7, sheet.get(2).size()))
                .containsExactlyInAnyOrderElementsOf(streetNames.values());

        // seed row 2 has three time nodes: one 序号 and one 考核内容 over three rows
        int first = sheet.indexOf(row(sheet, "2"));
        assertThat(sheet.get(first).subList(3, 7))
                .containsExactly("监督指导业主大会及业主委员会工作", "6月15日", "6月15日前报送不扣分，6月15日后报送扣1分，未报送扣2分。", "2");
        assertThat(sheet.get(first + 1).get(0)).isEmpty();
        assertThat(sheet.get(first + 1).get(4)).isEqualTo("9月15日");
        assertThat(sheet.get(first + 2).get(4)).isEqualTo("12月10日");

        streetNames.forEach((street, name) -> {
            int col = sheet.get(2).indexOf(name);
            BigDecimal mean = mean(expected9.get(street));
            assertThat(new BigDecimal(row(sheet, "9").get(col))).as(name + " row 9").isEqualByComparingTo(mean);
            assertThat(new BigDecimal(row(sheet, "得分").get(col))).as(name + " total")
                    .isEqualByComparingTo(mean(totals.get(street)));
            assertThat(row(sheet, "参评小区（个）").get(col)).isEqualTo(String.valueOf(totals.get(street).size()));
        });
        assertThat(sheet.get(sheet.size() - 1).get(0)).contains("算术平均值").contains("四舍五入");

        // a street officer sees his own street's column only
        List<List<String>> own = Workbooks.read(download(Browserless.signIn(port, "street_df", Browserless.DEMO_PASSWORD), url)
                .body()).get("考核标准");
        assertThat(own.get(2).subList(7, own.get(2).size()))
                .isEqualTo(streetNames.containsValue("东风街道") ? List.of("东风街道") : List.of());
    }

    @Test
    void aStreetMeanIsRoundedHalfUpToTwoDecimals() {
        Scheme xigang = BuiltInSchemes.load("xigang-street-2020");
        Map<String, BigDecimal> full = new HashMap<>();
        xigang.items().forEach(i -> full.put(i.code(), i.max()));
        Map<String, BigDecimal> a = new HashMap<>(full);
        a.put("10", new BigDecimal("3.5"));
        Map<String, BigDecimal> b = new HashMap<>(full);
        b.put("10", new BigDecimal("4"));
        Map<String, BigDecimal> c = new HashMap<>(full);
        c.put("10", new BigDecimal("3.51"));
        List<EstateScores> estates = List.of(
                new EstateScores(1, 1, "甲", 7, "八一路街道", new BigDecimal("99.5"), null, a),
                new EstateScores(2, 2, "乙", 7, "八一路街道", new BigDecimal("100"), null, b),
                new EstateScores(3, 3, "丙", 8, "白云街道", new BigDecimal("99.51"), null, c),
                new EstateScores(4, 4, "丁", 8, "白云街道", new BigDecimal("99.5"), null, a));

        List<List<String>> sheet = Workbooks.read(LayoutSheet.write(List.of(SeedTables.streetColumns(xigang, estates, source()))))
                .get("考核标准");
        int bayi = sheet.get(2).indexOf("八一路街道");
        int baiyun = sheet.get(2).indexOf("白云街道");
        assertThat(row(sheet, "10").get(bayi)).isEqualTo("3.75");
        assertThat(row(sheet, "10").get(baiyun)).as("3.505 half up").isEqualTo("3.51");
        assertThat(row(sheet, "得分").get(baiyun)).as("99.505 half up").isEqualTo("99.51");
        assertThat(row(sheet, "1").get(bayi)).isEqualTo("3");
    }

    @Test
    void libreOfficeOpensTheExportsWithoutRepair(@TempDir Path dir) throws Exception {
        Optional<Path> soffice = Stream.of("soffice", "libreoffice")
                .flatMap(n -> Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                        .map(p -> Path.of(p, n)))
                .filter(Files::isExecutable).findFirst();
        Assumptions.assumeTrue(soffice.isPresent(), "LibreOffice is not installed");
        Scheme erqi = BuiltInSchemes.load("erqi-old-estate");
        Scheme xigang = BuiltInSchemes.load("xigang-street-2020");
        List<EstateScores> estates = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            estates.add(scores(i, "小区" + i, i % 4, "街道" + i % 4,
                    Evaluator.evaluate(erqi, LocalDate.of(2020, 6, 30), List.of(Fact.occurrences("10.a", i % 3)))));
        }
        List<EstateScores> streets = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            streets.add(scores(i, "小区" + i, i % 3, "街道" + i % 3,
                    Evaluator.evaluate(xigang, LocalDate.of(2020, 12, 31), List.of(Fact.occurrences("9", i)))));
        }
        Map<String, byte[]> files = Map.of(
                "erqi.xlsx", LayoutSheet.write(SeedTables.estateColumns(erqi, estates, source())),
                "xigang.xlsx", LayoutSheet.write(List.of(SeedTables.streetColumns(xigang, streets, source()))));
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path xlsx = dir.resolve(f.getKey());
            Files.write(xlsx, f.getValue());
            Process p = new ProcessBuilder(soffice.get().toString(), "--headless", "--norestore",
                    "-env:UserInstallation=file://" + dir.resolve("profile").toAbsolutePath(),
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", dir.toString(),
                    xlsx.toString()).redirectErrorStream(true).start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(log).isZero();
            String csv = Files.readString(dir.resolve(f.getKey().replace(".xlsx", ".csv")), StandardCharsets.UTF_8);
            assertThat(csv).contains(f.getKey().startsWith("erqi") ? "二七区老旧小区物业管理考核评分细则" : "各街道得分");
        }
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private static EstateScores scores(long id, String name, long street, String streetName, Evaluation ev) {
        Map<String, BigDecimal> items = new HashMap<>();
        ev.items().forEach(i -> items.put(i.code(), i.score()));
        return new EstateScores(id, id, name, street, streetName, ev.total(), ev.gradeLabel(), items);
    }

    private static SeedTables.Source source() {
        return new SeedTables.Source("测试轮次", "2020-H1", 1, OffsetDateTime.of(2020, 7, 20, 9, 0, 0, 0,
                ZoneOffset.ofHours(8)), "ab".repeat(32));
    }

    private static BigDecimal mean(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP);
    }

    private String officerOf(long streetId) {
        String code = directory.region(streetId).orElseThrow().code();
        return "street_" + code.substring(code.lastIndexOf('-') + 1).toLowerCase();
    }

    private static void findings(ApiClient client, long task, String body) {
        HttpResponse<String> res = client.send("PUT", "/api/v1/inspections/" + task + "/findings", body);
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    }

    private String estateName(long task) {
        return json(admin().get("/api/v1/inspections/" + task)).get("estateName").asString();
    }

    /** Submits (by the street's officer) and accepts every task, then runs publicity of 0 days and publishes. */
    private void publish(long round, List<Long> tasks, java.util.function.Function<Long, ApiClient> officerOf) {
        for (long t : tasks) {
            HttpResponse<String> submitted = officerOf.apply(t).send("POST", "/api/v1/inspections/" + t + "/submit", null);
            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
            assertThat(admin().send("POST", "/api/v1/inspections/" + t + "/accept", null).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> publicity = admin().send("POST", "/api/v1/rounds/" + round + "/publicity", null);
        assertThat(publicity.statusCode()).as(publicity.body()).isEqualTo(200);
        HttpResponse<String> published = admin().send("POST", "/api/v1/rounds/" + round + "/publish", null);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        JsonNode v1 = json(published);
        assertThat(v1.get("revision").asInt()).isEqualTo(1);
    }

    private HttpResponse<byte[]> download(Browserless session, String path) {
        try {
            return HttpClient.newBuilder().cookieHandler(session.cookies()).build().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first row whose first cell is the given text (序号, 得分 …). */
    private static List<String> row(List<List<String>> sheet, String first) {
        return sheet.stream().filter(r -> !r.isEmpty() && r.get(0).equals(first)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + first));
    }
}
