package cn.kaoping.scheme.engine;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A weighted part of a composite scheme, scored 0–100 and passing only strictly above its floor.
 *
 * @param weight percentage weight; the weights of a scheme add up to 100
 * @param floor  最低标准线, or {@code null}
 */
public record Part(String code, String title, Source source, BigDecimal weight, BigDecimal floor) {

    public Part {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(weight, "weight");
    }

    /** Where a part score comes from. */
    public enum Source {
        /** Given as points. */
        VALUE,
        /** (满意 + 基本满意) ÷ all owners × 100, or given as points. */
        SATISFACTION
    }
}
