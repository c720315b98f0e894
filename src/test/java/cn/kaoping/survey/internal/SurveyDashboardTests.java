package cn.kaoping.survey.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.kaoping.survey.internal.SurveyDashboard.Lines;
import cn.kaoping.survey.internal.SurveyStore.EstateInfo;
import cn.kaoping.survey.internal.Views.AreaRow;
import cn.kaoping.survey.internal.Views.OptionCount;
import cn.kaoping.survey.internal.Views.QuestionBreakdown;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dashboard's pooling per district and street and an estate's per-question breakdown, without a database. */
class SurveyDashboardTests {

    private final Questionnaire erqi = new Questionnaires().get("erqi-old-estate");

    private static EstateInfo estate(long id, String district, String street) {
        return new EstateInfo(id, "小区" + id, "/1/2/" + id + "/", district, street, "key" + id);
    }

    private static Tally tally(int households, int respondents, int satisfied) {
        return new Tally(households, respondents, satisfied, 0, BigDecimal.ZERO);
    }

    @Test
    void districtsAndStreetsPoolTheirEstatesCountsAndCountTheValidEstates() {
        // Erqi needs 10 % of households: estate 1 (1 of 10) is valid, estate 2 (1 of 20) is not
        Lines lines = SurveyDashboard.lines(erqi, List.of(estate(1, "河东区", "东风街道"), estate(2, "河东区", "东风街道"),
                estate(3, "河东区", "西湖街道")), Map.of(1L, tally(10, 1, 1), 2L, tally(20, 1, 0), 3L, tally(5, 0, 0)));

        assertThat(lines.estates()).extracting(e -> e.result().valid()).containsExactly(true, false, false);
        assertThat(lines.districts()).singleElement().satisfies(d -> {
            assertThat(d.name()).isEqualTo("河东区");
            assertThat(d.estates()).isEqualTo(3);
            assertThat(d.validEstates()).isEqualTo(1);
            assertThat(d.pooled().households()).isEqualTo(35);
            assertThat(d.pooled().respondents()).isEqualTo(2);
        });
        AreaRow dongfeng = lines.streets().get(0);
        assertThat(dongfeng.name()).isEqualTo("河东区 东风街道");
        assertThat(dongfeng.estates()).isEqualTo(2);
        assertThat(dongfeng.validEstates()).isEqualTo(1);
        // one of the two respondents satisfied: 50 % over respondents, pooled as if one estate
        assertThat(dongfeng.pooled().satisfaction()).isEqualByComparingTo("50.00");
        assertThat(lines.streets().get(1)).satisfies(s -> {
            assertThat(s.name()).isEqualTo("河东区 西湖街道");
            assertThat(s.validEstates()).isZero();
        });
    }

    @Test
    void anEstateWithoutResponsesCountsAsNoneAndWithoutArea() {
        Lines lines = SurveyDashboard.lines(erqi, List.of(estate(7, null, null)), Map.of());
        assertThat(lines.estates()).singleElement().satisfies(e -> {
            assertThat(e.result().respondents()).isZero();
            assertThat(e.result().valid()).isFalse();
        });
        assertThat(lines.districts()).extracting(AreaRow::name).containsExactly("");
        assertThat(lines.streets()).extracting(AreaRow::name).containsExactly(" ");
    }

    @Test
    void eachQuestionShowsEveryOptionsCountAndShareToOneDecimal() {
        List<QuestionBreakdown> questions = SurveyDashboard.breakdown(erqi,
                Map.of("overall", Map.of("S", 3, "B", 1, "U", 2)));

        assertThat(questions).extracting(QuestionBreakdown::code)
                .containsExactly("overall", "sanitation", "order", "facilities", "greening");
        assertThat(questions.get(0).options()).extracting(OptionCount::label, OptionCount::count)
                .containsExactly(tuple("满意", 3), tuple("基本满意", 1), tuple("不满意", 2));
        assertThat(questions.get(0).options()).extracting(OptionCount::percent)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("50.0"), new BigDecimal("16.7"), new BigDecimal("33.3"));
        assertThat(questions.get(1).options()).extracting(OptionCount::count).containsOnly(0);
        assertThat(questions.get(1).options()).extracting(OptionCount::percent).containsOnly(BigDecimal.ZERO);
    }
}
