package cn.kaoping.scheme.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kaoping.scheme.engine.Item.Mode;
import cn.kaoping.scheme.engine.Milestone.Repeat;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC rule 3: on time → 0, late → −a, missing after the deadline → −b or all, before it pending. */
class MilestoneTests {

    private static final LocalDate DUE = LocalDate.of(2020, 9, 15);

    private static Scheme scheme(Milestone milestone) {
        Item item = new Item("1", "报送材料", "基本工作", null, new BigDecimal("5"), Mode.DEDUCT, "test", "test",
                List.of(milestone));
        return new Scheme("test", 1, "test", null, new BigDecimal("5"), null, null, null, List.of(item), null, null);
    }

    private static final Scheme SINGLE = scheme(new Milestone("1", "报送材料", DUE, null, null,
            new BigDecimal("-2"), new BigDecimal("-3"), false));

    private static Evaluation evaluate(Scheme scheme, LocalDate asOf, Fact... facts) {
        return Evaluator.evaluate(scheme, asOf, List.of(facts));
    }

    @Test
    void submissionOnTheDueDateIsOnTime() {
        Evaluation result = evaluate(SINGLE, DUE.plusMonths(3), Fact.submitted("1", null, DUE));

        assertThat(result.item("1").score()).isEqualByComparingTo("5");
        assertThat(result.item("1").lines().get(0).reason()).contains("按时");
    }

    @Test
    void submissionAfterTheDueDateIsLate() {
        Evaluation result = evaluate(SINGLE, DUE.plusMonths(3), Fact.submitted("1", DUE, DUE.plusDays(1)));

        assertThat(result.item("1").score()).isEqualByComparingTo("3");
        assertThat(result.item("1").lines().get(0).reason())
                .isEqualTo("报送材料：截止 2020-09-15，2020-09-16 报送，逾期 1 天，扣 2 分");
    }

    @Test
    void nothingSubmittedAndDeadlineBeforeAsOfIsMissing() {
        Evaluation result = evaluate(SINGLE, DUE.plusDays(1));

        assertThat(result.item("1").score()).isEqualByComparingTo("2");
        assertThat(result.warnings(Warning.MILESTONE_PENDING)).isEmpty();
    }

    @Test
    void nothingSubmittedBeforeTheDeadlineIsPendingNotADeduction() {
        Evaluation before = evaluate(SINGLE, DUE.minusDays(1));
        Evaluation onTheDay = evaluate(SINGLE, DUE);

        for (Evaluation result : List.of(before, onTheDay)) {
            assertThat(result.item("1").score()).isEqualByComparingTo("5");
            assertThat(result.item("1").lines()).isEmpty();
            assertThat(result.warnings(Warning.MILESTONE_PENDING)).singleElement()
                    .satisfies(w -> assertThat(w.message()).contains("暂不扣分"));
        }
    }

    @Test
    void missingWithoutAStatedPenaltyCostsTheLatePenalty() {
        Scheme scheme = scheme(new Milestone("1", "报送材料", DUE, null, null, new BigDecimal("-1"), null, false));

        assertThat(evaluate(scheme, DUE.plusDays(1)).item("1").score()).isEqualByComparingTo("4");
    }

    @Test
    void missingCanForfeitTheWholeItem() {
        Scheme scheme = scheme(new Milestone("1", "报送材料", DUE, null, null, new BigDecimal("-1"), null, true));

        assertThat(evaluate(scheme, DUE.plusDays(1)).item("1").score()).isEqualByComparingTo("0");
    }

    @Test
    void recurringMilestoneExpandsPerQuarterUntilItsEnd() {
        Milestone quarterly = new Milestone("1", "季度台账", LocalDate.of(2020, 3, 20), Repeat.QUARTERLY,
                LocalDate.of(2020, 12, 31), new BigDecimal("-1"), new BigDecimal("-2"), false);

        assertThat(quarterly.dueDates()).containsExactly(LocalDate.of(2020, 3, 20), LocalDate.of(2020, 6, 20),
                LocalDate.of(2020, 9, 20), LocalDate.of(2020, 12, 20));
    }

    @Test
    void recurringMilestoneScoresEachPeriodSeparately() {
        Scheme scheme = scheme(new Milestone("1", "季度台账", LocalDate.of(2020, 3, 20), Repeat.QUARTERLY,
                LocalDate.of(2020, 12, 31), new BigDecimal("-1"), new BigDecimal("-2"), false));

        Evaluation result = evaluate(scheme, LocalDate.of(2020, 9, 30),
                Fact.submitted("1", LocalDate.of(2020, 3, 20), LocalDate.of(2020, 3, 1)),
                Fact.submitted("1", LocalDate.of(2020, 9, 20), LocalDate.of(2020, 9, 22)));

        // Q1 on time 0, Q2 missing −2, Q3 late −1, Q4 pending
        assertThat(result.item("1").score()).isEqualByComparingTo("2");
        assertThat(result.item("1").lines()).hasSize(3);
        assertThat(result.warnings(Warning.MILESTONE_PENDING)).singleElement()
                .satisfies(w -> assertThat(w.message()).contains("2020-12-20"));
    }

    @Test
    void recurringMilestoneFactMustSayWhichPeriod() {
        Scheme scheme = scheme(new Milestone("1", "季度台账", LocalDate.of(2020, 3, 20), Repeat.QUARTERLY,
                LocalDate.of(2020, 12, 31), new BigDecimal("-1"), new BigDecimal("-2"), false));

        assertThatThrownBy(() -> evaluate(scheme, LocalDate.of(2020, 12, 31),
                Fact.submitted("1", null, LocalDate.of(2020, 3, 1))))
                .isInstanceOf(InvalidFactsException.class)
                .hasMessageContaining("due");
    }
}
