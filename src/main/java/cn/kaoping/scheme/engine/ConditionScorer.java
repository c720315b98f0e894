package cn.kaoping.scheme.engine;

import java.time.LocalDate;
import java.util.List;

/** Fixed points when the condition's fact holds. */
final class ConditionScorer implements RuleScorer {

    private static final String KIND = "条件规则";

    private final Condition rule;

    ConditionScorer(Condition rule) {
        this.rule = rule;
    }

    @Override
    public void check(Fact fact, List<String> problems) {
        FactTarget.onlyFields(fact, KIND, problems, "count");
        FactTarget.zeroOrOne(fact, KIND, problems);
    }

    @Override
    public void score(List<Fact> facts, LocalDate asOf, ItemSheet sheet) {
        if (facts.isEmpty() || facts.get(0).occurrences() == 0) {
            return;
        }
        String verb = rule.points().signum() < 0 ? "扣 " : "加 ";
        sheet.line(rule.code(), 1, null, rule.points(),
                rule.label() + "，" + verb + Points.format(rule.points().abs()) + " 分");
    }
}
