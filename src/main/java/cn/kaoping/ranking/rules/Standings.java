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
     * The best {@code n} places: every entry ranked n or better, so ties at the boundary are all included
     * (a top 10 may list 11 estates when two share 10th place).
     */
    public static <K> List<Ranked<K>> top(List<Ranked<K>> ranked, int n) {
        return ranked.stream().filter(r -> r.rank() <= n).toList();
    }

    /**
     * The worst {@code n} places counted from the bottom (seed 000: 排名后10名), ties at the boundary included,
     * worst first.
     */
    public static <K> List<Ranked<K>> bottom(List<Ranked<K>> ranked, int n) {
        if (ranked.isEmpty() || n <= 0) {
            return List.of();
        }
        int size = ranked.size();
        int cut = size - n; // entries at index >= cut are in the bottom n, plus any tied with the entry at cut
        if (cut <= 0) {
            return reversed(ranked);
        }
        BigDecimal boundary = ranked.get(cut).score();
        List<Ranked<K>> bottom = new ArrayList<>();
        for (Ranked<K> r : ranked) {
            if (r.score().compareTo(boundary) <= 0) {
                bottom.add(r);
            }
        }
        return reversed(bottom);
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return List.copyOf(copy);
    }
}
