package cn.kaoping.streetassessment.rules;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Places with ties shared (standard competition ranking, 1-2-2-4): equal values take the same place and the next
 * value skips as many places as shared it. Used both ways: the quarter ranking from the best total, and seed 001
 * row 3.c's rank among the streets counted from the worst unsatisfactory share.
 */
public final class Standings {

    private Standings() {
    }

    /** Place 1 for the highest value; equal values share a place. */
    public static <K> Map<K, Integer> fromHighest(Map<K, BigDecimal> values) {
        return places(values, Comparator.reverseOrder());
    }

    private static <K> Map<K, Integer> places(Map<K, BigDecimal> values, Comparator<BigDecimal> order) {
        List<Map.Entry<K, BigDecimal>> sorted = values.entrySet().stream()
                .sorted(Map.Entry.comparingByValue(order)).toList();
        Map<K, Integer> places = new LinkedHashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            BigDecimal v = sorted.get(i).getValue();
            int place = i > 0 && v.compareTo(sorted.get(i - 1).getValue()) == 0
                    ? places.get(sorted.get(i - 1).getKey()) : i + 1;
            places.put(sorted.get(i).getKey(), place);
        }
        return places;
    }
}
