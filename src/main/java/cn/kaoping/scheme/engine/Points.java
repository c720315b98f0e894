package cn.kaoping.scheme.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Shows points the way the tables print them: at most two decimals, no trailing zeros. */
public final class Points {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Points() {
    }

    /** Rounds half-up to at most two decimals and drops trailing zeros (100, 2.5, 0.35). */
    public static BigDecimal round(BigDecimal points) {
        BigDecimal r = points.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r;
    }

    public static String format(BigDecimal points) {
        return round(points).toPlainString();
    }

    /** A rate 0–1 as a percentage: 0.755 → "75.5%". */
    public static String percent(BigDecimal rate) {
        return format(rate.multiply(HUNDRED)) + "%";
    }
}
