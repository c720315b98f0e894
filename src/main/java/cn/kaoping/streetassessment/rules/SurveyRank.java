package cn.kaoping.streetassessment.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seed 001 row 3.c (对业主满意度调查部分不合格率排名最后的街道扣3分，倒数第二扣2分，倒数第三扣1分): each street's share of
 * surveyed estates whose satisfaction is below the line, ranked among the district's streets from the worst, ties
 * sharing a place. A street without an unqualified estate is not among the worst (the seed deducts for a bad rate,
 * and a rate of 0 is none); a street without surveyed estates is not ranked.
 */
public final class SurveyRank {

    private SurveyRank() {
    }

    /** One street's count: surveyed estates and, of them, the unqualified. */
    public record Count(int surveyed, int unqualified) {
    }

    /** The place from the worst of each ranked street, and every street's count. */
    public record Result(Map<Long, Integer> ranks, Map<Long, Count> counts) {
    }

    /**
     * @param satisfaction each street's surveyed estates' satisfaction percentages (0–100)
     * @param line         below this percentage an estate's satisfaction is unqualified
     */
    public static Result of(Map<Long, List<BigDecimal>> satisfaction, BigDecimal line) {
        Map<Long, Count> counts = new LinkedHashMap<>();
        Map<Long, BigDecimal> shares = new LinkedHashMap<>();
        satisfaction.forEach((street, values) -> {
            int bad = (int) values.stream().filter(v -> v.compareTo(line) < 0).count();
            counts.put(street, new Count(values.size(), bad));
            if (bad > 0) {
                shares.put(street, BigDecimal.valueOf(bad).divide(BigDecimal.valueOf(values.size()),
                        MathContext.DECIMAL128));
            }
        });
        return new Result(Standings.fromHighest(shares), counts);
    }
}
