package cn.kaoping.voting.rules;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One exclusive part (专有部分) on the roll, with the ballot cast for it.
 *
 * @param unit   the unit's name, e.g. {@code 1-101}
 * @param owner  who owns it: units of one owner count as one person (judicial interpretation 2009 §9)
 * @param area   its registered exclusive-part area in ㎡ (§8)
 * @param unsold not yet sold or delivered by the developer: all such units count as one person together (§9)
 * @param ballot the ballot, or {@code null} when the unit did not vote
 */
public record RollUnit(String unit, String owner, BigDecimal area, boolean unsold, Ballot ballot) {

    public RollUnit {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(area, "area");
        if (area.signum() < 0) {
            throw new IllegalArgumentException("area must not be negative");
        }
    }

    /** The person this unit counts for: the developer for every unsold unit, otherwise the named owner. */
    String person() {
        if (unsold) {
            return "\u0000developer";
        }
        return owner == null || owner.isBlank() ? "\u0000unit:" + unit : owner.strip();
    }
}
