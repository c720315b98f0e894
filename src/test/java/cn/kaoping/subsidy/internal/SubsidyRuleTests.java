package cn.kaoping.subsidy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kaoping.subsidy.internal.SubsidyRule.Flag;
import cn.kaoping.subsidy.internal.SubsidyRule.Result;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The arithmetic of seed 004 §七(二) at its grade and date boundaries (half-year 2111-H1 = Jan–Jun 2111). */
class SubsidyRuleTests {

    private static final LocalDate H1_START = LocalDate.of(2111, 1, 1);
    private static final LocalDate H1_END = LocalDate.of(2111, 6, 30);

    private static Result h1(String grade, String area, LocalDate entry) {
        return SubsidyRule.compute(grade, SubsidyRule.rateOf(grade, SubsidyRule.DEFAULT_RATES),
                area == null ? null : new BigDecimal(area), entry, H1_START, H1_END);
    }

    private static List<YearMonth> months(int from, int to) {
        return java.util.stream.IntStream.rangeClosed(from, to).mapToObj(m -> YearMonth.of(2111, m)).toList();
    }

    @Test
    void aWholeHalfYearInsideTheWindowPaysSixMonthsAtTheGradesRate() {
        Result r = h1("EXCELLENT", "10000.00", LocalDate.of(2110, 3, 1));
        assertThat(r.months()).isEqualTo(months(1, 6));
        assertThat(r.amount()).isEqualByComparingTo("18000.00"); // 0.30 × 10000 × 6
        assertThat(h1("GOOD", "10000.00", LocalDate.of(2110, 3, 1)).amount()).isEqualByComparingTo("12000.00");
        assertThat(h1("QUALIFIED", "10000.00", LocalDate.of(2110, 3, 1)).amount()).isEqualByComparingTo("9000.00");
    }

    @Test
    void anEntryOnTheFirstOfAMonthCountsThatMonth() {
        Result r = h1("EXCELLENT", "1000.00", LocalDate.of(2111, 4, 1));
        assertThat(r.months()).isEqualTo(months(4, 6));
        assertThat(r.amount()).isEqualByComparingTo("900.00");
    }

    @Test
    void anEntryMidHalfYearStartsWithTheFirstWholeMonthAfterIt() {
        Result second = h1("EXCELLENT", "1000.00", LocalDate.of(2111, 4, 2));
        assertThat(second.months()).isEqualTo(months(5, 6));
        assertThat(second.amount()).isEqualByComparingTo("600.00");
        assertThat(h1("EXCELLENT", "1000.00", LocalDate.of(2111, 3, 31)).months()).isEqualTo(months(4, 6));
    }

    @Test
    void anEntryAfterTheHalfYearPaysNothing() {
        Result r = h1("EXCELLENT", "1000.00", LocalDate.of(2111, 7, 1));
        assertThat(r.months()).isEmpty();
        assertThat(r.amount()).isEqualByComparingTo("0.00");
        assertThat(r.payable()).isTrue();
    }

    @Test
    void aWindowEndingMidHalfYearPaysOnlyTheWholeMonthsBeforeItsEnd() {
        // entered 2108-03-15: window 2108-03-15 … 2111-03-14, so March 2111 is not whole → Jan, Feb
        Result mid = h1("GOOD", "500.00", LocalDate.of(2108, 3, 15));
        assertThat(mid.windowEnd()).isEqualTo(LocalDate.of(2111, 3, 14));
        assertThat(mid.months()).isEqualTo(months(1, 2));
        assertThat(mid.amount()).isEqualByComparingTo("200.00");
        // entered 2108-04-01: window ends 2111-03-31, March is whole → Jan–Mar
        assertThat(h1("GOOD", "500.00", LocalDate.of(2108, 4, 1)).months()).isEqualTo(months(1, 3));
        // entered 2108-01-01: window ends 2110-12-31 → nothing in 2111
        assertThat(h1("GOOD", "500.00", LocalDate.of(2108, 1, 1)).months()).isEmpty();
    }

