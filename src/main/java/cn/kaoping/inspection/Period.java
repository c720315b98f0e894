package cn.kaoping.inspection;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period a round assesses: a quarter ({@code 2020-Q1}), a half-year ({@code 2020-H1}), a month
 * ({@code 2020-03}) or a year ({@code 2020}), with its first and last day.
 */
public record Period(String code, LocalDate start, LocalDate end) {

    private static final Pattern CODE = Pattern.compile("(\\d{4})(?:-(Q[1-4]|H[12]|\\d{2}))?");

    public Period {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    /**
     * Reads a period code.
     *
     * @throws IllegalArgumentException with a Chinese message when the code is not one of the four forms
     */
    public static Period parse(String text) {
        String code = text == null ? "" : text.trim().toUpperCase();
        Matcher m = CODE.matcher(code);
        if (!m.matches()) {
            throw new IllegalArgumentException("周期应写作 2020-Q1（季度）、2020-H1（半年）、2020-03（月）或 2020（年）");
        }
        int year = Integer.parseInt(m.group(1));
        String part = m.group(2);
        if (part == null) {
            return new Period(code, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        }
        if (part.startsWith("Q")) {
            int q = part.charAt(1) - '0';
            YearMonth first = YearMonth.of(year, (q - 1) * 3 + 1);
            return new Period(code, first.atDay(1), first.plusMonths(2).atEndOfMonth());
        }
        if (part.startsWith("H")) {
            int h = part.charAt(1) - '0';
            YearMonth first = YearMonth.of(year, h == 1 ? 1 : 7);
            return new Period(code, first.atDay(1), first.plusMonths(5).atEndOfMonth());
        }
        int month = Integer.parseInt(part);
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("月份应在 01 到 12 之间");
        }
        YearMonth ym = YearMonth.of(year, month);
        return new Period(code, ym.atDay(1), ym.atEndOfMonth());
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }
}
