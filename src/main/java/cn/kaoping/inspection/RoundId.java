package cn.kaoping.inspection;

/** Identifies an assessment round 考评轮次. */
public record RoundId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
