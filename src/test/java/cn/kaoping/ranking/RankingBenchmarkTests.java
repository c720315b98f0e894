package cn.kaoping.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.ranking.internal.RankingService;
import cn.kaoping.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rankings benchmark (bench/rankings/run.sh): a city of 20,000 estates (4 districts × 10 streets, professional
 * and basic) with four published quarters of a quarterly scheme, stored as the ranking module keeps published totals;
 * then every ranking of the scheme is computed from scratch: four quarters, two half-years and the year, each with
 * city, district and street places per category, top and bottom lists, written to PostgreSQL. Runs only with
 * -Dkaoping.bench=true; prints the figures.
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "kaoping.bench", matches = "true")
class RankingBenchmarkTests {

    static final int ESTATES = 20_000;
    static final int RUNS = 5;
    static final String SCHEME = "shenyang-professional";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    RankingService service;
    @Autowired
    Rankings rankings;

    @Test
    void computesEveryRankingOfACityOfTwentyThousandEstates() {
        String year = "2099";
        jdbc.sql("""
                DELETE FROM ranking_entry WHERE ranking_id IN
                    (SELECT id FROM ranking WHERE scheme_code = :s AND period LIKE '2099%')""").param("s", SCHEME)
                .update();
        jdbc.sql("DELETE FROM ranking WHERE scheme_code = :s AND period LIKE '2099%'").param("s", SCHEME).update();
        jdbc.sql("DELETE FROM ranking_score WHERE scheme_code = :s AND period LIKE '2099%'").param("s", SCHEME)
                .update();
        // totals 60.00–99.99 from a fixed hash, so ties occur as in real tables; one estate in 50 misses Q3
        for (int q = 1; q <= 4; q++) {
            jdbc.sql("""
                    INSERT INTO ranking_score (round_id, revision, scheme_code, scheme_version, period, period_start,
                        period_end, estate_id, estate_name, category, company_id, company_name, street_id, street_name,
                        district_id, district_name, city_id, city_name, region_path, total, grade, grade_label,
                        published_at)
                    SELECT 900000 + :q * 10 + (g % 4), 1, :scheme, 1, :period, DATE '2099-01-01', DATE '2099-12-31',
                           8000000 + g, '基准小区' || g, CASE WHEN g % 3 = 0 THEN 'BASIC' ELSE 'PROFESSIONAL' END,
                           7000 + g % 400, '基准物业' || (g % 400), 6000 + g % 40, '基准街道' || (g % 40),
                           5000 + g % 4, '基准区' || (g % 4), 4999, '基准市',
                           '/4999/' || (5000 + g % 4) || '/' || (6000 + g % 40) || '/', 60 + (abs(hashtext(g || ':' || :q)) % 4000) / 100.0,
                           NULL, NULL, now()
                    FROM generate_series(1, :n) g
                    WHERE :q <> 3 OR g % 50 <> 0""")
                    .param("q", q).param("scheme", SCHEME).param("period", year + "-Q" + q).param("n", ESTATES)
                    .update();
        }
        List<Long> millis = new ArrayList<>();
        List<RankingSummary> computed = List.of();
        for (int run = 0; run < RUNS; run++) {
            java.time.OffsetDateTime began = java.time.OffsetDateTime.now();
            long start = System.nanoTime();
            computed = service.recomputeAll(SCHEME).stream().filter(r -> r.period().startsWith(year)).toList();
            millis.add((System.nanoTime() - start) / 1_000_000);
            // the first run announces the bottom lists; the modules listening (rectification drafts notices,
            // escalation, credit) do their work after commit. Let it finish, untimed, so the next run is measured
            // on a quiet machine like the first.
            Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> jdbc
                    .sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND publication_date >= :t")
                    .param("t", began).query(Long.class).single() == 0);
        }
        assertThat(computed).extracting(RankingSummary::period)
                .containsExactlyInAnyOrder("2099-Q1", "2099-Q2", "2099-Q3", "2099-Q4", "2099-H1", "2099-H2", "2099");
        RankingSummary h2 = rankings.find(SCHEME, "2099-H2").orElseThrow();
        long unranked = rankings.entries(h2.id(), new EntryFilter(null, null, null, null, null, null)).stream()
                .filter(e -> !e.ranked()).count();
        assertThat(unranked).isEqualTo(ESTATES / 50);

        List<Long> sorted = millis.stream().sorted().toList();
        long rows = jdbc.sql("SELECT count(*) FROM ranking_entry e JOIN ranking r ON r.id = e.ranking_id "
                + "WHERE r.scheme_code = :s AND r.period LIKE '2099%'").param("s", SCHEME).query(Long.class).single();
        String report = """
                | measure | aim | result |
                |---|---|---|
                | compute all rankings of the scheme: %,d estates × 4 quarters → 7 rankings, %,d entries | < 3 s | first (cold) %,d ms, median of %d %,d ms, max %,d ms |
                """.formatted(ESTATES, rows, millis.get(0), RUNS, sorted.get(RUNS / 2), sorted.get(RUNS - 1));
        System.out.println(report);
    }
}
