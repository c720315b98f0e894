package cn.kaoping.inspection;

import cn.kaoping.inspection.internal.RoundService;
import cn.kaoping.inspection.internal.Scoring;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.scheme.engine.PerOccurrence;
import cn.kaoping.scheme.engine.Rule;
import cn.kaoping.support.ApiClient;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rounds benchmark (bench/rounds/run.sh): a round of 1,000 estates with 20 findings each on PostgreSQL. Measures
 * scoring the whole round (RoundService.scoreAll: one query for the findings, the engine per estate, one UPDATE) and
 * the inspection form page over loopback HTTP. Runs only with -Dkaoping.bench=true: it adds 1,000 estates.
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "kaoping.bench", matches = "true")
class RoundBenchmarkTests {

    static final int ESTATES = 1000;
    static final int FINDINGS = 20;
    static final int SCORING_RUNS = 7;
    static final int PAGE_WARMUP = 30;
    static final int PAGE_REQUESTS = 300;

    @LocalServerPort
    int port;
    private final JdbcClient jdbc;
    private final RoundService rounds;
    private final Scoring scoring;
    private final OrganisationDirectory directory;

    RoundBenchmarkTests(@Autowired JdbcClient jdbc, @Autowired RoundService rounds, @Autowired Scoring scoring,
                        @Autowired OrganisationDirectory directory) {
        this.jdbc = jdbc;
        this.rounds = rounds;
        this.scoring = scoring;
        this.directory = directory;
    }

