package cn.kaoping.scheme.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Shenyang's 报送季度报表 (professional row 16, basic row 13: 每季度最后一个月25日前) belongs to each round's own quarter,
 * and a complaint-resolution rate with no complaint scores in full (issue 19).
 */
class PeriodDeadlineTests {

    private static final Scheme PROFESSIONAL = BuiltInSchemes.load("shenyang-professional");
    private static final Scheme BASIC = BuiltInSchemes.load("shenyang-basic");

    @Property(tries = 200)
    void aBlankInspectionScores100BeforeItsQuarterlyReportIsDueAndLoses3OnlyForItsOwnQuarterAfter(
            @ForAll @IntRange(min = 2000, max = 2999) int year, @ForAll @IntRange(min = 1, max = 4) int quarter,
            @ForAll @IntRange(min = 0, max = 88) int dayInQuarter) {
        Window window = quarter(year, quarter);
        LocalDate due = YearMonth.from(window.to()).atDay(25);
        LocalDate asOf = window.from().plusDays(dayInQuarter);

        Evaluation ev = Evaluator.evaluate(PROFESSIONAL, window, asOf, List.of());
        if (!asOf.isAfter(due)) {
            assertThat(ev.total()).isEqualByComparingTo("100");
            assertThat(ev.warnings()).anyMatch(w -> w.code().equals(Warning.MILESTONE_PENDING)
                    && w.message().contains(due.toString()));
        } else {
            assertThat(ev.total()).isEqualByComparingTo("97");
            assertThat(ev.items()).filteredOn(i -> i.code().equals("16")).singleElement()
                    .satisfies(i -> assertThat(i.lines()).singleElement()
                            .satisfies(l -> assertThat(l.reason()).contains("截止 " + due).contains("未报送")));
        }
    }

    @Test
    void theBasicTableLosesOnlyItsOwnQuartersReportAtTheEndOfTheQuarter() {
        Window q4 = quarter(2026, 4);
        Evaluation ev = Evaluator.evaluate(BASIC, q4, q4.to(), List.of());
        // basic row 13 is worth 4: 未报送扣除全部分数
        assertThat(ev.total()).isEqualByComparingTo("96");
        assertThat(ev.items().stream().flatMap(i -> i.lines().stream()).filter(l -> l.rule().equals("13")))
                .singleElement().satisfies(l -> assertThat(l.reason()).contains("2026-12-25"));
    }

    @Test
    void aReportOnTimeKeepsTheItemAndALateOneLosesOnePoint() {
        Window q2 = quarter(2031, 2);
        LocalDate due = LocalDate.of(2031, 6, 25);
        assertThat(Evaluator.evaluate(PROFESSIONAL, q2, q2.to(),
                List.of(Fact.submitted("16", null, due))).total()).isEqualByComparingTo("100");
        assertThat(Evaluator.evaluate(PROFESSIONAL, q2, q2.to(),
                List.of(Fact.submitted("16", due, due.plusDays(3)))).total()).isEqualByComparingTo("99");
    }

    @Test
    void aDeadlineOfAnotherPeriodIsRefusedNamingThisPeriodsDeadline() {
        Window q1 = quarter(2026, 1);
        assertThatThrownBy(() -> Evaluator.evaluate(PROFESSIONAL, q1, q1.to(),
                List.of(Fact.submitted("16", LocalDate.of(2025, 3, 25), LocalDate.of(2025, 3, 20)))))
                .isInstanceOf(InvalidFactsException.class).hasMessageContaining("2026-03-25");
    }

    @Test
    void aHalfYearHasTwoQuarterlyDeadlinesAndAFixedDeadlineOutsideTheWindowIsNotScored() {
        Milestone relative = Milestone.relative("1", "季度报表", Milestone.Repeat.QUARTERLY, 25, new BigDecimal("-1"),
                null, true);
        assertThat(relative.dueDates(new Window(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30))))
                .containsExactly(LocalDate.of(2026, 3, 25), LocalDate.of(2026, 6, 25));
        Milestone monthly = Milestone.relative("2", "月报", Milestone.Repeat.MONTHLY, 31, new BigDecimal("-1"), null,
                false);
        assertThat(monthly.dueDates(new Window(LocalDate.of(2028, 2, 1), LocalDate.of(2028, 2, 29))))
                .as("day 31 of February is its last day").containsExactly(LocalDate.of(2028, 2, 29));
        Milestone fixed = new Milestone("3", "年报", LocalDate.of(2025, 3, 25), Milestone.Repeat.QUARTERLY,
                LocalDate.of(2025, 12, 31), new BigDecimal("-1"), null, false);
        assertThat(fixed.dueDates(quarter(2026, 4))).isEmpty();
        assertThat(fixed.dueDates(quarter(2025, 4))).containsExactly(LocalDate.of(2025, 12, 25));
    }

    @Test
    void noComplaintInTheQuarterScoresTheFullSevenWithALineSayingWhy() {
        Window q3 = quarter(2030, 3);
        Evaluation ev = Evaluator.evaluate(PROFESSIONAL, q3, q3.from(), List.of());
        assertThat(ev.items()).filteredOn(i -> i.code().equals("11")).singleElement().satisfies(i -> {
            assertThat(i.score()).isEqualByComparingTo("7");
            assertThat(i.lines()).singleElement().satisfies(l -> assertThat(l.reason()).contains("无有效投诉"));
        });
        assertThat(Evaluator.evaluate(PROFESSIONAL, q3, q3.from(), List.of(Fact.value("11", new BigDecimal("0.85"))))
                .total()).isEqualByComparingTo("96");
    }

    @Test
    void aSampledMeasureWithoutItsSurveyStillScoresNothing() {
        Scheme erqi = BuiltInSchemes.load("erqi-old-estate");
        Evaluation ev = Evaluator.evaluate(erqi, LocalDate.of(2026, 6, 30), List.of());
        assertThat(ev.total()).isEqualByComparingTo("90");
        assertThat(ev.warnings()).anyMatch(w -> w.code().equals(Warning.MEASURE_MISSING));
    }

    @Test
    void eachBuiltInSchemeSaysWhatItAssessesAndTheNewVersionsRoundTripThroughYaml() {
        assertThat(BuiltInSchemes.load().stream().map(s -> s.code() + ":" + s.assesses()))
                .containsExactly("erqi-old-estate:ESTATE", "xigang-street-2020:STREET_OFFICE",
                        "hangzhou-reeval-2018:HONOUR", "shenyang-professional:ESTATE", "shenyang-basic:ESTATE");
        for (String code : List.of("shenyang-professional", "shenyang-basic")) {
            assertThat(BuiltInSchemes.versions(code)).extracting(Scheme::version).containsExactly(1, 2);
            Scheme latest = BuiltInSchemes.load(code);
            assertThat(SchemeYaml.read("x", SchemeYaml.write(latest))).isEqualTo(latest);
        }
    }

    private static Window quarter(int year, int q) {
        YearMonth first = YearMonth.of(year, (q - 1) * 3 + 1);
        return new Window(first.atDay(1), first.plusMonths(2).atEndOfMonth());
    }
}
