package cn.kaoping.scheme.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Dated submissions: on time, late, missing after the deadline, or pending before it. */
final class MilestoneScorer implements RuleScorer {

    private static final String KIND = "时间节点规则";

    private final Milestone rule;
    private final Item item;
    private final List<LocalDate> dueDates;

    /**
     * @param window the period assessed: deadlines outside it are not scored; {@code null} scores every fixed
     *               deadline, and a relative milestone then uses the repeat period around {@code asOf}
     */
    MilestoneScorer(Milestone rule, Item item, Window window, LocalDate asOf) {
        this.rule = rule;
        this.item = item;
        if (window != null) {
            this.dueDates = rule.dueDates(window);
        } else if (rule.relative()) {
            this.dueDates = rule.dueDates(rule.periodAround(asOf));
        } else {
            this.dueDates = rule.dueDates();
        }
    }

    @Override
    public void check(Fact fact, List<String> problems) {
        FactTarget.onlyFields(fact, KIND, problems, "due", "date");
        if (fact.date() == null) {
            problems.add("时间节点规则需要报送日期 date");
        }
        if (fact.due() == null && dueDates.size() != 1) {
            problems.add("周期性时间节点需要用 due 指明是哪一期（"
                    + dueDates.stream().map(LocalDate::toString).collect(Collectors.joining("、")) + "）");
        }
        if (fact.due() != null && !dueDates.contains(fact.due())) {
            problems.add(dueDates.isEmpty() ? "本期没有该规则的时间节点，不需要报送记录"
                    : "截止日期 " + fact.due() + " 不是本期该规则的时间节点（"
                    + dueDates.stream().map(LocalDate::toString).collect(Collectors.joining("、")) + "）");
        }
    }

    @Override
    public Object duplicateKey(Fact fact) {
        return dueOf(fact);
    }

    /** The deadline a fact answers: its own, or the period's only one. */
    private LocalDate dueOf(Fact fact) {
        return fact.due() != null ? fact.due() : dueDates.isEmpty() ? null : dueDates.get(0);
    }

    @Override
    public void score(List<Fact> facts, LocalDate asOf, ItemSheet sheet) {
        Map<LocalDate, Fact> byDue = new HashMap<>();
        facts.forEach(f -> byDue.put(dueOf(f), f));
        for (LocalDate due : dueDates) {
            Fact fact = byDue.get(due);
            String head = rule.label() + "：截止 " + due;
            if (fact != null && !fact.date().isAfter(due)) {
                sheet.line(rule.code(), null, null, BigDecimal.ZERO, head + "，" + fact.date() + " 报送，按时，不扣分");
            } else if (fact != null) {
                long days = ChronoUnit.DAYS.between(due, fact.date());
                sheet.line(rule.code(), null, null, rule.late(), head + "，" + fact.date() + " 报送，逾期 " + days
                        + " 天，扣 " + Points.format(rule.late().abs()) + " 分");
            } else if (due.isBefore(asOf)) {
                scoreMissing(head, sheet);
            } else {
                sheet.warn(Warning.MILESTONE_PENDING, head + "，尚未报送，截至 " + asOf + " 未到期，暂不扣分");
            }
        }
    }

    private void scoreMissing(String head, ItemSheet sheet) {
        if (rule.forfeitsItem()) {
            sheet.line(rule.code(), null, null, item.max().negate(),
                    head + "，未报送，扣除本项全部 " + Points.format(item.max()) + " 分");
            return;
        }
        BigDecimal points = rule.missing() == null ? rule.late() : rule.missing();
        sheet.line(rule.code(), null, null, points, head + "，未报送，扣 " + Points.format(points.abs()) + " 分");
    }
}