    @Test
    void aFullTermFromTheFirstOfAMonthIsThirtySixMonthsAndFromMidMonthThirtyFive() {
        assertThat(termMonths(LocalDate.of(2111, 1, 1))).isEqualTo(36);
        assertThat(termMonths(LocalDate.of(2111, 1, 15))).isEqualTo(35);
    }

    private static int termMonths(LocalDate entry) {
        int n = 0;
        for (int y = 2111; y <= 2115; y++) {
            n += SubsidyRule.paidMonths(entry, LocalDate.of(y, 1, 1), LocalDate.of(y, 6, 30)).size();
            n += SubsidyRule.paidMonths(entry, LocalDate.of(y, 7, 1), LocalDate.of(y, 12, 31)).size();
        }
        return n;
    }

    @Test
    void anAreaWithDecimalsIsExactAndRoundedToTheFenHalfUpOnlyOnceAtTheEnd() {
        // 0.15 × 33.30 × 1 = 4.995 → 5.00 (HALF_UP)
        Result half = h1("QUALIFIED", "33.30", LocalDate.of(2111, 6, 1));
        assertThat(half.exact()).isEqualByComparingTo("4.995");
        assertThat(half.amount()).isEqualByComparingTo("5.00");
        // 0.15 × 12345.67 × 6 = 11111.103 → 11111.10; per-month rounding would have given 6 × 1851.85 = 11111.10
        Result six = h1("QUALIFIED", "12345.67", LocalDate.of(2110, 1, 1));
        assertThat(six.exact()).isEqualByComparingTo("11111.103");
        assertThat(six.amount()).isEqualByComparingTo("11111.10");
        // 0.15 × 100.03 × 3 = 45.0135 → 45.01
        assertThat(h1("QUALIFIED", "100.03", LocalDate.of(2111, 4, 1)).amount()).isEqualByComparingTo("45.01");
        assertThat(half.amount().scale()).isEqualTo(2);
    }

    @Test
    void anEstateWithoutACompanyIsFlaggedAndPaysNothingWhateverItsGrade() {
        Result r = SubsidyRule.withoutCompany(h1("EXCELLENT", "1000.00", LocalDate.of(2110, 3, 1)));
        assertThat(r.flag()).isEqualTo(Flag.NO_COMPANY);
        assertThat(r.payable()).isFalse();
        assertThat(r.amount()).isNull();
        assertThat(r.months()).isEmpty();
    }

    @Test
    void gradeUnqualifiedIsPayableButZero() {
        Result r = h1("UNQUALIFIED", "9999.99", LocalDate.of(2110, 1, 1));
        assertThat(r.payable()).isTrue();
        assertThat(r.months()).hasSize(6);
        assertThat(r.amount()).isEqualByComparingTo("0.00");
    }

    @Test
    void noEntryDateFlagsTheLineAndLeavesItUnpaidUntilADateIsGiven() {
        Result r = h1("EXCELLENT", "1000.00", null);
        assertThat(r.payable()).isFalse();
        assertThat(r.flag()).isEqualTo(Flag.NO_ENTRY_DATE);
        assertThat(r.amount()).isNull();
        assertThat(h1(null, "1000.00", LocalDate.of(2110, 1, 1)).flag()).isEqualTo(Flag.NO_GRADE);
    }

    @Test
    void theDistrictTotalIsTheSumOfRoundedLinesAndLeavesFlaggedLinesOut() {
        List<Result> lines = List.of(h1("QUALIFIED", "33.30", LocalDate.of(2111, 6, 1)),
                h1("QUALIFIED", "33.30", LocalDate.of(2111, 6, 1)), h1("EXCELLENT", "1000.00", null));
        assertThat(SubsidyRule.total(lines)).isEqualByComparingTo("10.00"); // not round(9.99)
    }

    @Test
    void moreThanTwoDecimalsOrANegativeAreaIsRefused() {
        assertThatThrownBy(() -> h1("GOOD", "10.005", LocalDate.of(2110, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> h1("GOOD", "-1.00", LocalDate.of(2110, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLeapDayEntryEndsTheWindowOnTheTwentySeventhOfFebruary() {
        assertThat(SubsidyRule.windowEnd(LocalDate.of(2112, 2, 29))).isEqualTo(LocalDate.of(2115, 2, 27));
    }
}
