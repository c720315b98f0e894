package cn.kaoping.scheme.engine;

import java.time.LocalDate;
import java.util.List;

/** One rule bound to its item: checks facts addressed to the rule and turns them into score lines. */
interface RuleScorer extends FactTarget {

    /** Adds this rule's lines (and warnings) to the sheet; {@code facts} are already checked. */
    void score(List<Fact> facts, LocalDate asOf, ItemSheet sheet);

    /** A scorer for an evaluation of {@code window} (or of everything, when null) as seen on {@code asOf}. */
    static RuleScorer of(Rule rule, Item item, Window window, LocalDate asOf) {
        if (rule instanceof PerOccurrence r) {
            return new OccurrenceScorer(r.code(), r.label(), r.unit(), r.points(), r.cap(), "按次计分规则");
        }
        if (rule instanceof Bonus r) {
            return new OccurrenceScorer(r.code(), r.label(), r.unit(), r.points(), r.cap(), "加分规则");
        }
        if (rule instanceof Condition r) {
            return new ConditionScorer(r);
        }
        if (rule instanceof Milestone r) {
            return new MilestoneScorer(r, item, window, asOf);
        }
        if (rule instanceof Tiered r) {
            return new TieredScorer(r);
        }
        if (rule instanceof PeerRank r) {
            return new PeerRankScorer(r);
        }
        throw new IllegalArgumentException("unknown rule kind " + rule);
    }
}
