package cn.kaoping.scheme.engine;

import static cn.kaoping.scheme.engine.SchemeFixture.ERQI;
import static cn.kaoping.scheme.engine.SchemeFixture.dec;
import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.scheme.engine.Evaluation.ItemScore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** seed 004, annex: 二七区老旧小区物业管理考核评分细则, rows 1–20. */
class ErqiOldEstateTests {

    private static final Fact FULL_SATISFACTION = Fact.measured("20", dec("0.85"), dec("0.20"));

    private static Evaluation evaluate(Fact... facts) {
        List<Fact> all = new ArrayList<>(Arrays.asList(facts));
        if (all.stream().noneMatch(f -> f.rule().equals("20"))) {
            all.add(FULL_SATISFACTION);
        }
        return SchemeFixture.evaluate(ERQI, all.toArray(Fact[]::new));
    }

    @Test
    void scoresOneHundredWithoutFindingsAndFullSatisfaction() {
        Evaluation result = evaluate();

        assertThat(result.total()).isEqualByComparingTo("100");
        assertThat(result.grade()).isEqualTo("EXCELLENT");
        assertThat(result.gradeLabel()).isEqualTo("优秀");
        assertThat(result.passed()).isTrue();
    }

    @ParameterizedTest(name = "row {0}: rule {1} × {2} → {3}")
    @CsvSource({
            // row, rule, count, item score after the finding
            "1,  1.a,  1,  0",     // 未签合同扣10分
            "1,  1.b,  1,  5",     // 未备案扣5分
            "2,  2,    3,  0.5",   // 缺项扣0.5分/项, max 2
            "3,  3,    1,  1.5",
            "4,  4,    1,  0.5",
            "5,  5,    4,  3",
            "6,  6,    1,  0",     // 缺项扣5分
            "7,  7,    2,  2",     // 缺项扣0.5分/月
            "8,  8,    1,  0",     // 缺项扣5分
            "9,  9.a,  1,  0",     // 未实施扣2分
            "9,  9.b,  1,  1.5",   // 合理化建议未整改扣0.5分/次
            "10, 10.a, 5,  7.5",   // 保安缺岗扣0.5分/次
            "10, 10.b, 7,  9.3",   // 无巡查记录扣0.1分/日
            "10, 10.c, 2,  8",     // 盗抢案件扣1分/次
            "11, 11.a, 6,  8.8",   // 缺项扣0.2分/次
            "11, 11.b, 3,  7",     // 违章搭建扣1分/处
            "12, 12,   2,  3",
            "13, 13.a, 1,  3.5",   // 垃圾容器污损0.5分/个
            "13, 13.b, 3,  3.4",   // 垃圾外溢0.2分/次
            "13, 13.c, 2,  3",     // 生活垃圾未分类0.5分/次
            "14, 14,   3,  2.5",
            "15, 15,   1,  3.5",   // 缺项扣0.5分/处
            "16, 16,   5,  3",     // 缺项扣0.2分/次
            "17, 17,   3,  3.5",
            "18, 18,   2,  4",     // 缺项扣0.5分/个
            "19, 19,   4,  3",
    })
    void deductsEachRowAsPrintedInTheSeedTable(String row, String rule, int count, String expected) {
        Evaluation result = evaluate(Fact.occurrences(rule, count));

        ItemScore item = result.item(row);
        assertThat(item.score()).isEqualByComparingTo(expected);
        assertThat(item.lines()).singleElement().satisfies(line -> {
            assertThat(line.rule()).isEqualTo(rule);
            assertThat(line.points()).isEqualByComparingTo(dec(expected).subtract(item.max()));
        });
        assertThat(result.total()).isEqualByComparingTo(dec("100").subtract(item.max()).add(dec(expected)));
    }

    @Test
    void deductsHalfPointPerAbsentGuardUpToTheItemMax() {
        Evaluation five = evaluate(Fact.occurrences("10.a", 5));
        Evaluation many = evaluate(Fact.occurrences("10.a", 25));

        assertThat(five.item("10").score()).isEqualByComparingTo("7.5");
        assertThat(five.item("10").lines().get(0).reason()).isEqualTo("保安缺岗 5 次 × 0.5 分 = 2.5 分");
        assertThat(many.item("10").score()).isEqualByComparingTo("0");
        assertThat(many.warnings(Warning.ITEM_CLAMPED)).extracting(Warning::item).containsExactly("10");
    }

    @Test
    void addsTheThreePublicOrderRulesOfRow10Together() {
        Evaluation result = evaluate(Fact.occurrences("10.a", 2), Fact.occurrences("10.b", 3), Fact.holds("10.c"));

        assertThat(result.item("10").score()).isEqualByComparingTo("7.7");
        assertThat(result.item("10").lines()).extracting(Evaluation.ScoreLine::rule)
                .containsExactly("10.a", "10.b", "10.c");
    }

    @Test
    void noContractAndNoFilingTogetherLeaveRow1AtZeroNotBelow() {
        Evaluation result = evaluate(Fact.holds("1.a"), Fact.holds("1.b"));

        assertThat(result.item("1").score()).isEqualByComparingTo("0");
        assertThat(result.total()).isEqualByComparingTo("90");
    }

    @Test
    void row9CombinesTheMissingSurveyWithUnfixedSuggestions() {
        Evaluation result = evaluate(Fact.occurrences("9.b", 2));
        Evaluation both = evaluate(Fact.holds("9.a"), Fact.occurrences("9.b", 2));

        assertThat(result.item("9").score()).isEqualByComparingTo("1");
        assertThat(both.item("9").score()).isEqualByComparingTo("0");
    }

