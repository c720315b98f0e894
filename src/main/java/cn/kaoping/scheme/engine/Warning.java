package cn.kaoping.scheme.engine;

/**
 * Something the reader of an evaluation should notice that is not a score line.
 *
 * @param item the item, part or veto code concerned, or {@code null} for the whole evaluation
 */
public record Warning(String code, String item, String message) {

    /** A measure's sample is below the rule's minimum sample rate; the rule scored 0. */
    public static final String SAMPLE_INSUFFICIENT = "SAMPLE_INSUFFICIENT";
    /** A measured value was expected but not given; the rule scored 0. */
    public static final String MEASURE_MISSING = "MEASURE_MISSING";
    /** A deadline has not passed yet and nothing was submitted: no deduction so far. */
    public static final String MILESTONE_PENDING = "MILESTONE_PENDING";
    /** The lines of an item add up beyond [0, max]; the item was clamped. */
    public static final String ITEM_CLAMPED = "ITEM_CLAMPED";
    /** A composite part had no fact and scored 0. */
    public static final String PART_MISSING = "PART_MISSING";
    /** A composite part is not strictly above its floor, so the evaluation fails. */
    public static final String PART_NOT_ABOVE_FLOOR = "PART_NOT_ABOVE_FLOOR";
    /** The total is below the pass mark. */
    public static final String BELOW_PASS_MARK = "BELOW_PASS_MARK";
    /** A veto holds, so the evaluation fails whatever the score. */
    public static final String VETOED = "VETOED";
}
