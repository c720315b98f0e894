package cn.kaoping.inspection.internal;

import cn.kaoping.scheme.engine.Evaluation;
import java.util.List;
import java.util.Map;

/**
 * Everything the inspection screen shows: the round, the estate's inspection, the scheme's rules as inputs, the
 * findings and photos per rule, the live score, patrol records of the period, objections, and what the viewer may do.
 */
public record TaskView(Round round, Inspection inspection, List<RuleInput> rules, Map<String, Finding> findings,
                       Map<String, List<Inspections.EvidenceRow>> evidence, Evaluation evaluation,
                       List<Patrols.PatrolRow> patrols, List<Objections.ObjectionRow> objections, boolean canEdit,
                       boolean canReview, boolean canObject, boolean canDecide) {

    /** The same view showing what was typed (also refused values) instead of the stored findings of those rules. */
    public TaskView withTyped(List<Finding> typed) {
        Map<String, Finding> shown = new java.util.LinkedHashMap<>(findings);
        typed.forEach(f -> shown.put(f.key(), f));
        return new TaskView(round, inspection, rules, shown, evidence, evaluation, patrols, objections, canEdit,
                canReview, canObject, canDecide);
    }

    public Finding finding(String rule) {
        return findings.get(rule);
    }

    public List<Inspections.EvidenceRow> evidenceOf(String rule) {
        return evidence.getOrDefault(rule, List.of());
    }

    public long uncarriedPatrols() {
        return patrols.stream().filter(pr -> pr.carriedInto() == null).count();
    }
}
