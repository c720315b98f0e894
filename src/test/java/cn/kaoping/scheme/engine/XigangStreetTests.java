package cn.kaoping.scheme.engine;

import static cn.kaoping.scheme.engine.SchemeFixture.END_OF_2020;
import static cn.kaoping.scheme.engine.SchemeFixture.XIGANG;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** seed 001, annex: 西岗区街道办事处居住小区管理工作考核标准, rows 1–18 and their time nodes. */
class XigangStreetTests {

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    /** Every deadline of the year met on its day, so a test only sees the facts it adds. */
    private static List<Fact> allOnTime(String... except) {
        List<Fact> facts = new ArrayList<>();
        for (Rule rule : XIGANG.rules()) {
            if (rule instanceof Milestone m && !Arrays.asList(except).contains(m.code())) {
                m.dueDates().forEach(due -> facts.add(Fact.submitted(m.code(), due, due)));
            }
        }
        return facts;
    }

    private static Evaluation evaluate(List<Fact> base, Fact... facts) {
        List<Fact> all = new ArrayList<>(base);
        all.addAll(Arrays.asList(facts));
        return Evaluator.evaluate(XIGANG, END_OF_2020, all);
    }

    private static Evaluation onTimeAnd(Fact... facts) {
        return evaluate(allOnTime(), facts);
    }

    @Test
    void scoresNinetyWhenEveryDeadlineIsMetAndNothingIsEarned() {
        Evaluation result = onTimeAnd();

        // rows 6.3 and 13 start at 0 and earn up to 5 each
        assertThat(result.total()).isEqualByComparingTo("90");
        assertThat(result.item("6.3").score()).isEqualByComparingTo("0");
        assertThat(result.item("13").score()).isEqualByComparingTo("0");
        assertThat(result.grade()).isNull();
        assertThat(result.passed()).isTrue();
        assertThat(result.warnings()).isEmpty();
    }

    @ParameterizedTest(name = "node {0} due {1}: late → {2}, missing → {3}")
    @CsvSource({
            "1,     2020-09-15, 1, 0",   // 9月15日后报送扣2分，未报送扣3分
            "2.1,   2020-06-15, 1, 0",   // 扣1分，未报送扣2分
            "2.2,   2020-09-15, 1, 0",   // 扣1分，未报送扣除2分
            "6.1,   2020-06-15, 1, 0",
            "6.2,   2020-12-10, 1, 0",   // the column's 2 points win over the prose's 满分3分
            "8,     2020-12-10, 1, 0",   // 未报送扣除全部分数
            "14,    2020-05-15, 1, 0",
            "16.1,  2020-05-06, 0, 0",   // no missing penalty stated: missing counts as late (1 of 1)
            "16.2,  2020-09-15, 0, 0",
            "17.1,  2020-06-15, 1, 0",
            "17.2,  2020-12-15, 1, 0",
    })
    void deductsLateAndMissingSubmissionsOfSingleDeadlineNodes(String node, LocalDate due, String late,
            String missing) {
        Evaluation lateResult = evaluate(allOnTime(node), Fact.submitted(node, due, due.plusDays(3)));
        Evaluation missingResult = evaluate(allOnTime(node));

        assertThat(lateResult.item(node).score()).isEqualByComparingTo(late);
        assertThat(lateResult.item(node).lines().get(0).reason()).contains("逾期 3 天");
        assertThat(missingResult.item(node).score()).isEqualByComparingTo(missing);
        assertThat(missingResult.item(node).lines().get(0).reason()).contains("未报送");
    }

    @Test
    void row1DeductsTwoWhenLateAndThreeWhenMissing() {
        Evaluation late = evaluate(allOnTime("1"), Fact.submitted("1", d("2020-09-15"), d("2020-09-16")));
        Evaluation missing = evaluate(allOnTime("1"));

        assertThat(late.item("1").lines().get(0).points()).isEqualByComparingTo("-2");
        assertThat(missing.item("1").lines().get(0).points()).isEqualByComparingTo("-3");
    }

    @Test
    void row2NodeOfDecember10ForfeitsAllFivePointsWhenMissingAndCountsLapsedCommittees() {
        Evaluation missing = evaluate(allOnTime("2.3.a"));
        Evaluation lateWithTwoLapsed = evaluate(allOnTime("2.3.a"),
                Fact.submitted("2.3.a", d("2020-12-10"), d("2020-12-11")), Fact.occurrences("2.3.b", 2));

        assertThat(missing.item("2.3").score()).isEqualByComparingTo("0");
        assertThat(missing.item("2.3").lines().get(0).reason()).contains("扣除本项全部 5 分");
        assertThat(lateWithTwoLapsed.item("2.3").score()).isEqualByComparingTo("2");
    }

    @Test
    void row3DeductsPerUnguidedHandoverAndPerUncoordinatedProject() {
        Evaluation result = onTimeAnd(Fact.holds("3.a"), Fact.occurrences("3.b", 2));

        assertThat(result.item("3").score()).isEqualByComparingTo("4");
        assertThat(result.item("3").lines("3.b").get(0).reason()).isEqualTo(
                "未协调解决无新物业项目的环境卫生和应急管理 2 个项目 × 2 分 = 4 分");
    }

