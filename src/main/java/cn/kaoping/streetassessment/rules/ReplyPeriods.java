package cn.kaoping.streetassessment.rules;

import cn.kaoping.scheme.engine.Scheme;
import cn.kaoping.scheme.engine.Window;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;

/**
 * The period of complaints a node's 信访回复情况统计表 covers (seed 001 row 6: 1月1日至6月10日, 6月10日至12月10日), from the
 * scheme's setting {@code reply-statistics.<rule>} written {@code MM-DD..MM-DD}; the street downloads the table filled
 * from its complaints and submits it.
 */
public final class ReplyPeriods {

    private ReplyPeriods() {
    }

    public static Optional<Window> of(Scheme scheme, String ruleCode, int year) {
        return scheme.setting("reply-statistics." + ruleCode).flatMap(v -> {
            String[] ends = v.split("\\.\\.");
            if (ends.length != 2) {
                return Optional.empty();
            }
            try {
                LocalDate from = MonthDay.parse("--" + ends[0].strip()).atYear(year);
                LocalDate to = MonthDay.parse("--" + ends[1].strip()).atYear(year);
                return to.isBefore(from) ? Optional.empty() : Optional.of(new Window(from, to));
            } catch (java.time.format.DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }
}
