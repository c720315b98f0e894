package cn.kaoping.survey.internal;

/** Whether a survey takes responses today. */
public enum Phase {
    NOT_STARTED, OPEN, ENDED, CLOSED;

    static Phase of(String status, java.time.LocalDate startsOn, java.time.LocalDate endsOn, java.time.LocalDate today) {
        if ("CLOSED".equals(status)) {
            return CLOSED;
        }
        if (today.isBefore(startsOn)) {
            return NOT_STARTED;
        }
        return today.isAfter(endsOn) ? ENDED : OPEN;
    }
}
