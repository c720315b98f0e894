package cn.kaoping.scheme.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A grade 等次 reached by totals at or above {@code min}, e.g. EXCELLENT 优秀 from 95. */
public record GradeBand(String code, String label, BigDecimal min) {

    public GradeBand {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(min, "min");
    }

    /**
     * The highest band whose lower bound (inclusive) the total reaches (seed 004: 95分（含95分）以上为优秀 …), or empty
     * when it reaches none or there are no bands. The one grading rule for scores, aggregates and charts alike.
     */
    public static Optional<GradeBand> reachedBy(List<GradeBand> bands, BigDecimal total) {
        GradeBand best = null;
        for (GradeBand band : bands) {
            if (total.compareTo(band.min()) >= 0 && (best == null || band.min().compareTo(best.min()) > 0)) {
                best = band;
            }
        }
        return Optional.ofNullable(best);
    }
}
