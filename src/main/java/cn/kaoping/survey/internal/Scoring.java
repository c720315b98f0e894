package cn.kaoping.survey.internal;

import cn.kaoping.survey.EstateSatisfaction;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** The three satisfaction formulas and the participation threshold, in exact decimals. */
public final class Scoring {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Scoring() {
    }

    public static EstateSatisfaction evaluate(Questionnaire q, long estateId, String estateName, Tally t) {
        BigDecimal participation = t.households() == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(t.respondents()).divide(BigDecimal.valueOf(t.households()), 6, RoundingMode.DOWN);
        // "至少30%业主参与" / "样本数不少于10%": compared without division, so exactly 30 % passes
        boolean valid = q.minParticipation() == null || t.households() > 0
                && BigDecimal.valueOf(t.respondents()).compareTo(
                        q.minParticipation().multiply(BigDecimal.valueOf(t.households()))) >= 0;
        BigDecimal satisfaction = null;
        BigDecimal rate = null;
        int satisfiedCount = t.satisfied() + t.basicallySatisfied();
        switch (q.formula()) {
            case MEAN_SCORE -> {
                if (t.respondents() > 0) {
                    satisfaction = t.scoreSum().divide(BigDecimal.valueOf(t.respondents()), 2, RoundingMode.HALF_UP);
                    rate = t.scoreSum().divide(BigDecimal.valueOf(t.respondents()).multiply(HUNDRED), 6,
                            RoundingMode.DOWN);
                }
            }
            case SATISFIED_OVER_ALL_OWNERS -> {
                if (t.households() > 0) {
                    satisfaction = percent(satisfiedCount, t.households());
                    rate = BigDecimal.valueOf(satisfiedCount).divide(BigDecimal.valueOf(t.households()), 6,
                            RoundingMode.DOWN);
                }
            }
            case SATISFIED_OVER_RESPONDENTS -> {
                if (t.respondents() > 0) {
                    satisfaction = percent(satisfiedCount, t.respondents());
                    rate = BigDecimal.valueOf(satisfiedCount).divide(BigDecimal.valueOf(t.respondents()), 6,
                            RoundingMode.DOWN);
                }
            }
        }
        return new EstateSatisfaction(estateId, estateName, t.households(), t.respondents(), t.satisfied(),
                t.basicallySatisfied(), participation, q.minParticipation(), valid, q.formula(), satisfaction, rate,
                q.factRule(), q.factKind());
    }

    private static BigDecimal percent(int part, int whole) {
        return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
