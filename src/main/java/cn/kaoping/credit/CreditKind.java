package cn.kaoping.credit;

/** What a record is about. Each kind is good or bad, except OTHER, which may be either. */
public enum CreditKind {
    TOP_RANK(Direction.GOOD),
    COMMENDATION(Direction.GOOD),
    HONOUR(Direction.GOOD),
    BOTTOM_RANK(Direction.BAD),
    CIRCULAR(Direction.BAD),
    INTERVIEW(Direction.BAD),
    PENALTY(Direction.BAD),
    OVERDUE_RECTIFICATION(Direction.BAD),
    VERIFIED_COMPLAINT(Direction.BAD),
    ADMINISTRATIVE_PENALTY(Direction.BAD),
    OTHER(null);

    private final Direction direction;

    CreditKind(Direction direction) {
        this.direction = direction;
    }

    /** Whether a record of this kind may have the given direction. */
    public boolean allows(Direction d) {
        return direction == null || direction == d;
    }

    /** The fixed direction, or null for OTHER. */
    public Direction direction() {
        return direction;
    }
}
