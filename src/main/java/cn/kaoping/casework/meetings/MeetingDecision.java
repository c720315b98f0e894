package cn.kaoping.casework.meetings;

import cn.kaoping.shared.ConflictException;

import java.time.LocalDate;

/**
 * One decision of a joint meeting's minutes (议定事项): the issue, how it is handled, the unit carrying it out and by
 * when; the street office records it done once, with what was done (由街道办事处组织落实).
 */
public record MeetingDecision(int position, String issue, String handling, String unitCode, String unitName,
                              LocalDate due, LocalDate doneOn, String doneNote, String doneBy) {

    /** Recorded done on that day: once. */
    MeetingDecision complete(LocalDate on, String note, String by) {
        if (doneOn != null) {
            throw new ConflictException("该议定事项不存在或已落实");
        }
        return new MeetingDecision(position, issue, handling, unitCode, unitName, due, on, note, by);
    }

    /** Not done and past its deadline (the deadline day itself is in time). */
    public boolean overdueOn(LocalDate today) {
        return doneOn == null && due.isBefore(today);
    }
}