    @Test
    void row13AddsDirtyContainersOverflowAndUnsortedWaste() {
        Evaluation result = evaluate(Fact.occurrences("13.a", 2), Fact.occurrences("13.b", 1),
                Fact.occurrences("13.c", 1));

        assertThat(result.item("13").score()).isEqualByComparingTo("2.3");
        assertThat(result.item("13").lines().get(0).reason()).isEqualTo("垃圾容器污损 2 个 × 0.5 分 = 1 分");
    }

    @Test
    void row11CountsIllegalBuildingsPerSite() {
        Evaluation result = evaluate(Fact.occurrences("11.a", 5), Fact.occurrences("11.b", 2));

        assertThat(result.item("11").score()).isEqualByComparingTo("7");
        assertThat(result.item("11").lines().get(1).reason()).isEqualTo("违章搭建 2 处 × 1 分 = 2 分");
    }

    @ParameterizedTest(name = "satisfaction {0} → {1} points")
    @CsvSource({
            "1,      10",
            "0.80,   10",   // 80%以上 includes 80 %
            "0.7999, 8",
            "0.70,   8",
            "0.6999, 6",
            "0.60,   6",
            "0.5999, 5",
            "0.50,   5",
            "0.4999, 0",   // 50%以下不得分
            "0,      0",
    })
    void row20ScoresSatisfactionByTiersIncludingEachThreshold(String rate, String points) {
        Evaluation result = evaluate(Fact.measured("20", dec(rate), dec("0.15")));

        assertThat(result.item("20").score()).isEqualByComparingTo(points);
        assertThat(result.warnings(Warning.SAMPLE_INSUFFICIENT)).isEmpty();
    }

    @Test
    void row20ExplainsTheTierReached() {
        Evaluation result = evaluate(Fact.measured("20", dec("0.75"), dec("0.12")));

        assertThat(result.item("20").lines()).singleElement().satisfies(line -> {
            assertThat(line.value()).isEqualByComparingTo("0.75");
            assertThat(line.reason()).isEqualTo("居民满意度 75% ≥ 70%，得 8 分");
        });
    }

    @Test
    void acceptsASampleOfExactlyTenPercent() {
        Evaluation result = evaluate(Fact.measured("20", dec("0.90"), dec("0.10")));

        assertThat(result.item("20").score()).isEqualByComparingTo("10");
        assertThat(result.warnings(Warning.SAMPLE_INSUFFICIENT)).isEmpty();
    }

    @Test
    void scoresSatisfactionZeroWithAWarningWhenTheSampleIsBelowTenPercent() {
        Evaluation result = evaluate(Fact.measured("20", dec("0.90"), dec("0.099")));

        assertThat(result.item("20").score()).isEqualByComparingTo("0");
        assertThat(result.warnings(Warning.SAMPLE_INSUFFICIENT)).singleElement().satisfies(w -> {
            assertThat(w.item()).isEqualTo("20");
            assertThat(w.message()).contains("9.9%").contains("10%");
        });
        assertThat(result.total()).isEqualByComparingTo("90");
    }

    @Test
    void warnsWhenNoSatisfactionSurveyWasGiven() {
        Evaluation result = SchemeFixture.evaluate(ERQI);

        assertThat(result.item("20").score()).isEqualByComparingTo("0");
        assertThat(result.warnings(Warning.MEASURE_MISSING)).extracting(Warning::item).containsExactly("20");
    }

    @Test
    void gradesExactly95AsExcellent() {
        Evaluation result = evaluate(Fact.holds("1.b"));

        assertThat(result.total()).isEqualByComparingTo("95");
        assertThat(result.gradeLabel()).isEqualTo("优秀");
    }

    @Test
    void gradesJustBelow95AsGood() {
        Evaluation result = evaluate(Fact.holds("1.b"), Fact.holds("10.b"));

        assertThat(result.total()).isEqualByComparingTo("94.9");
        assertThat(result.grade()).isEqualTo("GOOD");
        assertThat(result.gradeLabel()).isEqualTo("良好");
    }

    @Test
    void gradesExactly85AsGoodAndJustBelowAsQualified() {
        Evaluation at85 = evaluate(Fact.holds("1.a"), Fact.holds("6"));
        Evaluation below = evaluate(Fact.holds("1.a"), Fact.holds("6"), Fact.holds("10.b"));

        assertThat(at85.total()).isEqualByComparingTo("85");
        assertThat(at85.gradeLabel()).isEqualTo("良好");
        assertThat(below.total()).isEqualByComparingTo("84.9");
        assertThat(below.gradeLabel()).isEqualTo("合格");
    }

    @Test
    void gradesExactly70AsQualifiedAndPassing() {
        Evaluation result = evaluate(Fact.holds("1.a"), Fact.holds("6"), Fact.holds("8"), Fact.holds("9.a"),
                Fact.occurrences("7", 6), Fact.measured("20", dec("0.5"), dec("0.2")));

        assertThat(result.total()).isEqualByComparingTo("70");
        assertThat(result.grade()).isEqualTo("QUALIFIED");
        assertThat(result.passed()).isTrue();
    }

    @Test
    void gradesBelow70AsUnqualifiedAndFailing() {
        Evaluation result = evaluate(Fact.holds("1.a"), Fact.holds("6"), Fact.holds("8"), Fact.holds("9.a"),
                Fact.occurrences("7", 6), Fact.holds("10.b"), Fact.measured("20", dec("0.5"), dec("0.2")));

        assertThat(result.total()).isEqualByComparingTo("69.9");
        assertThat(result.grade()).isEqualTo("UNQUALIFIED");
        assertThat(result.gradeLabel()).isEqualTo("不合格");
        assertThat(result.passed()).isFalse();
        assertThat(result.warnings(Warning.BELOW_PASS_MARK)).hasSize(1);
    }
}
