package cn.kaoping.ranking.publication;

import cn.kaoping.ranking.RankingFixture;
import cn.kaoping.ranking.RankingSummary;
import cn.kaoping.ranking.internal.RankingService;
import cn.kaoping.support.IntegrationTest;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Seeds the public-page benchmark (bench/public/run.sh): publishes four quarters of Shenyang professional results
 * for every estate of the database the benchmark's application runs on (KAOPING_TEST_DB_URL), through the
 * application's own ranking computation ({@link RankingService#roundPublished}, what a published round triggers).
 * Only the rounds themselves are skipped: their totals are drawn from a fixed seed. Runs only with
 * -Dkaoping.bench=true, and refuses to run on the shared test database (it would rank every estate).
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "kaoping.bench", matches = "true")
class PublicBenchSeedTests {

    @Autowired
    RankingService rankingService;
    @Autowired
    JdbcClient jdbc;

    @Test
    void publishesFourQuartersForEveryEstate() {
        if (System.getenv("KAOPING_TEST_DB_URL") == null) {
            throw new IllegalStateException("set KAOPING_TEST_DB_URL to the benchmark's database");
        }
        String year = System.getProperty("kaoping.bench.year", "2025");
        List<Long> estates = jdbc.sql("SELECT id FROM estate ORDER BY id").query(Long.class).list();
        SplittableRandom random = new SplittableRandom(20_000);
        StringBuilder report = new StringBuilder("PUBLIC BENCH SEED estates=" + estates.size());
        for (int q = 1; q <= 4; q++) {
            Map<Long, BigDecimal> totals = new LinkedHashMap<>();
            // one decimal between 60.0 and 100.0, so a city of 20,000 estates has many shared places
            estates.forEach(id -> totals.put(id, BigDecimal.valueOf(600 + random.nextInt(401), 1)));
            long t0 = System.nanoTime();
            List<RankingSummary> computed = RankingFixture.publish(rankingService, "shenyang-professional",
                    year + "-Q" + q, totals);
            report.append(" | ").append(year).append("-Q").append(q).append(": ")
                    .append(computed.stream().map(RankingSummary::period).toList()).append(" in ")
                    .append((System.nanoTime() - t0) / 1_000_000).append(" ms");
        }
        jdbc.sql("ANALYZE ranking_entry").update();
        jdbc.sql("ANALYZE ranking").update();
        System.out.println(report);
    }
}