    @ParameterizedTest(name = "unsatisfactory-rate rank {0} from the worst → {1}")
    @CsvSource({"1, 7", "2, 8", "3, 9", "4, 10", "5, 10"})
    void row3DeductsByUnsatisfactoryRateRankCountedFromTheWorst(int rank, String score) {
        Evaluation result = onTimeAnd(Fact.ranked("3.c", rank));

        assertThat(result.item("3").score()).isEqualByComparingTo(score);
    }

    @Test
    void row3ExplainsTheRankDeduction() {
        Evaluation result = onTimeAnd(Fact.ranked("3.c", 1));

        assertThat(result.item("3").lines().get(0).reason()).isEqualTo("业主满意度调查不合格率排名倒数第 1 名，扣 3 分");
    }

    @Test
    void row4ExpandsTheQuarterlyLedgerDeadlineAndTreatsEachQuarterOnItsOwn() {
        LocalDate endOfQ3 = d("2020-09-30");
        List<Fact> facts = new ArrayList<>(allOnTime("4.a"));
        facts.removeIf(f -> f.due() != null && f.due().isAfter(endOfQ3));
        facts.add(Fact.submitted("4.a", d("2020-09-20"), d("2020-09-25")));

        Evaluation result = Evaluator.evaluate(XIGANG, endOfQ3, facts);

        // Q2 (6月20日) missing −2, Q3 (9月20日) late −1, Q4 (12月20日) not due yet
        assertThat(result.item("4").score()).isEqualByComparingTo("5");
        assertThat(result.item("4").lines()).extracting(Evaluation.ScoreLine::points)
                .usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(new java.math.BigDecimal("-2"), new java.math.BigDecimal("-1"));
        assertThat(result.warnings(Warning.MILESTONE_PENDING)).extracting(Warning::item).contains("4", "5");
    }

    @Test
    void row4DeductsForPatrolFrequencyAndEachUnreportedHazard() {
        Evaluation result = onTimeAnd(Fact.holds("4.b"), Fact.occurrences("4.c", 2));

        assertThat(result.item("4").score()).isEqualByComparingTo("5");
    }

    @Test
    void row5DeductsLateQuarterlyReportUnsignedMaterialsAndLaxReview() {
        List<Fact> facts = allOnTime("5.a");
        facts.add(Fact.submitted("5.a", d("2020-06-20"), d("2020-06-20")));
        facts.add(Fact.submitted("5.a", d("2020-09-20"), d("2020-09-20")));
        facts.add(Fact.submitted("5.a", d("2020-12-20"), d("2020-12-28")));

        Evaluation result = evaluate(facts, Fact.occurrences("5.b", 3), Fact.holds("5.c"));

        assertThat(result.item("5").score()).isEqualByComparingTo("4");
    }

    @ParameterizedTest(name = "pushed back {0}, resolved {1} → {2}")
    @CsvSource({
            "0,  30, 3",     // 化解的每件0.1分
            "0,  60, 5",     // 最高5分
            "5,  10, 0",     // 1 − 1
            "3,  0,  0",     // starts at 0: cannot go below
            "10, 40, 2",     // 4 − 2
            "40, 80, 0",     // −5 (capped) + 5 (capped)
    })
    void row6ComplaintsStartAtZeroEarnPerResolvedAndLosePerPushedBack(int pushedBack, int resolved,
            String score) {
        List<Fact> facts = new ArrayList<>(allOnTime());
        if (pushedBack > 0) {
            facts.add(Fact.occurrences("6.3.a", pushedBack));
        }
        if (resolved > 0) {
            facts.add(Fact.occurrences("6.3.b", resolved));
        }

        Evaluation result = Evaluator.evaluate(XIGANG, END_OF_2020, facts);

        assertThat(result.item("6.3").score()).isEqualByComparingTo(score);
    }

    @Test
    void row6CapsPushedBackComplaintsAtFivePointsAndSaysSo() {
        Evaluation result = onTimeAnd(Fact.occurrences("6.3.a", 30), Fact.occurrences("6.3.b", 60));

        assertThat(result.item("6.3").lines("6.3.a").get(0).reason())
                .isEqualTo("投诉件不经调处直接退回 30 件 × 0.2 分 = 6 分，最高扣 5 分");
        assertThat(result.item("6.3").lines("6.3.b").get(0).reason())
                .isEqualTo("街道化解投诉件 60 件 × 0.1 分 = 6 分（加分），最高加 5 分");
    }

    @Test
    void row7FirstNodeDeductsEachMissingPlanItem() {
        assertThat(onTimeAnd(Fact.holds("7.1.a")).item("7.1").score()).isEqualByComparingTo("1.5");
        assertThat(onTimeAnd(Fact.holds("7.1.b")).item("7.1").score()).isEqualByComparingTo("1.5");
        assertThat(onTimeAnd(Fact.holds("7.1.c")).item("7.1").score()).isEqualByComparingTo("1");
        assertThat(onTimeAnd(Fact.holds("7.1.a"), Fact.holds("7.1.b"), Fact.holds("7.1.c")).item("7.1").score())
                .isEqualByComparingTo("0");
    }

