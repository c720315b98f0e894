package cn.kaoping.ranking.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.ranking.RankingEntry;
import cn.kaoping.scheme.engine.GradeBand;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ChartsTests {

    /** Erqi (seed 004): 优秀 ≥95, 良好 ≥85, 合格 ≥70, else 不合格; lower bounds inclusive. */
    static final List<GradeBand> ERQI = List.of(new GradeBand("EXCELLENT", "优秀", new BigDecimal("95")),
            new GradeBand("GOOD", "良好", new BigDecimal("85")),
            new GradeBand("QUALIFIED", "合格", new BigDecimal("70")),
            new GradeBand("UNQUALIFIED", "不合格", BigDecimal.ZERO));

    static final List<String> TOTALS = List.of("100", "97.5", "95", "94.99", "85", "85", "72", "60.5");

    @Test
    void binsScoresInFivePointStepsFromTheLowestToTheHighestBinWithTheMaximumInTheTopBin() {
        List<Charts.Bin> bins = Charts.histogram(decimals(TOTALS), new BigDecimal("100"));

        assertThat(bins).extracting(Charts.Bin::label)
                .containsExactly("60–65", "65–70", "70–75", "75–80", "80–85", "85–90", "90–95", "95–100");
        assertThat(bins).extracting(Charts.Bin::count).containsExactly(1, 0, 1, 0, 0, 2, 1, 3);
    }

    @Test
    void anUnrankedEstateIsNotBinnedAndNoScoresGiveNoBins() {
        List<BigDecimal> withGap = new ArrayList<>(decimals(List.of("88", "89.99")));
        withGap.add(null);
        assertThat(Charts.histogram(withGap, new BigDecimal("100"))).containsExactly(new Charts.Bin(85, 90, 2));
        assertThat(Charts.histogram(List.of(), new BigDecimal("100"))).isEmpty();
    }

    @Test
    void countsGradesByTheBandsHighestFirstIncludingGradesNobodyReached() {
        List<RankingEntry> entries = TOTALS.stream().map(t -> entry(t, null)).toList();

        assertThat(Charts.grades(entries, ERQI)).containsExactly(
                new Charts.GradeCount("EXCELLENT", "优秀", new BigDecimal("95"), 3),
                new Charts.GradeCount("GOOD", "良好", new BigDecimal("85"), 3),
                new Charts.GradeCount("QUALIFIED", "合格", new BigDecimal("70"), 1),
                new Charts.GradeCount("UNQUALIFIED", "不合格", BigDecimal.ZERO, 1));
        assertThat(Charts.grades(List.of(entry("99", null)), ERQI)).extracting(Charts.GradeCount::count)
                .containsExactly(1, 0, 0, 0);
    }

    @Test
    void aStoredGradeWinsOverTheBandsAndUnrankedEstatesAreNotCounted() {
        List<RankingEntry> entries = List.of(entry("96", "GOOD"), entry(null, null), entry("50", "UNQUALIFIED"));

        assertThat(Charts.grades(entries, ERQI)).extracting(Charts.GradeCount::count).containsExactly(0, 1, 0, 1);
        assertThat(Charts.grades(entries, List.of())).as("a scheme without grades")
                .extracting(Charts.GradeCount::code).containsExactly("GOOD", "UNQUALIFIED");
        assertThat(Charts.grades(List.of(entry("96", null)), List.of())).isEmpty();
    }

    @Test
    void bestAndWorstListsShareTiedPlacesAndTakeEveryEstateTiedAtTheBoundary() {
        List<RankingEntry> entries = Stream.of("90", "80", "80", "70", "60", "60", null)
                .map(t -> entry(t, null)).toList();

        List<Charts.Placed> best = Charts.best(entries, 2);
        assertThat(best).extracting(Charts.Placed::place).containsExactly(1, 2, 2);
        assertThat(best).extracting(p -> p.entry().score().toPlainString()).containsExactly("90", "80", "80");

        List<Charts.Placed> worst = Charts.worst(entries, 1);
        assertThat(worst).extracting(p -> p.entry().score().toPlainString()).containsExactly("60", "60");
        assertThat(worst).as("places count from the top").extracting(Charts.Placed::place).containsExactly(5, 5);
    }

    private static List<BigDecimal> decimals(List<String> values) {
        return values.stream().map(BigDecimal::new).toList();
    }

    private static long ids = 1;

    static RankingEntry entry(String score, String grade) {
        long id = ids++;
        return RankingEntry.builder().rankingId(1).estateId(id).estateName("小区" + id).category("PROFESSIONAL")
                .companyId(7L).companyName("企业").streetId(2).streetName("街道").districtId(3).districtName("区")
                .cityId(4).cityName("市").regionPath("/4/3/2/").score(score == null ? null : new BigDecimal(score))
                .grade(grade).gradeLabel(grade == null ? null
                        : ERQI.stream().filter(b -> b.code().equals(grade)).findFirst().orElseThrow().label())
                .build();
    }
}
