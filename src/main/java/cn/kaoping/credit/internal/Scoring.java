package cn.kaoping.credit.internal;

import cn.kaoping.credit.CreditRecord;
import cn.kaoping.credit.CreditScore;
import cn.kaoping.credit.SubjectType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The credit score as plain Java: base + the points of every record that counts on the day (not annulled, and the
 * day within its validity, both ends included), clamped to [floor, base + bonus cap]. Exact decimals, two places.
 */
public final class Scoring {

    private Scoring() {
    }

    public static CreditScore score(SubjectType type, long subjectId, String name, List<CreditRecord> records,
                                    RuleSet rules, LocalDate asOf) {
        List<CreditScore.Line> lines = new ArrayList<>();
        List<CreditScore.Skipped> skipped = new ArrayList<>();
        BigDecimal sum = rules.base();
        List<CreditRecord> sorted = records.stream()
                .sorted(Comparator.comparing(CreditRecord::occurredOn).thenComparing(CreditRecord::id)).toList();
        for (CreditRecord r : sorted) {
            if (r.occurredOn().isAfter(asOf)) {
                continue; // not yet happened on the score date: not part of that file's state
            }
            String why = r.annulled() ? "ANNULLED" : asOf.isAfter(r.validUntil()) ? "EXPIRED"
                    : asOf.isBefore(r.validFrom()) ? "NOT_YET_VALID" : null;
            if (why != null) {
                skipped.add(new CreditScore.Skipped(r.id(), r.occurredOn(), r.kind(), r.direction(), r.description(),
                        why, r.validUntil()));
                continue;
            }
            RuleSet.Line rule = rules.line(r.kind(), r.direction()).orElse(null);
            BigDecimal points = rule == null ? BigDecimal.ZERO : rule.points();
            sum = sum.add(points);
            lines.add(new CreditScore.Line(r.id(), r.occurredOn(), r.kind(), r.direction(), r.description(),
                    points.setScale(2, RoundingMode.UNNECESSARY), rule == null ? "—" : rule.text(), r.validUntil(),
                    r.contested()));
        }
        BigDecimal raw = sum.setScale(2, RoundingMode.HALF_UP);
        BigDecimal score = raw.max(rules.floor()).min(rules.ceiling()).setScale(2, RoundingMode.HALF_UP);
        return new CreditScore(type, subjectId, name, asOf, rules.version(), rules.title(),
                rules.base().setScale(2, RoundingMode.UNNECESSARY), rules.floor().setScale(2, RoundingMode.UNNECESSARY),
                rules.ceiling().setScale(2, RoundingMode.UNNECESSARY), lines, skipped, raw, score);
    }
}
