package cn.kaoping.voting.disclosure;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kaoping.disclosure}: the days a half-year statement (三公开, seed 003 三、(二); issue 13) is due, as
 * {@code MM-dd}. {@code firstHalfDue} is the day of the same year the first half's statement is due (default 07-31, so
 * a month after the half ends) and must fall in July–December; {@code secondHalfDue} the day of the next year the
 * second half's is due (default 01-31) and must fall in January–June. A company that has not published by then is
 * flagged to the street office ({@link LateStatements}). A day outside these months stops the application at start
 * with the setting named, as a deadline before the half has ended would flag every estate at once.
 */
@ConfigurationProperties("kaoping.disclosure")
public record StatementDeadlines(@DefaultValue("07-31") String firstHalfDue,
                                 @DefaultValue("01-31") String secondHalfDue) {

    public StatementDeadlines {
        MonthDay first = parse("kaoping.disclosure.first-half-due", firstHalfDue);
        MonthDay second = parse("kaoping.disclosure.second-half-due", secondHalfDue);
        if (first.getMonthValue() < 7) {
            throw new IllegalArgumentException("kaoping.disclosure.first-half-due 须在 7–12 月（上半年结束之后）: "
                    + firstHalfDue);
        }
        if (second.getMonthValue() > 6) {
            throw new IllegalArgumentException("kaoping.disclosure.second-half-due 须在次年 1–6 月: " + secondHalfDue);
        }
    }

    /** The defaults: 31 July and 31 January. */
    public static StatementDeadlines defaults() {
        return new StatementDeadlines("07-31", "01-31");
    }

    /** The day the statement of a half-year ({@code 2026-H1}) is due. */
    public LocalDate dueOn(String half) {
        return FundStatement.dueOn(half, parse("", firstHalfDue), parse("", secondHalfDue));
    }

    /** The last half-year that has ended on the day, and the day its statement is due. */
    public Due lastEnded(LocalDate today) {
        String half = FundStatement.lastEndedHalf(today);
        return new Due(half, dueOn(half));
    }

    /** A half-year ({@code 2026-H1}) and the day its statement is due. */
    public record Due(String half, LocalDate on) {
    }

    private static MonthDay parse(String name, String text) {
        try {
            return MonthDay.parse("--" + (text == null ? "" : text.strip()));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(name + " 须为 MM-dd（如 07-31）: " + text, e);
        }
    }
}
