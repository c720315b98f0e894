package cn.kaoping.casework.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * Deadlines in working days (issue 14; SPEC: working days skip weekends and a holiday calendar kept as data,
 * including the official make-up working days 调休). The calendar holds only the exceptions: a weekday holiday
 * ({@code false}) or a weekend make-up working day ({@code true}).
 */
public final class WorkingDays {

    /** More than a year of consecutive days off does not exist; a calendar saying so is refused. */
    private static final int GUARD = 400;

    private final Map<LocalDate, Boolean> exceptions;

    public WorkingDays(Map<LocalDate, Boolean> exceptions) {
        this.exceptions = Map.copyOf(Objects.requireNonNull(exceptions, "exceptions"));
    }

    public boolean isWorking(LocalDate day) {
        Boolean exception = exceptions.get(day);
        if (exception != null) {
            return exception;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /**
     * The day {@code days} working days after {@code from} (the day a complaint came in does not count): 1 working
     * day after a Friday is the next Monday, unless Monday is a holiday. Zero days is the day itself.
     */
    public LocalDate after(LocalDate from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative");
        }
        LocalDate day = from;
        int left = days;
        int steps = 0;
        while (left > 0) {
            day = day.plusDays(1);
            if (isWorking(day)) {
                left--;
            }
            if (++steps > GUARD * Math.max(1, days)) {
                throw new IllegalStateException("the calendar has no working day after " + from);
            }
        }
        return day;
    }
}
