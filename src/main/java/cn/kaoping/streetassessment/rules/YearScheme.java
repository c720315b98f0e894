package cn.kaoping.streetassessment.rules;

import cn.kaoping.scheme.engine.Item;
import cn.kaoping.scheme.engine.Milestone;
import cn.kaoping.scheme.engine.Rule;
import cn.kaoping.scheme.engine.Scheme;
import cn.kaoping.scheme.engine.Window;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A street-level scheme applied to one assessment year. A scheme table is written for the year it was issued in
 * (Xigang: 2020, 9月15日 is 2020-09-15); a district running it in another year means the same calendar days of that
 * year, so every fixed milestone date moves by whole years. Nodes the scheme does not list (such as a quarterly node
 * before its issue date) stay out, as the scheme already decides.
 */
public final class YearScheme {

    private YearScheme() {
    }

    /** The scheme with every fixed milestone date moved into {@code year}; relative milestones need no change. */
    public static Scheme of(Scheme scheme, int year) {
        int offset = baseYear(scheme).map(base -> year - base).orElse(0);
        if (offset == 0) {
            return scheme;
        }
        List<Item> items = new ArrayList<>();
        for (Item item : scheme.items()) {
            List<Rule> rules = item.rules().stream().map(r -> shift(r, offset)).toList();
            items.add(new Item(item.code(), item.title(), item.group(), item.assessor(), item.max(), item.mode(),
                    item.seed(), item.standard(), rules));
        }
        return new Scheme(scheme.code(), scheme.version(), scheme.title(), scheme.source(), scheme.max(),
                scheme.passMark(), scheme.settings(), scheme.grades(), items, scheme.parts(), scheme.vetoes());
    }

    /** The calendar year of the assessment. */
    public static Window window(int year) {
        return new Window(LocalDate.of(year, Month.JANUARY, 1), LocalDate.of(year, Month.DECEMBER, 31));
    }

    /** The year the scheme's fixed dates are written in: that of its earliest fixed milestone. */
    static Optional<Integer> baseYear(Scheme scheme) {
        return scheme.rules().stream().filter(Milestone.class::isInstance).map(Milestone.class::cast)
                .filter(m -> !m.relative()).map(Milestone::due).min(Comparator.naturalOrder())
                .map(LocalDate::getYear);
    }

    private static Rule shift(Rule rule, int years) {
        if (!(rule instanceof Milestone m) || m.relative()) {
            return rule;
        }
        return new Milestone(m.code(), m.label(), m.due().plusYears(years), m.repeat(),
                m.until() == null ? null : m.until().plusYears(years), m.late(), m.missing(), m.forfeitsItem(),
                null);
    }
}
