package cn.kaoping.voting.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The half-year statement's due days are a setting (issue 13: "by a settable deadline", default 31 July and 31
 * January): an operator sets them in MM-dd, and a day that would fall before the half has ended stops the start.
 */
class StatementDeadlineTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(DisclosureConfiguration.class);

    @Test
    void withoutASettingTheStatementIsDueOn31JulyAnd31January() {
        context.run(c -> {
            StatementDeadlines d = c.getBean(StatementDeadlines.class);
            assertThat(d.dueOn("2026-H1")).isEqualTo(LocalDate.of(2026, 7, 31));
            assertThat(d.dueOn("2026-H2")).isEqualTo(LocalDate.of(2027, 1, 31));
            assertThat(d.lastEnded(LocalDate.of(2026, 12, 4)))
                    .isEqualTo(new StatementDeadlines.Due("2026-H1", LocalDate.of(2026, 7, 31)));
        });
    }

    @Test
    void anOperatorMovesTheDueDays() {
        context.withPropertyValues("kaoping.disclosure.first-half-due=09-30",
                "kaoping.disclosure.second-half-due=03-31").run(c -> {
            StatementDeadlines d = c.getBean(StatementDeadlines.class);
            assertThat(d.dueOn("2026-H1")).isEqualTo(LocalDate.of(2026, 9, 30));
            assertThat(d.dueOn("2026-H2")).isEqualTo(LocalDate.of(2027, 3, 31));
        });
        // 29 February falls back to the 28th in a common year
        assertThat(new StatementDeadlines("07-31", "02-29").dueOn("2026-H2")).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(new StatementDeadlines("07-31", "02-29").dueOn("2027-H2")).isEqualTo(LocalDate.of(2028, 2, 29));
    }

    @Test
    void aDueDayBeforeTheHalfEndsOrNotADayStopsTheStartNamingTheSetting() {
        context.withPropertyValues("kaoping.disclosure.first-half-due=06-30").run(c ->
                assertThat(c).getFailure().hasStackTraceContaining("kaoping.disclosure.first-half-due"));
        context.withPropertyValues("kaoping.disclosure.second-half-due=07-31").run(c ->
                assertThat(c).getFailure().hasStackTraceContaining("kaoping.disclosure.second-half-due"));
        context.withPropertyValues("kaoping.disclosure.first-half-due=31 July").run(c ->
                assertThat(c).getFailure().hasStackTraceContaining("MM-dd"));
    }
}
