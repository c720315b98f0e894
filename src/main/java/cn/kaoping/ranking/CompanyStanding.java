package cn.kaoping.ranking;

import java.math.BigDecimal;

/**
 * A property company's place among companies in a ranking: the mean of its ranked estates' scores (two decimals,
 * half up), ranked 1, 2, 2, 4 like estates.
 */
public record CompanyStanding(long companyId, String companyName, int estates, BigDecimal average, BigDecimal best,
                              BigDecimal worst, int rank, boolean tied, int peers) {
}
