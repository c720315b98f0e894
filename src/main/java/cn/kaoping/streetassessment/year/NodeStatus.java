package cn.kaoping.streetassessment.year;

/** Where a street's node stands (issue 15): open, submitted and awaiting review, returned, or accepted. */
public enum NodeStatus {
    OPEN, SUBMITTED, RETURNED, ACCEPTED;

    /** Open or returned: the street may submit (again). */
    public boolean takesSubmission() {
        return this == OPEN || this == RETURNED;
    }
}
