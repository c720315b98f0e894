package cn.kaoping.survey;

import cn.kaoping.scheme.engine.Fact;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The result of a survey for one estate, as a round needs it for its scheme.
 *
 * @param households         households the survey counts (the denominator of participation)
 * @param respondents        valid responses
 * @param satisfied          respondents answering 满意 to the key question (0 when the form has none)
 * @param basicallySatisfied respondents answering 基本满意 to the key question
 * @param participation      respondents ÷ households, 0–1, truncated to six decimals (never rounded up past a
 *                           threshold)
 * @param minParticipation   the questionnaire's threshold (0.30 Shenyang, 0.10 Erqi), or null when it has none
 * @param valid              participation reaches the threshold ("以上" includes it); true without a threshold
 * @param satisfaction       the satisfaction by the formula as a percentage 0–100, two decimals; null without
 *                           respondents (or, over all owners, without households)
 * @param rate               the same as a fraction 0–1, truncated to six decimals, for tiered rules
 * @param factRule           the scheme rule or part fed by this result (Erqi "20", Hangzhou "owner-satisfaction"),
 *                           or null when the scheme reports satisfaction beside the score (Shenyang)
 * @param factKind           {@code measured} (value + sample) or {@code survey} (counts), with factRule
 */
public record EstateSatisfaction(long estateId, String estateName, int households, int respondents, int satisfied,
                                 int basicallySatisfied, BigDecimal participation, BigDecimal minParticipation,
                                 boolean valid, SatisfactionFormula formula, BigDecimal satisfaction, BigDecimal rate,
                                 String factRule, String factKind) {

    /** Participation as a percentage with two decimals, for screens. */
    public BigDecimal participationPercent() {
        return participation.movePointRight(2).setScale(2, RoundingMode.DOWN);
    }

    /**
     * The fact of this result for the scheme named by the questionnaire: Erqi row 20 gets the satisfaction rate with
     * its sample (the engine applies the 10 % minimum), Hangzhou's owner part gets the counts over all owners.
     * Empty for Shenyang, whose satisfaction stands beside the daily score.
     */
    public Optional<Fact> fact() {
        if (factRule == null) {
            return Optional.empty();
        }
        if ("survey".equals(factKind)) {
            return Optional.of(Fact.survey(factRule, satisfied, basicallySatisfied, households));
        }
        return Optional.of(Fact.measured(factRule, rate == null ? BigDecimal.ZERO : rate, participation));
    }
}
