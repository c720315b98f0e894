package cn.kaoping.inspection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.inspection.Period;
import cn.kaoping.scheme.engine.BuiltInSchemes;
import cn.kaoping.scheme.engine.Scheme;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every rule of every built-in estate scheme can be entered on the inspection form (issue 19): counts, conditions,
 * measured values with their sample, and the report of each deadline of the round's own period.
 */
class EveryRuleHasAnInputTests {

    @Test
    void everyRuleOfEveryEstateSchemeHasAnInputOnTheForm() {
        List<Scheme> estateSchemes = BuiltInSchemes.load().stream()
                .filter(s -> s.assesses() == Scheme.Subject.ESTATE).toList();
        assertThat(estateSchemes).extracting(Scheme::code)
                .containsExactly("erqi-old-estate", "shenyang-professional", "shenyang-basic");
        for (Scheme scheme : estateSchemes) {
            Round round = round(scheme, scheme.code().startsWith("shenyang") ? "2026-Q4" : "2026-H2");
            List<RuleInput> inputs = RuleInput.of(scheme, round);
            assertThat(inputs).as(scheme.code()).allMatch(RuleInput::entered);
            assertThat(inputs.stream().map(RuleInput::code).distinct())
                    .containsExactlyInAnyOrderElementsOf(scheme.rules().stream().map(r -> r.code()).toList());
        }
    }

    @Test
    void theShenyangReportIsAskedForTheRoundsOwnQuarterAndRow20AsksForItsSample() {
        Scheme professional = BuiltInSchemes.load("shenyang-professional");
        assertThat(RuleInput.of(professional, round(professional, "2027-Q1")))
                .filteredOn(i -> i.code().equals("16")).singleElement().satisfies(i -> {
                    assertThat(i.input()).isEqualTo("report");
                    assertThat(i.due()).isEqualTo(LocalDate.of(2027, 3, 25));
                    assertThat(i.key()).isEqualTo("16@2027-03-25");
                });
        Scheme erqi = BuiltInSchemes.load("erqi-old-estate");
        assertThat(RuleInput.of(erqi, round(erqi, "2026-H1"))).filteredOn(i -> i.code().equals("20"))
                .singleElement().satisfies(i -> {
                    assertThat(i.input()).isEqualTo("value");
                    assertThat(i.sampled()).isTrue();
                    assertThat(i.standard()).contains("10%");
                });
    }

    private static Round round(Scheme scheme, String period) {
        Period p = Period.parse(period);
        return new Round(1L, "测试", scheme.code(), scheme.version(), p, 4L, "/1/4/", p.end().plusDays(15),
                p.end().plusDays(30), 7, RoundStatus.OPEN, null, null, 0);
    }
}
