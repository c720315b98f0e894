package cn.kaoping.scheme.engine;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Points per counted occurrence ({@code 扣0.5分/次}), optionally capped ({@code 最高扣5分}).
 *
 * @param unit counting word shown in explanations (次, 项, 个, 处 …)
 * @param cap  largest absolute total of this rule, or {@code null}
 */
public record PerOccurrence(String code, String label, String unit, BigDecimal points, BigDecimal cap)
        implements Rule {

    public PerOccurrence {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(points, "points");
    }
}
