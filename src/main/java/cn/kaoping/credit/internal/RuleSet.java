package cn.kaoping.credit.internal;

import cn.kaoping.credit.CreditKind;
import cn.kaoping.credit.Direction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A version of the credit score rules (classpath:credit/rules/*.yml): base, floor, bonus cap and one line per kind
 * and direction with its points and the validity of such a record in months.
 */
public record RuleSet(int version, String title, LocalDate effectiveFrom, BigDecimal base, BigDecimal floor,
                      BigDecimal bonusCap, List<Line> lines) {

    public RuleSet {
        lines = List.copyOf(lines);
    }

    public record Line(CreditKind kind, Direction direction, BigDecimal points, int validityMonths, String text) {
    }

    public Optional<Line> line(CreditKind kind, Direction direction) {
        return lines.stream().filter(l -> l.kind() == kind && l.direction() == direction).findFirst();
    }

    public BigDecimal ceiling() {
        return base.add(bonusCap);
    }

    /**
     * The last day a record dated {@code on} counts: validity months later, less one day (a 12-month record of
     * 2100-03-15 counts up to and including 2101-03-14).
     */
    public LocalDate validUntil(CreditKind kind, Direction direction, LocalDate on) {
        int months = line(kind, direction).map(Line::validityMonths).orElse(12);
        return on.plusMonths(months).minusDays(1);
    }
}
