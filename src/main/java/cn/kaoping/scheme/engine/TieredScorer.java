package cn.kaoping.scheme.engine;

import cn.kaoping.scheme.engine.Tiered.Measure;
import cn.kaoping.scheme.engine.Tiered.Tier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Points from a measured value: the first tier (highest first) whose threshold the value reaches. */
final class TieredScorer implements RuleScorer {

    private static final String KIND = "分档规则";

    private final Tiered rule;

    TieredScorer(Tiered rule) {
        this.rule = rule;
    }

    @Override
    public void check(Fact fact, List<String> problems) {
        FactTarget.onlyFields(fact, KIND, problems, "value", "sample");
        if (fact.value() == null) {
            problems.add("分档规则需要测量值 value");
        } else if (rule.measure() == Measure.RATE && !isRate(fact.value())) {
            problems.add("比例 value 必须在 0 到 1 之间（如 0.75 表示 75%）");
        }
        if (fact.sample() != null && !isRate(fact.sample())) {
            problems.add("样本比例 sample 必须在 0 到 1 之间（如 0.12 表示 12%）");
        }
        if (fact.sample() == null && rule.minSample() != null) {
            problems.add("该规则要求样本比例不少于 " + Points.percent(rule.minSample()) + "，需要提供 sample");
        }
    }

    private static boolean isRate(BigDecimal v) {
        return v.signum() >= 0 && v.compareTo(BigDecimal.ONE) <= 0;
    }

    @Override
    public void score(List<Fact> facts, LocalDate asOf, ItemSheet sheet) {
        if (facts.isEmpty() && rule.ifNone() == Tiered.IfNone.FULL) {
            sheet.line(rule.code(), null, null, rule.fullPoints(), "本期无可计算" + rule.label() + "的事项（如无有效投诉），"
                    + "无从失分，得满分 " + Points.format(rule.fullPoints()) + " 分");
            return;
        }
        if (facts.isEmpty()) {
            sheet.warn(Warning.MEASURE_MISSING, "未提供" + rule.label() + "数据，本规则按 0 分计");
            return;
        }
        Fact fact = facts.get(0);
        BigDecimal value = fact.value();
        if (rule.minSample() != null && fact.sample().compareTo(rule.minSample()) < 0) {
            String why = "样本比例 " + Points.percent(fact.sample()) + " 低于 " + Points.percent(rule.minSample());
            sheet.line(rule.code(), null, value, BigDecimal.ZERO, why + "，" + rule.label() + "不得分");
            sheet.warn(Warning.SAMPLE_INSUFFICIENT, why + "，" + rule.label() + "按 0 分计");
            return;
        }
        Tier reached = rule.tiers().stream().filter(t -> value.compareTo(t.min()) >= 0).findFirst().orElse(null);
        if (reached == null && rule.tiers().isEmpty()) {
            sheet.line(rule.code(), null, value, BigDecimal.ZERO, rule.label() + " " + show(value) + "，不得分");
            return;
        }
        if (reached == null) {
            Tier lowest = rule.tiers().get(rule.tiers().size() - 1);
            sheet.line(rule.code(), null, value, BigDecimal.ZERO,
                    rule.label() + " " + show(value) + " 低于 " + show(lowest.min()) + "，不得分");
            return;
        }
        String verb = reached.points().signum() < 0 ? "扣 " : "得 ";
        sheet.line(rule.code(), null, value, reached.points(), rule.label() + " " + show(value) + " ≥ "
                + show(reached.min()) + "，" + verb + Points.format(reached.points().abs()) + " 分");
    }

    private String show(BigDecimal v) {
        return rule.measure() == Measure.RATE ? Points.percent(v) : Points.format(v);
    }
}
