package cn.kaoping.scheme.engine;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Points earned per counted occurrence ({@code 一次加2分}), optionally capped; used by earning items.
 */
public record Bonus(String code, String label, String unit, BigDecimal points, BigDecimal cap) implements Rule {

    public Bonus {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(points, "points");
    }
}
