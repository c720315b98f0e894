package cn.kaoping.ranking.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A half-year or year score from quarterly scores (seed 000: 每季度考评1次，每半年、年底形成两次得分排名). The
 * scheme setting decides the method (SPEC: default mean of the period's quarters). A missing quarter is named in
 * the result, never silently averaged away: with {@link Method#MEAN_OF_ALL_QUARTERS} an estate missing one gets
 * no score; with {@link Method#MEAN_OF_AVAILABLE_QUARTERS} it gets the mean of the others and the gap is listed.
 */
public record PeriodAggregate(Optional<BigDecimal> score, List<Integer> quartersUsed, List<Integer> quartersMissing) {

    /** How a period's quarters combine. */
    public enum Method {
        MEAN_OF_ALL_QUARTERS, MEAN_OF_AVAILABLE_QUARTERS
    }

    /** Points are kept to two decimals, rounded half up, as on the published tables. */
    static final int SCALE = 2;

    public static PeriodAggregate of(Map<Integer, BigDecimal> quarterlyScores, Set<Integer> periodQuarters,
                                     Method method) {
        List<Integer> used = new ArrayList<>();
        List<Integer> missing = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (int q : new TreeSet<>(periodQuarters)) {
            BigDecimal s = quarterlyScores.get(q);
            if (s == null) {
                missing.add(q);
            } else {
                used.add(q);
                sum = sum.add(s);
            }
        }
        boolean scored = !used.isEmpty() && (method == Method.MEAN_OF_AVAILABLE_QUARTERS || missing.isEmpty());
        Optional<BigDecimal> score = scored
                ? Optional.of(sum.divide(BigDecimal.valueOf(used.size()), SCALE, RoundingMode.HALF_UP))
                : Optional.empty();
        return new PeriodAggregate(score, List.copyOf(used), List.copyOf(missing));
    }

    /** The quarters of a half-year (1 or 2) or of the whole year. */
    public static Set<Integer> halfYear(int half) {
        if (half != 1 && half != 2) {
            throw new IllegalArgumentException("half-year is 1 or 2: " + half);
        }
        return half == 1 ? Set.of(1, 2) : Set.of(3, 4);
    }

    public static Set<Integer> year() {
        return Set.of(1, 2, 3, 4);
    }
}
