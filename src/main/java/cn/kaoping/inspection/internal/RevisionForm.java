package cn.kaoping.inspection.internal;

import java.math.BigDecimal;

/** A correction of a published result: one finding of one estate changes, with the mandatory reason. */
public record RevisionForm(Long inspectionId, String rule, Integer count, Boolean holds, BigDecimal value,
                           String note, String reason) {

    public Finding finding() {
        return new Finding(rule, count, Boolean.TRUE.equals(holds), value, note);
    }
}
