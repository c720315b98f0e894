package cn.kaoping.scheme.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A dated submission: on time scores 0, late scores {@code late}, missing after the deadline scores
 * {@code missing} (or the whole item when {@code forfeitsItem}); before the deadline it is pending.
 *
 * @param repeat       how the deadline recurs, or {@code null} for a single deadline
 * @param until        last day a recurring deadline may fall on; {@code null} without repeat
 * @param missing      points when nothing was submitted; {@code null} means the same as late
 * @param forfeitsItem a missing submission loses the whole item (扣除全部分数)
 */
public record Milestone(
        String code,
        String label,
        LocalDate due,
        Repeat repeat,
        LocalDate until,
        BigDecimal late,
        BigDecimal missing,
        boolean forfeitsItem) implements Rule {

    public Milestone {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(late, "late");
    }

    /** Every deadline of this milestone, in date order. */
    public List<LocalDate> dueDates() {
        if (repeat == null) {
            return List.of(due);
        }
        List<LocalDate> dates = new ArrayList<>();
        for (int k = 0; ; k++) {
            LocalDate next = due.plusMonths((long) k * repeat.months());
            if (next.isAfter(until)) {
                return List.copyOf(dates);
            }
            dates.add(next);
        }
    }

    /** How often a milestone falls due. */
    public enum Repeat {
        MONTHLY(1), QUARTERLY(3), HALF_YEARLY(6), YEARLY(12);

        private final int months;

        Repeat(int months) {
            this.months = months;
        }

        public int months() {
            return months;
        }
    }
}
