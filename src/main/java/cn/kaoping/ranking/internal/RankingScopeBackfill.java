package cn.kaoping.ranking.internal;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Rankings computed before V15 placed every estate in its district and city whatever its rounds covered (issue 19);
 * their {@code scope_name} is empty. At start, each scheme holding one is recomputed once from its stored totals, so
 * an upgraded installation shows scopes and drops places it never had the data for. Lists that change are announced
 * as after any recomputation (ADR 0008), once.
 */
@Component
@Order(41)
class RankingScopeBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RankingScopeBackfill.class);

    private final JdbcClient jdbc;
    private final RankingService rankings;

    RankingScopeBackfill(JdbcClient jdbc, RankingService rankings) {
        this.jdbc = jdbc;
        this.rankings = rankings;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> schemes = jdbc.sql("SELECT DISTINCT scheme_code FROM ranking WHERE scope_name IS NULL ORDER BY 1")
                .query(String.class).list();
        for (String scheme : schemes) {
            rankings.recomputeAll(scheme);
            log.info("Rankings of {} recomputed at the scope their rounds assessed (V15)", scheme);
        }
    }
}