    @Test
    void scoresARoundOfAThousandEstatesAndServesTheInspectionForm() throws Exception {
        StringBuilder report = new StringBuilder();
        long district = directory.regionByCode("QH-HD").orElseThrow().id();
        String tag = Long.toString(System.nanoTime(), 36);
        long street = jdbc.sql("""
                INSERT INTO region (parent_id, level, code, name) VALUES (:p, 'STREET', :code, :name) RETURNING id""")
                .param("p", district).param("code", "BENCH-" + tag).param("name", "基准街道" + tag)
                .query(Long.class).single();
        jdbc.sql("UPDATE region SET path = (SELECT path FROM region WHERE id = :p) || id || '/' WHERE id = :id")
                .param("p", district).param("id", street).update();
        long community = jdbc.sql("""
                INSERT INTO region (parent_id, level, code, name) VALUES (:p, 'COMMUNITY', :code, :name) RETURNING id""")
                .param("p", street).param("code", "BENCH-C-" + tag).param("name", "基准社区" + tag)
                .query(Long.class).single();
        jdbc.sql("UPDATE region SET path = (SELECT path FROM region WHERE id = :p) || id || '/' WHERE id = :id")
                .param("p", street).param("id", community).update();
        long t0 = System.nanoTime();
        jdbc.sql("""
                INSERT INTO estate (name, address, community_id, region_path, category, old_estate, management_mode,
                                    floor_area, household_count, company_id)
                SELECT '基准小区' || g, '基准路' || g || '号', c.id, c.path, 'BASIC', true, 'COMPANY', 10000, 100,
                       (SELECT id FROM property_company ORDER BY id LIMIT 1)
                FROM generate_series(1, :n) g, region c WHERE c.id = :c""")
                .param("n", ESTATES).param("c", community).update();
        report.append("estates inserted: ").append(ESTATES).append(" in ").append(ms(t0)).append(" ms\n");

        ApiClient admin = ApiClient.as(port, "hedong_admin", Browserless.DEMO_PASSWORD);
        t0 = System.nanoTime();
        HttpResponse<String> created = admin.send("POST", "/api/v1/rounds", """
                {"name": "基准轮次 %s", "schemeCode": "erqi-old-estate", "schemeVersion": 1, "period": "2020-H1",
                 "streetId": %d, "inspectionDue": "2020-07-15", "reviewDue": "2020-07-31", "publicityDays": 7, "confirmOverlap": true}"""
                .formatted(tag, street));
        long round = RoundFixture.json(created).get("id").asLong();
        admin.send("POST", "/api/v1/rounds/" + round + "/open", null);
        report.append("open a round of ").append(ESTATES).append(" estates (API create + open): ").append(ms(t0))
                .append(" ms\n");

        List<String> rules = scoring.scheme("erqi-old-estate", 1).rules().stream()
                .filter(r -> r instanceof PerOccurrence).map(Rule::code).limit(FINDINGS).toList();
        t0 = System.nanoTime();
        jdbc.sql("""
                INSERT INTO finding (inspection_id, rule_code, count, holds, note, updated_by, updated_at)
                SELECT i.id, r.code, 1 + (i.id + r.n) % 4, false, '基准记录', 'bench', now()
                FROM inspection i, unnest(CAST(:rules AS text[])) WITH ORDINALITY AS r(code, n)
                WHERE i.round_id = :round""")
                .param("rules", rules.toArray(new String[0])).param("round", round).update();
        long findings = jdbc.sql("SELECT count(*) FROM finding f JOIN inspection i ON i.id = f.inspection_id "
                + "WHERE i.round_id = :r").param("r", round).query(Long.class).single();
        report.append("findings: ").append(findings).append(" (").append(rules.size()).append(" rules per estate)\n");
        jdbc.sql("ANALYZE").update();

        List<Long> scoring = new ArrayList<>();
        for (int run = 0; run < SCORING_RUNS; run++) {
            t0 = System.nanoTime();
            int n = rounds.scoreAll(round);
            scoring.add(ms(t0));
            if (n != ESTATES) {
                throw new IllegalStateException("scored " + n);
            }
        }
        report.append("score the whole round (").append(ESTATES).append(" estates × ").append(rules.size())
                .append(" findings), ").append(SCORING_RUNS).append(" runs, ms: ").append(scoring)
                .append(" → first ").append(scoring.get(0)).append(", median of the rest ")
                .append(median(scoring.subList(1, scoring.size()))).append("\n");
        HttpResponse<String> api = admin.send("POST", "/api/v1/rounds/" + round + "/score", null);
        report.append("API POST /api/v1/rounds/{id}/score: ").append(api.body()).append("\n");

        List<Long> tasks = RoundFixture.inspections(admin, round);
        Browserless screen = Browserless.signIn(port, "hedong_admin", Browserless.DEMO_PASSWORD);
        for (int i = 0; i < PAGE_WARMUP; i++) {
            screen.get("/rounds/tasks/" + tasks.get(i));
        }
        report.append(percentiles("form page GET /rounds/tasks/{id} (full page, 60 rule rows)", screen, tasks,
                id -> "/rounds/tasks/" + id));
        report.append(percentiles("API GET /api/v1/inspections/{id}", null, tasks, id -> "/api/v1/inspections/" + id));
        System.out.println("ROUNDS BENCHMARK\n" + report);
    }

    private String percentiles(String name, Browserless screen, List<Long> tasks,
                               java.util.function.LongFunction<String> path) {
        ApiClient api = screen == null ? ApiClient.as(port, "hedong_admin", Browserless.DEMO_PASSWORD) : null;
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < PAGE_REQUESTS; i++) {
            long id = tasks.get((i * 7) % tasks.size());
            long t0 = System.nanoTime();
            HttpResponse<String> res = screen != null ? screen.get(path.apply(id)) : api.get(path.apply(id));
            times.add((System.nanoTime() - t0) / 1e6);
            if (res.statusCode() != 200) {
                throw new IllegalStateException(res.statusCode() + " " + path.apply(id));
            }
        }
        Collections.sort(times);
        return "%s: n=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms%n".formatted(name, times.size(),
                pct(times, 50), pct(times, 95), pct(times, 99), times.get(times.size() - 1));
    }

    private static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static long median(List<Long> xs) {
        List<Long> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
