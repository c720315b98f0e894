package cn.kaoping.survey.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Rate limit and temporary lock-out of wrong codes per client address and survey, kept in PostgreSQL so every
 * instance behind the load balancer counts the same attempts.
 */
@Component
class ClientGuard {

    private final JdbcClient jdbc;
    private final SurveySettings settings;
    private final Clock clock;

    ClientGuard(JdbcClient jdbc, SurveySettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    static String key(String address, long surveyId) {
        byte[] hash = Codes.sha256("guard".getBytes(StandardCharsets.UTF_8), address == null ? "" : address);
        return HexFormat.of().formatHex(hash, 0, 16) + ":" + surveyId;
    }

    /** Whether a client whose row says {@code lockedUntil} (null: no row, or never locked) is locked out now. */
    boolean locked(Timestamp lockedUntil) {
        return lockedUntil != null && lockedUntil.toInstant().isAfter(clock.instant());
    }

    /** Counts a wrong code; true when this one locks the client out. */
    boolean fail(String key) {
        Instant now = clock.instant();
        int failures = jdbc.sql("""
                INSERT INTO survey_client_guard AS g (client_key, failures, window_started) VALUES (:k, 1, :now)
                ON CONFLICT (client_key) DO UPDATE SET
                    failures = CASE WHEN g.window_started < :since THEN 1 ELSE g.failures + 1 END,
                    window_started = CASE WHEN g.window_started < :since THEN :now ELSE g.window_started END
                RETURNING failures""")
                .param("k", key).param("now", Timestamp.from(now))
                .param("since", Timestamp.from(now.minus(settings.window())))
                .query(Integer.class).single();
        if (failures >= settings.maxWrongCodes()) {
            jdbc.sql("""
                    UPDATE survey_client_guard SET locked_until = :until, failures = 0, window_started = :now
                    WHERE client_key = :k""")
                    .param("until", Timestamp.from(now.plus(settings.lockout()))).param("now", Timestamp.from(now))
                    .param("k", key).update();
            return true;
        }
        return false;
    }
}
