package cn.kaoping.ranking.dashboard;

import cn.kaoping.ranking.RankingEntry;
import cn.kaoping.scheme.engine.GradeBand;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The figures behind the ranking charts, from a ranking's entries: plain Java, no persistence. */
final class Charts {

    static final int BIN_WIDTH = 5;

    private Charts() {
    }

    /** A score bin: totals from {@code from} (inclusive) to {@code to} (exclusive; the top bin includes the max). */
    record Bin(int from, int to, int count) {
        String label() {
            return from + "–" + to;
        }
    }

    /** A grade of the scheme and how many ranked estates reached it. */
    record GradeCount(String code, String label, BigDecimal min, int count) {
    }

    /** An estate on the best or worst list with its place among the estates shown (1, 2, 2, 4). */
    record Placed(int place, RankingEntry entry) {
    }

    /**
     * Scores in 5-point bins, from the lowest occupied bin to the highest, empty bins between included. A total at
     * the scheme's maximum counts in the bin below it (100 in 95–100), so no bin holds a single point value.
     */
    static List<Bin> histogram(Collection<BigDecimal> scores, BigDecimal max) {
        TreeMap<Integer, Integer> counts = new TreeMap<>();
        for (BigDecimal s : scores) {
            if (s == null) {
                continue;
            }
            int from = s.divide(BigDecimal.valueOf(BIN_WIDTH), 0, RoundingMode.FLOOR).intValueExact() * BIN_WIDTH;
            if (max != null && s.compareTo(max) == 0 && s.compareTo(BigDecimal.valueOf(from)) == 0 && from > 0) {
                from -= BIN_WIDTH;
            }
            counts.merge(from, 1, Integer::sum);
        }
        List<Bin> bins = new ArrayList<>();
        if (counts.isEmpty()) {
            return bins;
        }
        for (int from = counts.firstKey(); from <= counts.lastKey(); from += BIN_WIDTH) {
            bins.add(new Bin(from, from + BIN_WIDTH, counts.getOrDefault(from, 0)));
        }
        return bins;
    }

    /**
     * How many ranked estates reached each grade of the scheme, highest grade first, zero counts included. An entry
     * stored without a grade (a round published without one) is graded by the bands, as half-year aggregates are.
     * Empty when the scheme has no grades.
     */
    static List<GradeCount> grades(List<RankingEntry> entries, List<GradeBand> bands) {
        Map<String, GradeCount> rows = new LinkedHashMap<>();
        bands.stream().sorted(Comparator.comparing(GradeBand::min).reversed())
                .forEach(b -> rows.put(b.code(), new GradeCount(b.code(), b.label(), b.min(), 0)));
        for (RankingEntry e : entries) {
            if (!e.ranked()) {
                continue;
            }
            String code = e.grade();
            String label = e.gradeLabel();
            if (code == null) {
                Optional<GradeBand> band = GradeBand.reachedBy(bands, e.score());
                if (band.isEmpty()) {
                    continue;
                }
                code = band.get().code();
                label = band.get().label();
            }
            String l = label == null ? code : label;
            rows.merge(code, new GradeCount(code, l, null, 1),
                    (a, b) -> new GradeCount(a.code(), a.label(), a.min(), a.count() + 1));
        }
        return List.copyOf(rows.values());
    }

    /** The best N ranked estates, best first; an estate tied with the N-th is listed too. */
    static List<Placed> best(List<RankingEntry> entries, int n) {
        return extreme(entries, n, Comparator.comparing(RankingEntry::score).reversed());
    }

    /** The worst N ranked estates, worst first; an estate tied with the N-th from the bottom is listed too. */
    static List<Placed> worst(List<RankingEntry> entries, int n) {
        List<RankingEntry> ranked = entries.stream().filter(RankingEntry::ranked).toList();
        return extreme(entries, n, Comparator.comparing(RankingEntry::score)).stream()
                .map(p -> new Placed(place(ranked, p.entry().score()), p.entry())).toList();
    }

    /** Takes entries in the given order while their place in that order is N or better. */
    private static List<Placed> extreme(List<RankingEntry> entries, int n, Comparator<RankingEntry> order) {
        List<RankingEntry> sorted = entries.stream().filter(RankingEntry::ranked)
                .sorted(order.thenComparing(RankingEntry::estateName).thenComparing(RankingEntry::estateId))
                .toList();
        List<Placed> result = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            int place = i == 0 || sorted.get(i).score().compareTo(sorted.get(i - 1).score()) != 0
                    ? i + 1 : result.get(i - 1).place();
            if (place > n) {
                break;
            }
            result.add(new Placed(place, sorted.get(i)));
        }
        return result;
    }

    /** The competition place of a score among ranked entries: one more than the number of better scores. */
    private static int place(List<RankingEntry> ranked, BigDecimal score) {
        return 1 + (int) ranked.stream().filter(e -> e.score().compareTo(score) > 0).count();
    }
}
