package cn.kaoping.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** A clock a test sets and advances, for deadlines, reminders and scheduled jobs (never {@code Thread.sleep}). */
public final class MutableClock extends Clock {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private volatile Instant now;

    public MutableClock(ZonedDateTime start) {
        this.now = start.toInstant();
    }

    public void set(ZonedDateTime t) {
        now = t.toInstant();
    }

    public void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
        return CHINA;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
        return now;
    }
}
