package cn.kaoping.organisation;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the registry says about an estate's service contract: the floor area under contract and the day the
 * company entered (contract start), {@code null} when not recorded.
 */
public record EstateTerms(long estateId, BigDecimal floorArea, LocalDate contractStart) {
}
