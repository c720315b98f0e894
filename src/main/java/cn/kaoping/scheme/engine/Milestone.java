package cn.kaoping.scheme.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A dated submission: on time scores 0, late scores {@code late}, missing after the deadline scores
 * {@code missing} (or the whole item when {@code forfeitsItem}); before the deadline it is pending.
 *
 * <p>A deadline is either fixed ({@code due}, optionally repeating until {@code until}) or relative to the period
 * ({@code dueDay} with {@code repeat}): day {@code dueDay} of the last month of every repeat period, such as
 * 每季度最后一个月25日 (quarterly, 25). Relative deadlines exist only inside an evaluation's {@link Window}.
 *
 * @param due          the first fixed deadline, or {@code null} for a relative milestone
 * @param repeat       how the deadline recurs, or {@code null} for a single deadline
 * @param until        last day a fixed recurring deadline may fall on; {@code null} without repeat
 * @param missing      points when nothing was submitted; {@code null} means the same as late
 * @param forfeitsItem a missing submission loses the whole item (扣除全部分数)
 * @param dueDay       day of the last month of each repeat period (relative milestones), or {@code null}
 */
public record Milestone(
        String code,
        String label,
        LocalDate due,
        Repeat repeat,
        LocalDate until,
        BigDecimal late,
        BigDecimal missing,
        boolean forfeitsItem,
        Integer dueDay) implements Rule {

    public Milestone {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(late, "late");
        if (due == null && (dueDay == null || repeat == null)) {
            throw new IllegalArgumentException("a milestone needs a fixed due date or a repeat with a due day");
        }
        if (dueDay != null && (dueDay < 1 || dueDay > 31)) {
            throw new IllegalArgumentException("due day must be 1–31: " + dueDay);
        }
    }

    /** A fixed deadline, single or recurring. */
    public Milestone(String code, String label, LocalDate due, Repeat repeat, LocalDate until, BigDecimal late,
                     BigDecimal missing, boolean forfeitsItem) {
        this(code, label, due, repeat, until, late, missing, forfeitsItem, null);
    }

    /** A deadline relative to the period: day {@code dueDay} of the last month of every {@code repeat} period. */
    public static Milestone relative(String code, String label, Repeat repeat, int dueDay, BigDecimal late,
                                     BigDecimal missing, boolean forfeitsItem) {
        return new Milestone(code, label, null, repeat, null, late, missing, forfeitsItem, dueDay);
    }

    public boolean relative() {
        return due == null;
    }

    /** Every fixed deadline of this milestone, in date order; empty for a relative one (it needs a window). */
    public List<LocalDate> dueDates() {
        if (relative()) {
            return List.of();
        }
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

    /**
     * The deadlines that fall inside the window, in date order: fixed ones filtered to it, relative ones expanded
     * for every repeat period (aligned to the calendar year) whose deadline lies in it.
     */
    public List<LocalDate> dueDates(Window window) {
        if (!relative()) {
            return dueDates().stream().filter(window::contains).toList();
        }
        List<LocalDate> dates = new ArrayList<>();
        YearMonth first = YearMonth.from(window.from()).withMonth(1);
        for (YearMonth last = first.plusMonths(repeat.months() - 1L); !last.atDay(1).isAfter(window.to());
             last = last.plusMonths(repeat.months())) {
            LocalDate day = last.atDay(Math.min(dueDay, last.lengthOfMonth()));
            if (window.contains(day)) {
                dates.add(day);
            }
        }
        return List.copyOf(dates);
    }

    /** The repeat period (quarter, month, …) containing a day: the window of a relative milestone without a round. */
    public Window periodAround(LocalDate day) {
        int months = repeat == null ? 12 : repeat.months();
        int index = (day.getMonthValue() - 1) / months;
        YearMonth start = YearMonth.of(day.getYear(), index * months + 1);
        return new Window(start.atDay(1), start.plusMonths(months - 1L).atEndOfMonth());
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
