package cn.kaoping.scheme.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Points by rank among peers counted from the worst: {@code points.get(0)} for the worst,
 * {@code points.get(1)} for the second worst …; ranks beyond the list score 0.
 */
public record PeerRank(String code, String label, List<BigDecimal> points) implements Rule {

    public PeerRank {
        Objects.requireNonNull(code, "code");
        points = points == null ? List.of() : List.copyOf(points);
    }
}
