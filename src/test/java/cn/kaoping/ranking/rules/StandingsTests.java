package cn.kaoping.ranking.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StandingsTests {

    private static Map<String, BigDecimal> scores(Object... pairs) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], new BigDecimal((String) pairs[i + 1]));
        }
        return m;
    }

    private static List<Ranked<String>> rank(Map<String, BigDecimal> scores) {
        return Standings.rank(scores, Comparator.naturalOrder());
    }

    @Test
    void equalScoresShareAPlaceAndTheNextPlaceSkips() {
        List<Ranked<String>> ranked = rank(scores("甲", "92.5", "乙", "88", "丙", "88", "丁", "70.25"));
        assertThat(ranked).extracting(Ranked::key).containsExactly("甲", "丙", "乙", "丁");
        assertThat(ranked).extracting(Ranked::rank).containsExactly(1, 2, 2, 4);
        assertThat(ranked).extracting(Ranked::tied).containsExactly(false, true, true, false);
    }

    @Test
    void decimalsThatDifferOnlyInTrailingZerosTie() {
        List<Ranked<String>> ranked = rank(scores("a", "88.5", "b", "88.50", "c", "88.49"));
        assertThat(ranked).extracting(Ranked::rank).containsExactly(1, 1, 3);
    }

    @Test
    void aTopListLeavesOutATieAcrossItsBoundarySoItNeverListsMoreThanN() {
        List<Ranked<String>> ranked = rank(scores("a", "99", "b", "98", "c", "97", "d", "97", "e", "90"));
        // c and d share 3rd place: a top 3 cannot hold both, and picking one of two equal scores is not ours to do
        assertThat(Standings.top(ranked, 3)).extracting(Ranked::key).containsExactly("a", "b");
        assertThat(Standings.top(ranked, 4)).extracting(Ranked::key).containsExactly("a", "b", "c", "d");
        assertThat(Standings.top(ranked, 2)).extracting(Ranked::key).containsExactly("a", "b");
    }

    @Test
    void aBottomListCountsFromTheWorstLeavesOutATieAcrossItsBoundaryAndListsTheWorstFirst() {
        List<Ranked<String>> ranked = rank(scores("a", "99", "b", "80", "c", "80", "d", "75", "e", "60"));
        assertThat(Standings.bottom(ranked, 2)).extracting(Ranked::key).containsExactly("e", "d");
        // b and c share the 3rd-worst and 4th-worst positions: a bottom 3 lists neither
        assertThat(Standings.bottom(ranked, 3)).extracting(Ranked::key).containsExactly("e", "d");
        assertThat(Standings.bottom(ranked, 4)).extracting(Ranked::key).containsExactly("e", "d", "c", "b");
        assertThat(Standings.bottom(ranked, 10)).hasSize(5).first().extracting(Ranked::key).isEqualTo("e");
        assertThat(Standings.bottom(ranked, 0)).isEmpty();
    }

    @Test
    void noListEverHoldsMoreThanNOrAnEstateOutsideItsN() {
        for (int n = 1; n <= 8; n++) {
            List<Ranked<String>> ranked = rank(scores("a", "90", "b", "90", "c", "85", "d", "85", "e", "85", "f", "70",
                    "g", "70", "h", "60"));
            int size = ranked.size();
            int cut = n;
            assertThat(Standings.bottom(ranked, n)).hasSizeLessThanOrEqualTo(n)
                    .allMatch(r -> r.rank() > size - cut);
            assertThat(Standings.top(ranked, n)).hasSizeLessThanOrEqualTo(n).allMatch(r -> r.rank() <= cut);
        }
    }
}