    @Test
    void row7LaterNodesDeductOnePointPerLateSummaryUpToTheirCaps() {
        Evaluation result = onTimeAnd(Fact.occurrences("7.2", 1), Fact.occurrences("7.3", 4),
                Fact.occurrences("7.4", 2));

        assertThat(result.item("7.2").score()).isEqualByComparingTo("1");
        assertThat(result.item("7.3").score()).isEqualByComparingTo("0");
        assertThat(result.item("7.3").lines().get(0).points()).isEqualByComparingTo("-3");
        assertThat(result.item("7.4").score()).isEqualByComparingTo("1");
    }

    @Test
    void row8ForfeitsBothPointsWhenTheSummaryIsMissing() {
        Evaluation result = evaluate(allOnTime("8"));

        assertThat(result.item("8").score()).isEqualByComparingTo("0");
        assertThat(result.item("8").lines().get(0).points()).isEqualByComparingTo("-2");
    }

    @Test
    void row9DeductsHalfAPointPerProject() {
        assertThat(onTimeAnd(Fact.occurrences("9", 3)).item("9").score()).isEqualByComparingTo("2.5");
    }

    @Test
    void row10DeductsPerProjectForStreetAndForCommunityOrCommittee() {
        Evaluation result = onTimeAnd(Fact.occurrences("10.a", 2), Fact.holds("10.b"));

        assertThat(result.item("10").score()).isEqualByComparingTo("2.5");
    }

    @Test
    void row11DeductsOnePointPerUnsupervisedDisclosure() {
        assertThat(onTimeAnd(Fact.occurrences("11", 2)).item("11").score()).isEqualByComparingTo("3");
    }

    @Test
    void row12UsesTwoPointsForTheClauseThatLostItsNumberAndCapsCommunitiesAtTwo() {
        assertThat(onTimeAnd(Fact.holds("12.a")).item("12").score()).isEqualByComparingTo("4");
        assertThat(onTimeAnd(Fact.holds("12.b")).item("12").score()).isEqualByComparingTo("4");
        assertThat(onTimeAnd(Fact.holds("12.c")).item("12").score()).isEqualByComparingTo("4");
        assertThat(onTimeAnd(Fact.occurrences("12.d", 1)).item("12").score()).isEqualByComparingTo("5");
        assertThat(onTimeAnd(Fact.occurrences("12.d", 3)).item("12").score()).isEqualByComparingTo("4");
        assertThat(onTimeAnd(Fact.holds("12.a"), Fact.holds("12.b"), Fact.holds("12.c"), Fact.occurrences("12.d", 2))
                .item("12").score()).isEqualByComparingTo("0");
    }

    @Test
    void row13EarnsBonusPointsUpToItsMaxOfFive() {
        assertThat(onTimeAnd(Fact.holds("13.a")).item("13").score()).isEqualByComparingTo("2");
        assertThat(onTimeAnd(Fact.holds("13.b")).item("13").score()).isEqualByComparingTo("2");
        Evaluation many = onTimeAnd(Fact.occurrences("13.a", 2), Fact.holds("13.b"));
        assertThat(many.item("13").score()).isEqualByComparingTo("5");
        assertThat(many.warnings(Warning.ITEM_CLAMPED)).extracting(Warning::item).containsExactly("13");
        assertThat(many.total()).isEqualByComparingTo("95");
    }

    @Test
    void row15TreatsAMissingReportAsLateAndCapsUnfinishedBuildingsAtOnePoint() {
        assertThat(evaluate(allOnTime("15.a")).item("15").score()).isEqualByComparingTo("1");
        assertThat(onTimeAnd(Fact.occurrences("15.b", 3)).item("15").score()).isEqualByComparingTo("1.4");
        assertThat(onTimeAnd(Fact.occurrences("15.b", 10)).item("15").score()).isEqualByComparingTo("1");
    }

    @Test
    void row16DeductsHalfAPointPerUnrecordedBreachUpToThree() {
        assertThat(onTimeAnd(Fact.occurrences("16.3", 2)).item("16.3").score()).isEqualByComparingTo("2");
        assertThat(onTimeAnd(Fact.occurrences("16.3", 8)).item("16.3").lines().get(0).points())
                .isEqualByComparingTo("-3");
    }

    @Test
    void row18DeductsHalfAPointPerCriticisedEstateUpToTwo() {
        assertThat(onTimeAnd(Fact.occurrences("18", 2)).item("18").score()).isEqualByComparingTo("1");
        assertThat(onTimeAnd(Fact.occurrences("18", 6)).item("18").score()).isEqualByComparingTo("0");
    }

    @Test
    void keyWorkAndBasicWorkAddUpToTheTotal() {
        Evaluation result = onTimeAnd(Fact.occurrences("18", 2), Fact.holds("4.b"));

        assertThat(result.total()).isEqualByComparingTo("88");
    }
}
