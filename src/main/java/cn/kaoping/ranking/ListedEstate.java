package cn.kaoping.ranking;

import java.math.BigDecimal;

/** An estate on a top or bottom list, with the company that serves it. */
public record ListedEstate(long estateId, String estateName, Long companyId, String companyName, long streetId,
                           String streetName, BigDecimal score, int rank) {
}
