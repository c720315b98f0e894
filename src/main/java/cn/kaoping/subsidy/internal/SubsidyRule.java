package cn.kaoping.subsidy.internal;

import cn.kaoping.shared.Grade;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The subsidy arithmetic of seed 004 §七(二) for one estate and one half-year, without Spring:
 * amount = rate(grade) × contracted floor area × months paid, exact, rounded once to the fen (HALF_UP) at the end.
 *
 * <p>Months paid: a calendar month of the period counts only when the three-year window covers the whole month.
 * The window runs from the entry date (自物业服务企业正式进驻小区开展服务之日起) to the day before its third anniversary
 * (补贴期限为三年). So an entry on the 1st counts its month; an entry on the 2nd or later starts with the next month;
 * the month in which the window ends mid-month is not paid.
 */
public final class SubsidyRule {

    /** Default rates of seed 004 (元/㎡/月) by grade code of {@code erqi-old-estate}. */
    public static final Map<String, BigDecimal> DEFAULT_RATES = Map.of(
            Grade.EXCELLENT.name(), new BigDecimal("0.30"), Grade.GOOD.name(), new BigDecimal("0.20"),
            Grade.QUALIFIED.name(), new BigDecimal("0.15"), Grade.UNQUALIFIED.name(), new BigDecimal("0.00"));

    public static final int TERM_YEARS = 3;

    /** Why a line cannot be paid yet. */
    public enum Flag { NO_ENTRY_DATE, NO_GRADE, NO_AREA, NO_COMPANY }

    /**
     * @param months the paid months of the period, in order
     * @param exact  rate × area × months before rounding; {@code null} when flagged
     * @param amount rounded to the fen, HALF_UP; {@code null} when flagged (not payable)
     */
    public record Result(String grade, BigDecimal rate, BigDecimal area, LocalDate entry, LocalDate windowEnd,
                         List<YearMonth> months, BigDecimal exact, BigDecimal amount, Flag flag) {

        public boolean payable() {
            return flag == null;
        }
    }

    private SubsidyRule() {
    }

    /** Last day of the three-year window that starts on {@code entry}. */
    public static LocalDate windowEnd(LocalDate entry) {
        return entry.plusYears(TERM_YEARS).minusDays(1);
    }

    /** The months of [{@code start}, {@code end}] wholly covered by the window that starts on {@code entry}. */
    public static List<YearMonth> paidMonths(LocalDate entry, LocalDate start, LocalDate end) {
        Objects.requireNonNull(entry, "entry");
        LocalDate last = windowEnd(entry);
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(start); !m.isAfter(YearMonth.from(end)); m = m.plusMonths(1)) {
            boolean inPeriod = !m.atDay(1).isBefore(start) && !m.atEndOfMonth().isAfter(end);
            boolean covered = !m.atDay(1).isBefore(entry) && !m.atEndOfMonth().isAfter(last);
            if (inPeriod && covered) {
                months.add(m);
            }
        }
        return List.copyOf(months);
    }

    /**
     * One line. {@code rate} is the rate of the grade (look it up with {@link #rateOf}); {@code area} has at most two
     * decimals and is not negative.
     */
    public static Result compute(String grade, BigDecimal rate, BigDecimal area, LocalDate entry,
                                 LocalDate periodStart, LocalDate periodEnd) {
        if (area != null && (area.signum() < 0 || area.stripTrailingZeros().scale() > 2)) {
            throw new IllegalArgumentException("面积应为非负数，最多两位小数：" + area);
        }
        if (rate != null && rate.signum() < 0) {
            throw new IllegalArgumentException("补贴标准不能为负：" + rate);
        }
        BigDecimal a = area == null ? null : area.setScale(2, RoundingMode.UNNECESSARY);
        if (grade == null || rate == null) {
            return new Result(grade, rate, a, entry, entry == null ? null : windowEnd(entry), List.of(), null, null,
                    Flag.NO_GRADE);
        }
        if (a == null) {
            return new Result(grade, rate, null, entry, entry == null ? null : windowEnd(entry), List.of(), null,
                    null, Flag.NO_AREA);
        }
        if (entry == null) {
            return new Result(grade, rate, a, null, null, List.of(), null, null, Flag.NO_ENTRY_DATE);
        }
        List<YearMonth> months = paidMonths(entry, periodStart, periodEnd);
        BigDecimal exact = rate.multiply(a).multiply(BigDecimal.valueOf(months.size()));
        return new Result(grade, rate, a, entry, windowEnd(entry), months, exact,
                exact.setScale(2, RoundingMode.HALF_UP), null);
    }

    /**
     * A line whose estate has no property company (community self-management, vacant): the subsidy goes to property
     * service companies only (seed 004 §七(二): 对老旧小区物业服务企业进行扶持), so nothing is payable.
     */
    public static Result withoutCompany(Result r) {
        return new Result(r.grade(), r.rate(), r.area(), r.entry(), r.windowEnd(), List.of(), null, null,
                Flag.NO_COMPANY);
    }

    /** The rate of a grade from a table of rates; {@code null} when the grade is unknown or missing. */
    public static BigDecimal rateOf(String grade, Map<String, BigDecimal> rates) {
        return grade == null ? null : rates.get(grade);
    }

    /** The district total: the sum of the payable line amounts (each already rounded). */
    public static BigDecimal total(List<Result> lines) {
        return lines.stream().filter(Result::payable).map(Result::amount)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
