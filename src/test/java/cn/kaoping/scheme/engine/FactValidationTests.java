package cn.kaoping.scheme.engine;

import static cn.kaoping.scheme.engine.SchemeFixture.END_OF_2020;
import static cn.kaoping.scheme.engine.SchemeFixture.ERQI;
import static cn.kaoping.scheme.engine.SchemeFixture.HANGZHOU;
import static cn.kaoping.scheme.engine.SchemeFixture.XIGANG;
import static cn.kaoping.scheme.engine.SchemeFixture.dec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FactValidationTests {

    private static List<FactProblem> problems(Scheme scheme, Fact... facts) {
        InvalidFactsException e = catchThrowableOfType(InvalidFactsException.class,
                () -> Evaluator.evaluate(scheme, END_OF_2020, Arrays.asList(facts)));
        assertThat(e).as("expected the facts to be rejected").isNotNull();
        return e.problems();
    }

    @Test
    void listsEveryBadFactWithItsIndexRuleAndAChineseMessage() {
        List<FactProblem> problems = problems(ERQI,
                Fact.occurrences("10.a", 2),
                Fact.occurrences("99.z", 1),
                Fact.occurrences("10.a", -1),
                Fact.measured("20", dec("1.2"), dec("0.2")));

        assertThat(problems).extracting(FactProblem::index, FactProblem::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "99.z"),
                org.assertj.core.groups.Tuple.tuple(2, "10.a"),
                org.assertj.core.groups.Tuple.tuple(3, "20"));
        assertThat(problems.get(0).message()).isEqualTo("未知的规则编号 “99.z”");
        assertThat(problems.get(1).message()).contains("不能为负数");
        assertThat(problems.get(2).message()).contains("0 到 1");
    }

    @Test
    void rejectsASampleRateOutsideZeroToOne() {
        assertThat(problems(ERQI, Fact.measured("20", dec("0.8"), dec("-0.1"))))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("样本比例"));
    }

    @Test
    void rejectsASatisfactionMeasureWithoutTheSampleTheRuleNeeds() {
        assertThat(problems(ERQI, Fact.value("20", dec("0.8"))))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("10%").contains("sample"));
    }

    @Test
    void rejectsFieldsThatDoNotFitTheRuleKind() {
        List<FactProblem> problems = problems(ERQI, Fact.value("10.a", dec("0.5")), Fact.ranked("1.a", 1),
                Fact.occurrences("20", 3));

        assertThat(problems).extracting(FactProblem::message).containsExactly(
                "按次计分规则不接受字段 value",
                "条件规则不接受字段 rank",
                "分档规则不接受字段 count",
                "分档规则需要测量值 value",
                "该规则要求样本比例不少于 10%，需要提供 sample");
    }

    @Test
    void rejectsAConditionCountedMoreThanOnce() {
        assertThat(problems(ERQI, Fact.occurrences("1.a", 2))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("0 或 1"));
    }

    @Test
    void rejectsAMilestoneFactWithoutASubmissionDateOrWithAWrongDeadline() {
        List<FactProblem> problems = problems(XIGANG, Fact.holds("2.1"),
                Fact.submitted("2.1", LocalDate.of(2020, 6, 16), LocalDate.of(2020, 6, 10)));

        assertThat(problems).extracting(FactProblem::index).containsExactly(0, 1);
        assertThat(problems.get(0).message()).contains("date");
        assertThat(problems.get(1).message()).contains("2020-06-16").contains("2020-06-15");
    }

    @Test
    void rejectsARankBelowOne() {
        assertThat(problems(XIGANG, Fact.ranked("3.c", 0))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("rank"));
    }

    @Test
    void rejectsTwoFactsForTheSameMeasuredRuleOrDeadline() {
        List<FactProblem> problems = problems(XIGANG,
                Fact.submitted("2.1", null, LocalDate.of(2020, 6, 1)),
                Fact.submitted("2.1", LocalDate.of(2020, 6, 15), LocalDate.of(2020, 6, 20)),
                Fact.ranked("3.c", 1), Fact.ranked("3.c", 2));

        assertThat(problems).extracting(FactProblem::index).containsExactly(1, 3);
    }

    @Test
    void addsUpRepeatedOccurrenceFactsInsteadOfRejectingThem() {
        Evaluation result = Evaluator.evaluate(ERQI, END_OF_2020,
                List.of(Fact.occurrences("10.a", 2), Fact.occurrences("10.a", 3)));

        assertThat(result.item("10").score()).isEqualByComparingTo("7.5");
    }

    @Test
    void rejectsPartScoresOutsideZeroToHundredAndImpossibleSurveyCounts() {
        List<FactProblem> problems = problems(HANGZHOU, Fact.value("expert", dec("120")),
                Fact.survey("owner-satisfaction", 500, 300, 700), Fact.holds("committee"));

        assertThat(problems).extracting(FactProblem::rule).containsExactly("expert", "owner-satisfaction",
                "committee");
        assertThat(problems.get(0).message()).contains("0 到 100");
        assertThat(problems.get(1).message()).contains("不能超过业主总人数");
    }

    @Test
    void rejectsAFactWithoutARuleCode() {
        assertThat(problems(ERQI, Fact.holds(" "))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("缺少规则编号"));
    }

    @Test
    void theExceptionMessageNamesEveryFact() {
        InvalidFactsException e = catchThrowableOfType(InvalidFactsException.class,
                () -> Evaluator.evaluate(ERQI, END_OF_2020, List.of(Fact.holds("x"), Fact.holds("y"))));

        assertThat(e.getMessage()).contains("facts[0] (x)").contains("facts[1] (y)");
    }
}
