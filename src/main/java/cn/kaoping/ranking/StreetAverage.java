package cn.kaoping.ranking;

import java.math.BigDecimal;

/** The mean score of a street office's ranked estates in a ranking (two decimals, half up). */
public record StreetAverage(long streetId, String streetName, long districtId, String districtName, int estates,
                            BigDecimal average, BigDecimal best, BigDecimal worst) {
}
