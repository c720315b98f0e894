package cn.kaoping.account.internal;

import cn.kaoping.account.AccountSettings;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Failed sign-ins counted per client address (as resolved behind the proxy), in PostgreSQL for every instance: an
 * address with too many failures in a window is refused for a while, whichever accounts it tries, before the
 * per-account lock-out is reached — so one address cannot lock out every user, nor guess across many accounts.
 */
@Component
class LoginThrottle {

    private final JdbcClient jdbc;
    private final AccountSettings settings;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, AccountSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    boolean blocked(String address) {
        if (address == null) {
            return false;
        }
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM login_throttle WHERE client_address = :a AND blocked_until > :now)")
                .param("a", address).param("now", OffsetDateTime.now(clock)).query(Boolean.class).single();
    }

    /** Counts a failure; a new window starts when the last one has passed. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFailure(String address) {
        if (address == null) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                INSERT INTO login_throttle AS t (client_address, failures, window_started)
                VALUES (:a, 1, :now)
                ON CONFLICT (client_address) DO UPDATE SET
                    failures = CASE WHEN t.window_started > :windowStart THEN t.failures + 1 ELSE 1 END,
                    window_started = CASE WHEN t.window_started > :windowStart THEN t.window_started ELSE :now END""")
                .param("a", address).param("now", now).param("windowStart", now.minus(settings.addressWindow()))
                .update();
        jdbc.sql("""
                UPDATE login_throttle SET blocked_until = :until
                WHERE client_address = :a AND failures >= :max AND (blocked_until IS NULL OR blocked_until <= :now)""")
                .param("a", address).param("max", settings.maxFailedLoginsPerAddress())
                .param("until", now.plus(settings.addressWindow())).param("now", now).update();
    }
}
