package cn.kaoping.platform.demo;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads a module's demo data once for the whole cluster: only in demo mode ({@code KAOPING_DEMO}), in one
 * transaction, under a transaction advisory lock named after the data, and only while a probe query finds none of
 * it. Several instances starting together therefore load it exactly once, and a restart loads nothing.
 */
@Component
public class DemoData {

    private final boolean enabled;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    DemoData(@Value("${kaoping.demo.enabled:false}") boolean enabled, JdbcClient jdbc, TransactionTemplate tx) {
        this.enabled = enabled;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    public boolean enabled() {
        return enabled;
    }

    /**
     * @param name         names the lock, e.g. {@code "demo:ranking"}
     * @param presentProbe a {@code SELECT count(*) …} that is above 0 once the data is there
     * @param load         creates the data, inside the transaction
     */
    public void once(String name, String presentProbe, Runnable load) {
        if (!enabled) {
            return;
        }
        tx.executeWithoutResult(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:name))").param("name", name).query().singleRow();
            if (jdbc.sql(presentProbe).query(Long.class).single() > 0) {
                return;
            }
            load.run();
        });
    }
}
