package cn.kaoping.survey.internal;

import java.math.BigDecimal;

/** What the responses of one estate add up to, before a formula turns them into satisfaction. */
public record Tally(int households, int respondents, int satisfied, int basicallySatisfied, BigDecimal scoreSum) {

    public static Tally empty(int households) {
        return new Tally(households, 0, 0, 0, BigDecimal.ZERO);
    }
}
