package cn.kaoping.inspection.internal;

import java.math.BigDecimal;

/**
 * What the inspector recorded against one rule of the scheme.
 *
 * @param count occurrences for per-occurrence and bonus rules
 * @param holds whether a condition holds, for condition rules
 * @param value a measured value for tiered rules (a rate 0–1 for rate measures)
 */
public record Finding(String rule, Integer count, boolean holds, BigDecimal value, String note) {

    /** Whether the finding records anything at all (an empty one is not stored). */
    public boolean recordsSomething() {
        return (count != null && count > 0) || holds || value != null || (note != null && !note.isBlank());
    }
}
