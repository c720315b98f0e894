package cn.kaoping.survey.internal;

import java.math.BigDecimal;
import java.util.Collection;

/** What the responses of one estate add up to, before a formula turns them into satisfaction. */
public record Tally(int households, int respondents, int satisfied, int basicallySatisfied, BigDecimal scoreSum) {

    public static Tally empty(int households) {
        return new Tally(households, 0, 0, 0, BigDecimal.ZERO);
    }

    /** Several estates pooled: every count and the score sum added up. */
    static Tally sum(Collection<Tally> tallies) {
        int h = 0, r = 0, s = 0, b = 0;
        BigDecimal total = BigDecimal.ZERO;
        for (Tally t : tallies) {
            h += t.households();
            r += t.respondents();
            s += t.satisfied();
            b += t.basicallySatisfied();
            total = total.add(t.scoreSum());
        }
        return new Tally(h, r, s, b, total);
    }
}
