package cn.kaoping.scheme.engine;

import java.math.BigDecimal;
import java.util.Objects;

/** A grade 等次 reached by totals at or above {@code min}, e.g. EXCELLENT 优秀 from 95. */
public record GradeBand(String code, String label, BigDecimal min) {

    public GradeBand {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(min, "min");
    }
}
