package cn.kaoping.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A credit score as of a day, explained like an assessment: the base, one line per record that counts (record,
 * kind, points, the rule line applied), the raw sum and the score after clamping to [floor, base + bonus cap].
 * Records that do not count that day (expired, not yet valid, annulled) are listed apart with the reason.
 */
public record CreditScore(SubjectType subjectType, long subjectId, String subjectName, LocalDate asOf,
                          int ruleVersion, String ruleTitle, BigDecimal base, BigDecimal floor, BigDecimal ceiling,
                          List<Line> lines, List<Skipped> skipped, BigDecimal raw, BigDecimal score) {

    public CreditScore {
        lines = List.copyOf(lines);
        skipped = List.copyOf(skipped);
    }

    /** A record that counts: its points by the rule line quoted. */
    public record Line(long recordId, LocalDate occurredOn, CreditKind kind, Direction direction, String description,
                       BigDecimal points, String rule, LocalDate validUntil, boolean contested) {
    }

    /** A record that does not count on the score date, and why: EXPIRED, NOT_YET_VALID or ANNULLED. */
    public record Skipped(long recordId, LocalDate occurredOn, CreditKind kind, Direction direction,
                          String description, String why, LocalDate validUntil) {
    }

    /** Whether the clamp changed the sum. */
    public boolean clamped() {
        return raw.compareTo(score) != 0;
    }
}
