package cn.kaoping.inspection;

import java.math.BigDecimal;

/**
 * One estate's published score in a round.
 *
 * @param companyId the property company serving the estate when the round opened, or {@code null}
 * @param grade     grade code such as {@code GOOD}, or {@code null} when the scheme has no grades
 */
public record EstateResult(long estateId, String estateName, Long companyId, long streetId, BigDecimal total,
                           String grade, boolean passed) {
}
