package cn.kaoping.casework.meetings;

import cn.kaoping.shared.ConflictException;

import java.time.LocalDate;

/**
 * A joint meeting 联席会议 of a street (seed 003 二、(一)2): convened, then minuted once with who came and what was
 * decided ({@link MeetingDecision}). A second minute is refused as a conflict.
 */
public record JointMeeting(long id, long regionId, String regionPath, String topic, LocalDate heldOn, String place,
                           MeetingStatus status, String minutes, String createdBy) {

    /** The minutes are kept: once, on a convened meeting. */
    JointMeeting minute(String text) {
        if (status != MeetingStatus.PLANNED) {
            throw new ConflictException("会议纪要已经记录");
        }
        return new JointMeeting(id, regionId, regionPath, topic, heldOn, place, MeetingStatus.MINUTED, text,
                createdBy);
    }

    /** Whether its minutes are kept (so that they may be printed and archived). */
    public boolean minuted() {
        return status == MeetingStatus.MINUTED;
    }
}
