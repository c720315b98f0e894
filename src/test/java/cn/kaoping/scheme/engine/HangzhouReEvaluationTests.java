package cn.kaoping.scheme.engine;

import static cn.kaoping.scheme.engine.SchemeFixture.HANGZHOU;
import static cn.kaoping.scheme.engine.SchemeFixture.dec;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** seed 002, 三、4 评审: parts weighted 50/30/20, floors 75/80/90, pass at 80 with every part above its floor. */
class HangzhouReEvaluationTests {

    private static Evaluation evaluate(String satisfaction, String expert, String committee, Fact... more) {
        Fact[] facts = new Fact[3 + more.length];
        facts[0] = Fact.value("owner-satisfaction", dec(satisfaction));
        facts[1] = Fact.value("expert", dec(expert));
        facts[2] = Fact.value("committee", dec(committee));
        System.arraycopy(more, 0, facts, 3, more.length);
        return SchemeFixture.evaluate(HANGZHOU, facts);
    }

    @Test
    void computesOwnerSatisfactionOverAllOwnersNotOverRespondents() {
        Evaluation result = SchemeFixture.evaluate(HANGZHOU, Fact.survey("owner-satisfaction", 412, 160, 700),
                Fact.value("expert", dec("86.5")), Fact.value("committee", dec("95")));

        // (412 + 160) ÷ 700 = 81.71 %; ÷ respondents would have been 100 %
        assertThat(result.part("owner-satisfaction").score()).isEqualByComparingTo("81.71");
        assertThat(result.part("owner-satisfaction").reason()).contains("(412 + 160) ÷ 700 = 81.71%");
        // 81.71 × 0.5 + 86.5 × 0.3 + 95 × 0.2 = 40.855 + 25.95 + 19 = 85.805
        assertThat(result.total()).isEqualByComparingTo("85.81");
        assertThat(result.passed()).isTrue();
    }

    @Test
    void passesAtExactly80WhenEveryPartIsAboveItsFloor() {
        Evaluation result = evaluate("75.2", "81", "90.5");

        assertThat(result.total()).isEqualByComparingTo("80");
        assertThat(result.parts()).allMatch(Evaluation.PartScore::aboveFloor);
        assertThat(result.passed()).isTrue();
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void failsJustBelow80EvenWithEveryPartAboveItsFloor() {
        Evaluation result = evaluate("75.18", "81", "90.5");

        assertThat(result.total()).isEqualByComparingTo("79.99");
        assertThat(result.passed()).isFalse();
        assertThat(result.warnings(Warning.BELOW_PASS_MARK)).hasSize(1);
    }

    @Test
    void failsWhenAPartIsExactlyAtItsFloorAndSaysWhich() {
        Evaluation result = evaluate("90", "80", "95");

        assertThat(result.total()).isEqualByComparingTo("88");
        assertThat(result.part("expert").aboveFloor()).isFalse();
        assertThat(result.part("owner-satisfaction").aboveFloor()).isTrue();
        assertThat(result.passed()).isFalse();
        assertThat(result.warnings(Warning.PART_NOT_ABOVE_FLOOR)).singleElement().satisfies(w -> {
            assertThat(w.item()).isEqualTo("expert");
            assertThat(w.message()).contains("专家考评得分 80 分未高于最低标准线 80 分");
        });
    }

    @Test
    void failsWhenCountedSatisfactionLandsExactlyOnSeventyFive() {
        Evaluation result = SchemeFixture.evaluate(HANGZHOU, Fact.survey("owner-satisfaction", 300, 225, 700),
                Fact.value("expert", dec("95")), Fact.value("committee", dec("95")));

        assertThat(result.part("owner-satisfaction").score()).isEqualByComparingTo("75");
        assertThat(result.part("owner-satisfaction").aboveFloor()).isFalse();
        assertThat(result.passed()).isFalse();
    }

    @Test
    void failsOnAVetoWhateverTheScore() {
        Evaluation result = evaluate("99", "99", "99", Fact.holds("veto.3"));

        assertThat(result.total()).isEqualByComparingTo("99");
        assertThat(result.vetoed()).isTrue();
        assertThat(result.passed()).isFalse();
        assertThat(result.warnings(Warning.VETOED)).singleElement().satisfies(w -> {
            assertThat(w.item()).isEqualTo("veto.3");
            assertThat(w.message()).startsWith("一票否决：").contains("行政处罚");
        });
    }

    @Test
    void aVetoRecordedAsNotHoldingDoesNotFail() {
        Evaluation result = evaluate("99", "99", "99", Fact.occurrences("veto.3", 0));

        assertThat(result.vetoed()).isFalse();
        assertThat(result.passed()).isTrue();
    }

    @Test
    void failsWhenAPartScoreIsMissing() {
        Evaluation result = SchemeFixture.evaluate(HANGZHOU, Fact.value("owner-satisfaction", dec("100")),
                Fact.value("expert", dec("100")));

        assertThat(result.part("committee").score()).isEqualByComparingTo("0");
        assertThat(result.warnings(Warning.PART_MISSING)).extracting(Warning::item).containsExactly("committee");
        assertThat(result.passed()).isFalse();
    }

    @Test
    void reportsWeightsAndFloorsBesideEachPartScore() {
        Evaluation result = evaluate("80", "85", "92");

        assertThat(result.parts()).extracting(Evaluation.PartScore::code, p -> p.weight().intValue(),
                p -> p.floor().intValue()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("owner-satisfaction", 50, 75),
                org.assertj.core.groups.Tuple.tuple("expert", 30, 80),
                org.assertj.core.groups.Tuple.tuple("committee", 20, 90));
        assertThat(result.max()).isEqualByComparingTo("100");
        assertThat(result.items()).isEmpty();
    }
}
