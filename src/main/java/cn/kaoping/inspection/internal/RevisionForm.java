package cn.kaoping.inspection.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A correction of a published result: one finding of one estate changes, with the mandatory reason. A measured value
 * comes with its sample (Erqi row 20), a report with its deadline and date.
 */
public record RevisionForm(Long inspectionId, String rule, Integer count, Boolean holds, BigDecimal value,
                           String note, String reason, BigDecimal sample, LocalDate due, LocalDate date) {

    public RevisionForm(Long inspectionId, String rule, Integer count, Boolean holds, BigDecimal value, String note,
                        String reason) {
        this(inspectionId, rule, count, holds, value, note, reason, null, null, null);
    }

    public Finding finding() {
        return new Finding(rule, count, Boolean.TRUE.equals(holds), value, note, sample, due, date, null);
    }
}
