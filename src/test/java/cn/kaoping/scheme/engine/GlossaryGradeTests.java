package cn.kaoping.scheme.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.shared.Grade;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The grades 等次 the built-in schemes print are the glossary's, with the glossary's Chinese names. */
class GlossaryGradeTests {

    private static final List<Scheme> BUILT_IN = List.of(SchemeFixture.ERQI, SchemeFixture.XIGANG,
            SchemeFixture.HANGZHOU, SchemeFixture.SHENYANG_PROFESSIONAL, SchemeFixture.SHENYANG_BASIC);

    @Test
    void erqiGradesAreTheFourGlossaryGradesAtTheSeedsBounds() {
        // seed 004: 95分（含95分）以上为优秀，85分（含85分）以上95分以下为良好，70分（含70分）以上85分以下为合格，70分以下为不合格
        assertThat(SchemeFixture.ERQI.grades()).extracting(GradeBand::code, GradeBand::label,
                        b -> b.min().stripTrailingZeros().toPlainString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("EXCELLENT", Grade.EXCELLENT.label(), "95"),
                        org.assertj.core.groups.Tuple.tuple("GOOD", Grade.GOOD.label(), "85"),
                        org.assertj.core.groups.Tuple.tuple("QUALIFIED", Grade.QUALIFIED.label(), "70"),
                        org.assertj.core.groups.Tuple.tuple("UNQUALIFIED", Grade.UNQUALIFIED.label(), "0"));
    }

    @Test
    void everyBuiltInBandWithAGlossaryCodeCarriesTheGlossaryLabel() {
        for (Scheme scheme : BUILT_IN) {
            for (GradeBand band : scheme.grades()) {
                Grade.ofCode(band.code()).ifPresent(g -> assertThat(band.label()).as(scheme.code() + " " + band.code())
                        .isEqualTo(g.label()));
            }
        }
        assertThat(Grade.labelOf("GOOD")).isEqualTo("良好");
        assertThat(Grade.labelOf("A")).as("a scheme's own code is printed as it is").isEqualTo("A");
        assertThat(Grade.labelOf(null)).isEqualTo("—");
    }
}
