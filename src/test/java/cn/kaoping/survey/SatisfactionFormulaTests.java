package cn.kaoping.survey;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.scheme.engine.BuiltInSchemes;
import cn.kaoping.scheme.engine.Evaluation;
import cn.kaoping.scheme.engine.Evaluator;
import cn.kaoping.survey.internal.Questionnaire;
import cn.kaoping.survey.internal.Questionnaires;
import cn.kaoping.survey.internal.Scoring;
import cn.kaoping.survey.internal.Tally;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The three satisfaction formulas of the seeds and their participation thresholds, in exact decimals. */
class SatisfactionFormulaTests {

    private final Questionnaires questionnaires = new Questionnaires();
    private final Questionnaire shenyang = questionnaires.get("shenyang-professional");
    private final Questionnaire hangzhou = questionnaires.get("hangzhou-overall");
    private final Questionnaire erqi = questionnaires.get("erqi-old-estate");

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void shenyangRespondentScoreIsTheWeightedShareOfItsAnswers() {
        // 满意 ×3 (1.0), 基本满意 (0.6), 不满意 (0) over five equal questions: (3 + 0.6) / 5 = 72 %
        Map<String, String> answers = Map.of("contract", "S", "sanitation", "S", "facilities", "S", "order", "B",
                "greening", "U");
        assertThat(shenyang.score(answers)).isEqualByComparingTo("72");
    }

    @Test
    void shenyangSatisfactionIsTheMeanOfTheRespondentsPercentages() {
        // three respondents scoring 100, 72 and 40: mean 70.67 (rounded half-up to two decimals)
        Tally t = new Tally(10, 3, 0, 0, d("100").add(d("72")).add(d("40")));
        EstateSatisfaction r = Scoring.evaluate(shenyang, 1, "A", t);
        assertThat(r.satisfaction()).isEqualByComparingTo("70.67");
        assertThat(r.formula()).isEqualTo(SatisfactionFormula.MEAN_SCORE);
        assertThat(r.fact()).as("Shenyang reports satisfaction beside the daily score").isEmpty();
    }

    @Test
    void shenyangSurveyIsValidAtExactlyThirtyPercentOfOwnersAndNotOneBelow() {
        EstateSatisfaction exactly = Scoring.evaluate(shenyang, 1, "A", new Tally(10, 3, 0, 0, d("300")));
        assertThat(exactly.valid()).isTrue();
        assertThat(exactly.participationPercent()).isEqualByComparingTo("30.00");
        EstateSatisfaction below = Scoring.evaluate(shenyang, 1, "A", new Tally(1000, 299, 0, 0, d("29900")));
        assertThat(below.valid()).isFalse();
        assertThat(Scoring.evaluate(shenyang, 1, "A", new Tally(1000, 300, 0, 0, d("30000"))).valid()).isTrue();
        // 1/3 of owners is above 30 % although no finite decimal equals it
        assertThat(Scoring.evaluate(shenyang, 1, "A", new Tally(3, 1, 0, 0, d("100"))).valid()).isTrue();
    }

    @Test
    void hangzhouRateDividesSatisfiedAndBasicallySatisfiedByAllOwnersNotByRespondents() {
        // 412 满意 + 160 基本满意 of 700 owners (600 answered): 572 / 700 = 81.71 %, not 572 / 600 = 95.33 %
        EstateSatisfaction r = Scoring.evaluate(hangzhou, 1, "A", new Tally(700, 600, 412, 160, d("0")));
        assertThat(r.satisfaction()).isEqualByComparingTo("81.71");
        assertThat(r.valid()).as("the seed sets no participation minimum").isTrue();
        assertThat(r.fact()).get().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("owner-satisfaction");
            assertThat(f.satisfied()).isEqualTo(412);
            assertThat(f.basicallySatisfied()).isEqualTo(160);
            assertThat(f.owners()).isEqualTo(700);
        });
    }

    @Test
    void erqiRateIsOverRespondentsAndItsSampleIsValidAtExactlyTenPercent() {
        // 100 households, 10 answered (exactly 10 %), 8 satisfied or basically satisfied: 80 %
        EstateSatisfaction r = Scoring.evaluate(erqi, 1, "A", new Tally(100, 10, 5, 3, d("0")));
        assertThat(r.valid()).isTrue();
        assertThat(r.satisfaction()).isEqualByComparingTo("80.00");
        assertThat(r.rate()).isEqualByComparingTo("0.8");
        assertThat(Scoring.evaluate(erqi, 1, "A", new Tally(100, 9, 5, 3, d("0"))).valid()).isFalse();
    }

    @Test
    void erqiFactScoresRowTwentyThroughTheSchemeEngineWithItsSample() {
        LocalDate asOf = LocalDate.of(2026, 6, 30);
        EstateSatisfaction tenPercent = Scoring.evaluate(erqi, 1, "A", new Tally(100, 10, 5, 3, d("0")));
        Evaluation full = Evaluator.evaluate(BuiltInSchemes.load("erqi-old-estate"), asOf,
                List.of(tenPercent.fact().orElseThrow()));
        assertThat(full.items().stream().filter(i -> i.code().equals("20")).findFirst().orElseThrow().score())
                .as("80 % with a 10 % sample earns the full 10 points").isEqualByComparingTo("10");
        EstateSatisfaction ninePercent = Scoring.evaluate(erqi, 1, "A", new Tally(100, 9, 5, 3, d("0")));
        Evaluation none = Evaluator.evaluate(BuiltInSchemes.load("erqi-old-estate"), asOf,
                List.of(ninePercent.fact().orElseThrow()));
        assertThat(none.items().stream().filter(i -> i.code().equals("20")).findFirst().orElseThrow().score())
                .isEqualByComparingTo("0");
        assertThat(none.warnings()).anySatisfy(w -> assertThat(w.code()).isEqualTo("SAMPLE_INSUFFICIENT"));
    }

    @Test
    void aRateJustBelowATierIsNeverRoundedUpIntoIt() {
        // 7999 of 10000 satisfied is 79.99 %: the rate handed to the engine stays below 0.80
        EstateSatisfaction r = Scoring.evaluate(erqi, 1, "A", new Tally(20000, 10000, 7999, 0, d("0")));
        assertThat(r.rate()).isLessThan(d("0.80"));
    }

    @Test
    void anEstateWithoutResponsesHasNoSatisfactionYet() {
        EstateSatisfaction r = Scoring.evaluate(shenyang, 1, "A", Tally.empty(50));
        assertThat(r.satisfaction()).isNull();
        assertThat(r.valid()).isFalse();
        assertThat(r.participation()).isEqualByComparingTo("0");
    }

    @Test
    void builtInQuestionnairesCoverTheSeedsForms() {
        assertThat(questionnaires.all()).extracting(Questionnaire::code).containsExactlyInAnyOrder(
                "erqi-old-estate", "hangzhou-overall", "shenyang-basic", "shenyang-professional");
        for (Questionnaire q : List.of(shenyang, questionnaires.get("shenyang-basic"))) {
            assertThat(q.questions()).extracting(Questionnaire.Question::title)
                    .containsExactly("合同履职", "环境卫生", "基础设施养护", "秩序维护", "绿化养护");
            assertThat(q.options()).extracting(Questionnaire.Choice::label).containsExactly("满意", "基本满意", "不满意");
            assertThat(q.minParticipation()).isEqualByComparingTo("0.30");
        }
        assertThat(erqi.minParticipation()).isEqualByComparingTo("0.10");
        assertThat(hangzhou.formula()).isEqualTo(SatisfactionFormula.SATISFIED_OVER_ALL_OWNERS);
    }
}
