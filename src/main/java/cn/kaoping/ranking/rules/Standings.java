package cn.kaoping.ranking.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Competition ranking, as in 1, 2, 2, 4: entries with equal scores share the better place and the next place
 * skips as many as shared it. Scores compare as exact decimals, so 88.5 and 88.50 tie.
 */
public final class Standings {

    private Standings() {
    }

    /**
     * Ranks the entries by score, best first; among equal scores the order of {@code keyOrder} decides only
     * the listing order, never the rank.
     */
    public static <K> List<Ranked<K>> rank(Map<K, BigDecimal> scores, Comparator<K> keyOrder) {
        List<Map.Entry<K, BigDecimal>> sorted = new ArrayList<>(scores.entrySet());
        sorted.forEach(e -> Objects.requireNonNull(e.getValue(), () -> "no score for " + e.getKey()));
        sorted.sort(Map.Entry.<K, BigDecimal>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey(keyOrder)));
        List<Ranked<K>> result = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            BigDecimal score = sorted.get(i).getValue();
            boolean sameAsPrevious = i > 0 && score.compareTo(sorted.get(i - 1).getValue()) == 0;
            int rank = sameAsPrevious ? result.get(i - 1).rank() : i + 1;
            boolean sameAsNext = i + 1 < sorted.size() && score.compareTo(sorted.get(i + 1).getValue()) == 0;
            result.add(new Ranked<>(sorted.get(i).getKey(), score, rank, sameAsPrevious || sameAsNext));
        }
        return List.copyOf(result);
    }

    /**
     * The best {@code n} estates: every entry whose tie group lies wholly within the first {@code n} positions.
     * Estates tied across the boundary (sharing place 10 with an 11th) are all left out, so a top 10 never lists
     * more than 10 estates and never one that an equal-scored estate outside it would have to share (issue 19;
     * ADR 0011: a list that drafts notices or commendations must not hold more than the seed's N, and choosing one of
     * two equal scores is a decision for the district, not for a sort order).
     */
    public static <K> List<Ranked<K>> top(List<Ranked<K>> ranked, int n) {
        Map<Integer, Integer> sizes = groupSizes(ranked);
        return ranked.stream().filter(r -> r.rank() + sizes.get(r.rank()) - 1 <= n).toList();
    }

    /**
     * The worst {@code n} estates counted from the bottom (seed 000: 排名后10名), worst first: every entry whose tie
     * group lies wholly within the last {@code n} positions, so ties across the boundary are left out as in
     * {@link #top} and the list never holds more than {@code n} estates nor one outside the bottom {@code n}.
     */
    public static <K> List<Ranked<K>> bottom(List<Ranked<K>> ranked, int n) {
        if (ranked.isEmpty() || n <= 0) {
            return List.of();
        }
        int firstPositionInBottom = ranked.size() - n + 1;
        return reversed(ranked.stream().filter(r -> r.rank() >= firstPositionInBottom).toList());
    }

    private static <K> Map<Integer, Integer> groupSizes(List<Ranked<K>> ranked) {
        Map<Integer, Integer> sizes = new java.util.HashMap<>();
        ranked.forEach(r -> sizes.merge(r.rank(), 1, Integer::sum));
        return sizes;
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return List.copyOf(copy);
    }
}
