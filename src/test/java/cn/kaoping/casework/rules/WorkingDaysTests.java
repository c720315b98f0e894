package cn.kaoping.casework.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Deadlines in working days: weekends off, a holiday calendar as data, make-up working days (调休) count. */
class WorkingDaysTests {

    /** Part of the 2026 National Day holiday: 10-01..10-07 off (10-03/04 are a weekend), 10-10 (Saturday) worked. */
    private static final WorkingDays CALENDAR = new WorkingDays(Map.of(
            LocalDate.of(2026, 10, 1), false, LocalDate.of(2026, 10, 2), false, LocalDate.of(2026, 10, 5), false,
            LocalDate.of(2026, 10, 6), false, LocalDate.of(2026, 10, 7), false, LocalDate.of(2026, 10, 10), true,
            LocalDate.of(2026, 9, 20), true));

    @Test
    void oneWorkingDayAfterAFridayIsMondayAndFiveSkipAWeekend() {
        LocalDate friday = LocalDate.of(2026, 11, 27);
        assertThat(CALENDAR.after(friday, 1)).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(CALENDAR.after(friday, 5)).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(CALENDAR.after(friday, 0)).isEqualTo(friday);
    }

    @Test
    void theNationalDayHolidayIsSkippedAndItsMakeUpSaturdayCounts() {
        LocalDate wednesday = LocalDate.of(2026, 9, 30);
        assertThat(CALENDAR.after(wednesday, 1)).as("10-01..10-07 off").isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(CALENDAR.after(wednesday, 3)).as("10-08 Thu, 10-09 Fri, 10-10 Sat worked")
                .isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(CALENDAR.isWorking(LocalDate.of(2026, 9, 20))).as("a make-up Sunday").isTrue();
    }

    @Property
    void theDeadlineIsAWorkingDayAndLaterForMoreDays(@ForAll @IntRange(min = 0, max = 3000) int offset,
                                                    @ForAll @IntRange(min = 1, max = 20) int days) {
        LocalDate from = LocalDate.of(2025, 1, 1).plusDays(offset);
        LocalDate due = CALENDAR.after(from, days);
        assertThat(CALENDAR.isWorking(due)).isTrue();
        assertThat(due).isAfter(from);
        assertThat(CALENDAR.after(from, days + 1)).isAfter(due);
    }
}
