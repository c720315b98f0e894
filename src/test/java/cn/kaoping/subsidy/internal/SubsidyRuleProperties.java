package cn.kaoping.subsidy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

/** Properties of the subsidy arithmetic over any grade, area, entry date and half-year of 2111–2120. */
class SubsidyRuleProperties {

    @Provide
    Arbitrary<String> grades() {
        return Arbitraries.of("EXCELLENT", "GOOD", "QUALIFIED", "UNQUALIFIED");
    }

    @Provide
    Arbitrary<LocalDate> entries() {
        return Arbitraries.integers().between(0, 365 * 14).map(d -> LocalDate.of(2107, 1, 1).plusDays(d));
    }

    private static SubsidyRule.Result line(String grade, BigDecimal area, LocalDate entry, int year, boolean h1) {
        LocalDate start = LocalDate.of(year, h1 ? 1 : 7, 1);
        LocalDate end = h1 ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
        return SubsidyRule.compute(grade, SubsidyRule.rateOf(grade, SubsidyRule.DEFAULT_RATES), area, entry, start,
                end);
    }

    @Property
    void anAmountIsNeverNegativeAndMonthsStayWithinZeroToSix(
            @ForAll("grades") String grade, @ForAll @BigRange(min = "0", max = "500000") @Scale(2) BigDecimal area,
            @ForAll("entries") LocalDate entry, @ForAll @IntRange(min = 2111, max = 2120) int year,
            @ForAll boolean h1) {
        SubsidyRule.Result r = line(grade, area, entry, year, h1);
        assertThat(r.amount()).isNotNegative();
        assertThat(r.amount().scale()).isEqualTo(2);
        assertThat(r.months().size()).isBetween(0, 6);
        assertThat(r.months()).allMatch(m -> !m.atDay(1).isBefore(entry)
                && !m.atEndOfMonth().isAfter(SubsidyRule.windowEnd(entry)));
    }

    @Property
    void moreAreaNeverGivesLessMoney(
            @ForAll("grades") String grade, @ForAll @BigRange(min = "0", max = "500000") @Scale(2) BigDecimal area,
            @ForAll @BigRange(min = "0", max = "1000") @Scale(2) BigDecimal more, @ForAll("entries") LocalDate entry,
            @ForAll @IntRange(min = 2111, max = 2120) int year, @ForAll boolean h1) {
        assertThat(line(grade, area.add(more), entry, year, h1).amount())
                .isGreaterThanOrEqualTo(line(grade, area, entry, year, h1).amount());
    }

    @Property
    void aBetterGradeNeverGivesLessMoney(
            @ForAll @BigRange(min = "0", max = "500000") @Scale(2) BigDecimal area, @ForAll("entries") LocalDate entry,
            @ForAll @IntRange(min = 2111, max = 2120) int year, @ForAll boolean h1) {
        BigDecimal excellent = line("EXCELLENT", area, entry, year, h1).amount();
        BigDecimal good = line("GOOD", area, entry, year, h1).amount();
        BigDecimal qualified = line("QUALIFIED", area, entry, year, h1).amount();
        assertThat(excellent).isGreaterThanOrEqualTo(good);
        assertThat(good).isGreaterThanOrEqualTo(qualified);
        assertThat(line("UNQUALIFIED", area, entry, year, h1).amount()).isZero();
    }

    @Property
    void theWholeTermNeverPaysMoreThanThirtySixMonths(@ForAll("entries") LocalDate entry) {
        int n = 0;
        for (int y = 2106; y <= 2125; y++) {
            n += SubsidyRule.paidMonths(entry, LocalDate.of(y, 1, 1), LocalDate.of(y, 6, 30)).size();
            n += SubsidyRule.paidMonths(entry, LocalDate.of(y, 7, 1), LocalDate.of(y, 12, 31)).size();
        }
        assertThat(n).isEqualTo(entry.getDayOfMonth() == 1 ? 36 : 35);
    }
}
