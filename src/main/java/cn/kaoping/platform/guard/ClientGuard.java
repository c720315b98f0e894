package cn.kaoping.platform.guard;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Rate limit and temporary lock-out of wrong one-time codes per client address and per survey or vote, kept in
 * PostgreSQL ({@code client_guard}) so every instance behind the load balancer counts the same attempts.
 */
@Component
public class ClientGuard {

    /** {@code maxWrongCodes} wrong codes within {@code window} lock the client out for {@code lockout}. */
    public record Policy(int maxWrongCodes, Duration window, Duration lockout) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    ClientGuard(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The row key of a client (its address hashed) for one survey or vote, e.g. scope {@code "17"} or {@code "v17"}. */
    public static String key(String address, String scope) {
        byte[] hash = OneTimeCodes.sha256("guard".getBytes(StandardCharsets.UTF_8), address == null ? "" : address);
        return HexFormat.of().formatHex(hash, 0, 16) + ":" + scope;
    }

    /** Whether a client whose row says {@code lockedUntil} (null: no row, or never locked) is locked out now. */
    public boolean locked(Timestamp lockedUntil) {
        return lockedUntil != null && lockedUntil.toInstant().isAfter(clock.instant());
    }

    /** Whether the client is locked out now (one read; intake on the fast path reads the row with its lookup). */
    public boolean locked(String key) {
        return locked(jdbc.sql("SELECT locked_until FROM client_guard WHERE client_key = :k").param("k", key)
                .query(Timestamp.class).optional().orElse(null));
    }

    /** Counts a wrong code; true when this one locks the client out. */
    public boolean fail(String key, Policy policy) {
        Instant now = clock.instant();
        int failures = jdbc.sql("""
                INSERT INTO client_guard AS g (client_key, failures, window_started) VALUES (:k, 1, :now)
                ON CONFLICT (client_key) DO UPDATE SET
                    failures = CASE WHEN g.window_started < :since THEN 1 ELSE g.failures + 1 END,
                    window_started = CASE WHEN g.window_started < :since THEN :now ELSE g.window_started END
                RETURNING failures""")
                .param("k", key).param("now", Timestamp.from(now))
                .param("since", Timestamp.from(now.minus(policy.window())))
                .query(Integer.class).single();
        if (failures >= policy.maxWrongCodes()) {
            jdbc.sql("""
                    UPDATE client_guard SET locked_until = :until, failures = 0, window_started = :now
                    WHERE client_key = :k""")
                    .param("until", Timestamp.from(now.plus(policy.lockout()))).param("now", Timestamp.from(now))
                    .param("k", key).update();
            return true;
        }
        return false;
    }
}
