package cn.kaoping.scheme.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.scheme.engine.Evaluation.ItemScore;
import cn.kaoping.scheme.engine.Evaluation.ScoreLine;
import cn.kaoping.scheme.engine.Item.Mode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;

class SchemeEngineProperties {

    private static final List<Scheme> TABLES = List.of(SchemeFixture.ERQI, SchemeFixture.XIGANG,
            SchemeFixture.SHENYANG_PROFESSIONAL, SchemeFixture.SHENYANG_BASIC);

    /** A scheme, a day to look from and facts that fit it. */
    record Scenario(Scheme scheme, LocalDate asOf, List<Fact> facts) {
        Evaluation evaluate() {
            return Evaluator.evaluate(scheme, asOf, facts);
        }

        Scenario with(Fact fact) {
            List<Fact> more = new ArrayList<>(facts);
            more.add(fact);
            return new Scenario(scheme, asOf, more);
        }

        @Override
        public String toString() {
            return scheme.code() + " as of " + asOf + " " + facts;
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Arbitraries.of(TABLES).flatMap(scheme -> Arbitraries.randomValue(random -> scenario(scheme, random)));
    }

    @Provide
    Arbitrary<Scenario> erqiScenarios() {
        return Arbitraries.randomValue(random -> scenario(SchemeFixture.ERQI, random));
    }

    private static Scenario scenario(Scheme scheme, Random random) {
        LocalDate firstDue = scheme.rules().stream().filter(Milestone.class::isInstance).map(Milestone.class::cast)
                .map(Milestone::due).filter(java.util.Objects::nonNull).min(LocalDate::compareTo)
                .orElse(LocalDate.of(2020, 1, 1));
        LocalDate asOf = firstDue.minusDays(30).plusDays(random.nextInt(400));
        List<Fact> facts = new ArrayList<>();
        for (Rule rule : scheme.rules()) {
            if (random.nextInt(3) == 0) {
                continue;
            }
            if (rule instanceof PerOccurrence || rule instanceof Bonus) {
                facts.add(Fact.occurrences(rule.code(), random.nextInt(40)));
            } else if (rule instanceof Condition) {
                facts.add(Fact.occurrences(rule.code(), random.nextInt(2)));
            } else if (rule instanceof Milestone m) {
                // a relative milestone (due-day) is evaluated without a window over the period around asOf
                for (LocalDate due : m.relative() ? m.dueDates(m.periodAround(asOf)) : m.dueDates()) {
                    if (random.nextBoolean()) {
                        facts.add(Fact.submitted(m.code(), due, due.plusDays(random.nextInt(60) - 30)));
                    }
                }
            } else if (rule instanceof Tiered t) {
                facts.add(Fact.measured(t.code(), rate(random), t.minSample() == null ? null : rate(random)));
            } else if (rule instanceof PeerRank) {
                facts.add(Fact.ranked(rule.code(), 1 + random.nextInt(6)));
            }
        }
        return new Scenario(scheme, asOf, facts);
    }

    private static BigDecimal rate(Random random) {
        return BigDecimal.valueOf(random.nextInt(10_001), 4);
    }

    @Property
    void itemScoresStayWithinZeroAndTheirMax(@ForAll("scenarios") Scenario scenario) {
        for (ItemScore item : scenario.evaluate().items()) {
            assertThat(item.score()).as(item.code()).isBetween(BigDecimal.ZERO, item.max());
        }
    }

    @Property
    void addingAnOccurrenceNeverRaisesADeductingItem(@ForAll("scenarios") Scenario scenario,
            @ForAll Random random) {
        List<PerOccurrence> rules = new ArrayList<>();
        scenario.scheme().items().stream().filter(i -> i.mode() == Mode.DEDUCT).forEach(i -> i.rules().stream()
                .filter(PerOccurrence.class::isInstance).map(PerOccurrence.class::cast).forEach(rules::add));
        PerOccurrence rule = rules.get(random.nextInt(rules.size()));
        Item item = scenario.scheme().items().stream().filter(i -> i.rules().contains(rule)).findFirst().orElseThrow();

        Evaluation before = scenario.evaluate();
        Evaluation after = scenario.with(Fact.occurrences(rule.code(), 1)).evaluate();

        assertThat(after.item(item.code()).score()).isLessThanOrEqualTo(before.item(item.code()).score());
        assertThat(after.total()).isLessThanOrEqualTo(before.total());
    }

    @Property
    void totalEqualsTheSumOfItemScores(@ForAll("scenarios") Scenario scenario) {
        Evaluation result = scenario.evaluate();

        BigDecimal sum = result.items().stream().map(ItemScore::score).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(result.total()).isEqualByComparingTo(sum);
    }

    @Property
    void everyItemScoreIsItsStartPlusItsLinesClampedToTheItemRange(@ForAll("scenarios") Scenario scenario) {
        Evaluation result = scenario.evaluate();

        for (Item item : scenario.scheme().items()) {
            ItemScore score = result.item(item.code());
            BigDecimal raw = score.lines().stream().map(ScoreLine::points).reduce(item.start(), BigDecimal::add);
            BigDecimal clamped = raw.max(BigDecimal.ZERO).min(item.max());
            assertThat(score.score()).as(item.code()).isEqualByComparingTo(clamped);
        }
    }

    @Property
    void aHigherTotalNeverGetsALowerGrade(@ForAll("erqiScenarios") Scenario a, @ForAll("erqiScenarios") Scenario b) {
        Evaluation first = a.evaluate();
        Evaluation second = b.evaluate();
        Evaluation lower = first.total().compareTo(second.total()) <= 0 ? first : second;
        Evaluation higher = lower == first ? second : first;

        assertThat(bandFloor(higher.grade())).isGreaterThanOrEqualTo(bandFloor(lower.grade()));
    }

    @Property
    void gradeBandsAreMonotoneOverTheWholeRange(
            @ForAll @BigRange(min = "0", max = "100") @Scale(2) BigDecimal x,
            @ForAll @BigRange(min = "0", max = "100") @Scale(2) BigDecimal y) {
        BigDecimal low = x.min(y);
        BigDecimal high = x.max(y);
        List<GradeBand> bands = SchemeFixture.ERQI.grades();

        GradeBand lowBand = Evaluator.grade(bands, low);
        GradeBand highBand = Evaluator.grade(bands, high);

        assertThat(highBand.min()).isGreaterThanOrEqualTo(lowBand.min());
        assertThat(low).isGreaterThanOrEqualTo(lowBand.min());
        assertThat(high).isGreaterThanOrEqualTo(highBand.min());
    }

    private static BigDecimal bandFloor(String grade) {
        return SchemeFixture.ERQI.grades().stream().filter(g -> g.code().equals(grade)).findFirst().orElseThrow().min();
    }
}
