package cn.kaoping.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in integration tests: the real time, moved forward only inside {@link #later} (a round's
 * publicity ends days after it starts; a test publishes "after" it without waiting and without touching the data).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClock {

    private static final ShiftedClock CLOCK = new ShiftedClock();

    @Bean
    @Primary
    Clock testClock() {
        return CLOCK;
    }

    /** Runs the action as if {@code ahead} had passed, then returns to the real time. */
    public static void later(Duration ahead, Runnable action) {
        CLOCK.offset = ahead;
        try {
            action.run();
        } finally {
            CLOCK.offset = Duration.ZERO;
        }
    }

    private static final class ShiftedClock extends Clock {

        private volatile Duration offset = Duration.ZERO;

        @Override
        public ZoneId getZone() {
            return MutableClock.CHINA;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.offset(Clock.system(zone), offset);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }
}
