package cn.kaoping.scheme.engine;

import java.math.BigDecimal;
import java.util.Objects;

/** Fixed points when a fact holds ({@code 未签合同扣10分}). */
public record Condition(String code, String label, BigDecimal points) implements Rule {

    public Condition {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(points, "points");
    }
}
