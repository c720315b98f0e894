package cn.kaoping.casework.meetings;

/** Where a joint meeting stands: convened (召集) and awaiting its minutes, or minuted (纪要已记录). */
public enum MeetingStatus {
    PLANNED, MINUTED
}
