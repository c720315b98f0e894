package cn.kaoping.ranking.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.ranking.rules.PeriodAggregate.Method;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PeriodAggregateTests {

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void aHalfYearIsTheMeanOfItsTwoQuartersToTwoDecimals() {
        PeriodAggregate h1 = PeriodAggregate.of(Map.of(1, d("85.00"), 2, d("85.01"), 3, d("10")),
                PeriodAggregate.halfYear(1), Method.MEAN_OF_ALL_QUARTERS);
        assertThat(h1.score()).contains(d("85.01")); // 85.005 rounds half up
        assertThat(h1.quartersUsed()).containsExactly(1, 2);
        assertThat(h1.quartersMissing()).isEmpty();
    }

    @Test
    void aMissingQuarterIsNamedAndLeavesNoScoreWhenAllQuartersAreRequired() {
        PeriodAggregate year = PeriodAggregate.of(Map.of(1, d("90"), 2, d("80"), 4, d("70")),
                PeriodAggregate.year(), Method.MEAN_OF_ALL_QUARTERS);
        assertThat(year.score()).isEmpty();
        assertThat(year.quartersMissing()).containsExactly(3);
    }

    @Test
    void withAvailableQuartersTheMeanUsesTheOthersAndStillNamesTheGap() {
        PeriodAggregate year = PeriodAggregate.of(Map.of(1, d("90"), 2, d("80"), 4, d("70")),
                PeriodAggregate.year(), Method.MEAN_OF_AVAILABLE_QUARTERS);
        assertThat(year.score()).contains(d("80.00"));
        assertThat(year.quartersUsed()).containsExactly(1, 2, 4);
        assertThat(year.quartersMissing()).containsExactly(3);
    }

    @Test
    void noQuarterAtAllGivesNoScoreWhateverTheMethod() {
        PeriodAggregate h2 = PeriodAggregate.of(Map.of(1, d("90")), PeriodAggregate.halfYear(2),
                Method.MEAN_OF_AVAILABLE_QUARTERS);
        assertThat(h2.score()).isEmpty();
        assertThat(h2.quartersMissing()).containsExactly(3, 4);
    }
}
