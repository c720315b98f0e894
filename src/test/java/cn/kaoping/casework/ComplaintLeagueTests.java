package cn.kaoping.casework;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public league of streets by on-time closure (issue 14): pushed-back complaints left out, equal rates (compared
 * exactly) sharing a place, a street below the minimum sample listed apart however good its rate. No Spring.
 */
class ComplaintLeagueTests {

    static ComplaintFigures.Group street(long id, String name, long received, long onTime, long pushedBack) {
        return new ComplaintFigures.Group(id, name, new ComplaintFigures.Figures(received, 0, onTime, onTime,
                pushedBack, 0, 0, 0, 0, 0));
    }

    @Test
    void ranksByTheShareClosedOnTimeWithTiesAndAMinimumSample() {
        LocalDate from = LocalDate.of(2026, 1, 1);
        LocalDate to = LocalDate.of(2026, 12, 31);
        ComplaintLeague.League league = ComplaintLeague.rank(List.of(
                street(1, "东风街道", 33, 11, 3),   // 11 of 30
                street(2, "朝阳街道", 60, 20, 0),   // 20 of 60 = 1/3: ahead of 11/30
                street(3, "光明街道", 20, 7, 0),    // 7 of 20: behind 11/30
                street(4, "西湖街道", 42, 14, 0),   // 14 of 42 = 1/3: ties with 朝阳
                street(5, "滨河街道", 5, 5, 0)),    // 5 of 5, but below the sample
                20, from, to);
        assertThat(league.ranked()).extracting(ComplaintLeague.Line::street)
                .containsExactly("东风街道", "光明街道", "朝阳街道", "西湖街道");
        assertThat(league.ranked()).extracting(ComplaintLeague.Line::place).containsExactly(1, 2, 3, 3);
        assertThat(league.ranked().get(0).valid()).as("pushed back left out").isEqualTo(30);
        assertThat(league.ranked().get(0).rate()).isEqualByComparingTo("36.6");
        assertThat(league.belowSample()).extracting(ComplaintLeague.Line::street).containsExactly("滨河街道");
    }
}
