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
    void aTopListIncludesEveryoneTiedAtItsLastPlace() {
        List<Ranked<String>> ranked = rank(scores("a", "99", "b", "98", "c", "97", "d", "97", "e", "90"));
        assertThat(Standings.top(ranked, 3)).extracting(Ranked::key).containsExactly("a", "b", "c", "d");
        assertThat(Standings.top(ranked, 2)).extracting(Ranked::key).containsExactly("a", "b");
    }

    @Test
    void aBottomListCountsFromTheWorstIncludesTiesAtItsBoundaryAndListsTheWorstFirst() {
        List<Ranked<String>> ranked = rank(scores("a", "99", "b", "80", "c", "80", "d", "75", "e", "60"));
        assertThat(Standings.bottom(ranked, 2)).extracting(Ranked::key).containsExactly("e", "d");
        // the third-worst place is shared by b and c: both are in a bottom 3
        assertThat(Standings.bottom(ranked, 3)).extracting(Ranked::key).containsExactly("e", "d", "c", "b");
        assertThat(Standings.bottom(ranked, 10)).hasSize(5).first().extracting(Ranked::key).isEqualTo("e");
        assertThat(Standings.bottom(ranked, 0)).isEmpty();
    }
}
