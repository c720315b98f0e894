package cn.kaoping.scheme.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Points from a measured value by thresholds, highest first; a threshold includes its own value
 * ("以上" in Chinese legal usage).
 *
 * @param minSample smallest sample rate for the measure to count, or {@code null}
 * @param ifNone    what a period with nothing to measure scores (no complaint, so no 办结率): the rule's full points,
 *                  or 0 with a warning that the measure is missing
 */
public record Tiered(String code, String label, Measure measure, BigDecimal minSample, List<Tier> tiers,
                     IfNone ifNone) implements Rule {

    public Tiered {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(measure, "measure");
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
        ifNone = ifNone == null ? defaultIfNone(measure, minSample) : ifNone;
    }

    /** A tiered rule with the default for nothing to measure. */
    public Tiered(String code, String label, Measure measure, BigDecimal minSample, List<Tier> tiers) {
        this(code, label, measure, minSample, tiers, null);
    }

    /**
     * A rate without a required sample is a ratio of cases (办结率 = 办结 ÷ 投诉): with no case there is nothing to
     * fail, so it scores in full (issue 19). A sampled measure (a survey, Erqi row 20) needs the survey to be run.
     */
    public static IfNone defaultIfNone(Measure measure, BigDecimal minSample) {
        return measure == Measure.RATE && minSample == null ? IfNone.FULL : IfNone.ZERO;
    }

    /** The points of the highest tier: what the rule gives in full. */
    public BigDecimal fullPoints() {
        return tiers.stream().map(Tier::points).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
    }

    /** What a period with nothing to measure scores. */
    public enum IfNone {
        FULL, ZERO
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
