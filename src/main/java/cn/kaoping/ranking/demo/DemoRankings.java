package cn.kaoping.ranking.demo;

import cn.kaoping.inspection.EstateResult;
import cn.kaoping.inspection.Period;
import cn.kaoping.inspection.RoundId;
import cn.kaoping.inspection.RoundPublished;
import cn.kaoping.organisation.EstateCategory;
import cn.kaoping.organisation.EstateListing;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.platform.demo.DemoData;
import cn.kaoping.ranking.internal.RankingService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo results for 清河市 (only with {@code KAOPING_DEMO=true}, once): the four quarters of 2025 under the Shenyang
 * professional and basic schemes for every demo estate, delivered to the rankings as published rounds would deliver
 * them, so the rankings, dashboards, public site and letters have something to show. They are synthetic: no round,
 * inspection or finding stands behind them (their round ids are negative), and one estate in forty misses the third
 * quarter to show how a missing quarter is reported.
 */
@Component
@Order(40)
class DemoRankings implements ApplicationRunner {

    private static final Log log = LogFactory.getLog(DemoRankings.class);
    private static final long SEED = 2025;

    private final DemoData demo;
    private final OrganisationDirectory directory;
    private final RankingService rankings;

    DemoRankings(DemoData demo, OrganisationDirectory directory,
                 RankingService rankings) {
        this.demo = demo;
        this.directory = directory;
        this.rankings = rankings;
    }

    @Override
    public void run(ApplicationArguments args) {
        demo.once("demo:ranking", "SELECT count(*) FROM ranking_score WHERE round_id < 0", () -> {
            RegionRef city = directory.city().orElse(null);
            if (city == null) {
                return;
            }
            long started = System.nanoTime();
            Random random = new Random(SEED);
            long round = -1;
            for (EstateCategory category : EstateCategory.values()) {
                String scheme = category == EstateCategory.PROFESSIONAL ? "shenyang-professional" : "shenyang-basic";
                List<EstateListing> estates = directory.estatesUnder(city.path(), null, category, false);
                Map<Long, Double> quality = new HashMap<>();
                estates.forEach(e -> quality.put(e.id(), 86 + random.nextGaussian() * 5));
                for (int q = 1; q <= 4; q++) {
                    List<EstateResult> results = new ArrayList<>();
                    for (int i = 0; i < estates.size(); i++) {
                        EstateListing e = estates.get(i);
                        if (q == 3 && i % 40 == 7) {
                            continue;
                        }
                        double raw = Math.max(55, Math.min(99.5, quality.get(e.id()) + random.nextGaussian() * 2.5));
                        BigDecimal total = BigDecimal.valueOf(Math.round(raw * 2) / 2.0).setScale(2, RoundingMode.UNNECESSARY);
                        results.add(new EstateResult(e.id(), e.name(), e.companyId(), e.streetId(), total, null,
                                total.compareTo(BigDecimal.valueOf(60)) >= 0));
                    }
                    Period period = Period.parse("2025-Q" + q);
                    rankings.roundPublished(new RoundPublished(new RoundId(round--), 1, null, "demo", scheme, 1, period,
                            city.id(), results));
                }
            }
            log.info("Computed the demo rankings of 2025 (synthetic quarterly results) in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
        });
    }
}
