package cn.kaoping.scheme.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Points from a measured value by thresholds, highest first; a threshold includes its own value
 * ("以上" in Chinese legal usage).
 *
 * @param minSample smallest sample rate for the measure to count, or {@code null}
 */
public record Tiered(String code, String label, Measure measure, BigDecimal minSample, List<Tier> tiers)
        implements Rule {

    public Tiered {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(measure, "measure");
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }

    /** One threshold: a value at or above {@code min} scores {@code points}. */
    public record Tier(BigDecimal min, BigDecimal points) {
        public Tier {
            Objects.requireNonNull(min, "min");
            Objects.requireNonNull(points, "points");
        }
    }

    /** What the measured value is: a rate between 0 and 1, or a plain number. */
    public enum Measure {
        RATE, NUMBER
    }
}
