package cn.kaoping.casework.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kaoping.shared.ConflictException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * A joint meeting's state machine (seed 003 二、(一)2: 召集 → 会议纪要 → 议定事项逐项落实): the minutes are kept once, each
 * decision is recorded done once, and a second time is a conflict (409) that changes nothing.
 */
class MinutesAndDecisionsTests {

    private static final LocalDate HELD = LocalDate.of(2026, 11, 20);

    @Test
    void aConvenedMeetingIsMinutedOnceAndKeepsEverythingElse() {
        JointMeeting convened = meeting(MeetingStatus.PLANNED);
        assertThat(convened.minuted()).isFalse();
        JointMeeting minuted = convened.minute("供热单位三日内排查二次管网");
        assertThat(minuted.status()).isEqualTo(MeetingStatus.MINUTED);
        assertThat(minuted.minuted()).isTrue();
        assertThat(minuted.minutes()).isEqualTo("供热单位三日内排查二次管网");
        assertThat(minuted).usingRecursiveComparison().ignoringFields("status", "minutes").isEqualTo(convened);
        assertThat(convened.status()).as("the convened meeting itself is unchanged").isEqualTo(MeetingStatus.PLANNED);
    }

    @Test
    void minutingAMinutedMeetingAgainIsAConflict() {
        JointMeeting minuted = meeting(MeetingStatus.MINUTED);
        assertThatThrownBy(() -> minuted.minute("再记一次")).isInstanceOf(ConflictException.class)
                .hasMessage("会议纪要已经记录");
        assertThat(minuted.minutes()).isEqualTo("已记录的纪要");
    }

    @Test
    void aDecisionIsDoneOnceWithWhatWasDoneAndByWhom() {
        MeetingDecision open = decision(null);
        MeetingDecision done = open.complete(HELD.plusDays(5), "已排查并更换阀门", "xh_street");
        assertThat(done.doneOn()).isEqualTo(HELD.plusDays(5));
        assertThat(done.doneNote()).isEqualTo("已排查并更换阀门");
        assertThat(done.doneBy()).isEqualTo("xh_street");
        assertThat(done).usingRecursiveComparison().ignoringFields("doneOn", "doneNote", "doneBy").isEqualTo(open);
        assertThatThrownBy(() -> done.complete(HELD.plusDays(6), "又做了一次", "xh_street"))
                .isInstanceOf(ConflictException.class).hasMessage("该议定事项不存在或已落实");
    }

    @Test
    void aDecisionIsOverdueOnlyAfterItsDeadlineDayAndOnlyWhileNotDone() {
        MeetingDecision open = decision(null); // due 23 November
        assertThat(open.overdueOn(HELD.plusDays(3))).isFalse();
        assertThat(open.overdueOn(HELD.plusDays(4))).isTrue();
        assertThat(open.complete(HELD.plusDays(10), "已落实", "xh_street").overdueOn(HELD.plusDays(30))).isFalse();
    }

    private static JointMeeting meeting(MeetingStatus status) {
        return new JointMeeting(1, 2, "/1/2/", "供暖不达标", HELD, "街道会议室", status,
                status == MeetingStatus.MINUTED ? "已记录的纪要" : null, "xh_street");
    }

    private static MeetingDecision decision(LocalDate doneOn) {
        return new MeetingDecision(1, "室温不达标", "供热单位三日内排查二次管网并回复", "HEATING", "供热单位",
                HELD.plusDays(3), doneOn, doneOn == null ? null : "已落实", doneOn == null ? null : "xh_street");
    }
}
