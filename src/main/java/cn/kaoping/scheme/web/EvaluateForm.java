package cn.kaoping.scheme.web;

import cn.kaoping.platform.web.FormData;
import cn.kaoping.scheme.engine.Fact;
import cn.kaoping.scheme.engine.FactProblem;
import cn.kaoping.scheme.internal.SchemeView;
import cn.kaoping.scheme.internal.SchemeView.PartView;
import cn.kaoping.scheme.internal.SchemeView.RuleView;
import cn.kaoping.scheme.internal.SchemeView.VetoView;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The evaluate page's inputs turned into facts. One input per rule (per deadline for milestones); a field left
 * empty is no fact. Rates are typed as percentages (75 means 75 %) and handed to the engine as fractions.
 * Input names: {@code count:R}, {@code holds:R}, {@code date:R:DUE}, {@code value:R}, {@code sample:R},
 * {@code rank:R}, and for survey parts {@code satisfied:P}, {@code basicallySatisfied:P}, {@code owners:P}.
 */
final class EvaluateForm {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    final LocalDate asOf;
    final List<Fact> facts = new ArrayList<>();
    /** Problems of what was typed, keyed by input name, as "rule label: message". */
    final Map<String, String> problems = new LinkedHashMap<>();

    private EvaluateForm(LocalDate asOf) {
        this.asOf = asOf;
    }

    static EvaluateForm parse(SchemeView scheme, FormData form, LocalDate today) {
        LocalDate asOf = form.date("asOf");
        EvaluateForm parsed = new EvaluateForm(asOf == null ? today : asOf);
        for (RuleView rule : scheme.rules()) {
            parsed.rule(rule, form);
        }
        for (PartView part : scheme.parts()) {
            parsed.part(part, form);
        }
        for (VetoView veto : scheme.vetoes()) {
            if (form.checkbox("holds:" + veto.code())) {
                parsed.facts.add(Fact.holds(veto.code()));
            }
        }
        form.getErrors().forEach((field, message) -> parsed.problems.putIfAbsent(field, describe(scheme, field)
                + "：" + message));
        return parsed;
    }

    private void rule(RuleView rule, FormData form) {
        String code = rule.code();
        switch (rule.kind()) {
            case "per-occurrence", "bonus" -> {
                Integer count = form.integer("count:" + code);
                if (count != null) {
                    facts.add(Fact.occurrences(code, count));
                }
            }
            case "condition" -> {
                if (form.checkbox("holds:" + code)) {
                    facts.add(Fact.holds(code));
                }
            }
            case "milestone" -> {
                for (LocalDate due : rule.dueDates()) {
                    LocalDate date = form.date("date:" + code + ":" + due);
                    if (date != null) {
                        facts.add(Fact.submitted(code, due, date));
                    }
                }
            }
            case "tiered" -> {
                BigDecimal value = measure(form, "value:" + code, rule.rate());
                BigDecimal sample = measure(form, "sample:" + code, true);
                if (value != null || sample != null) {
                    facts.add(Fact.measured(code, value, sample));
                }
            }
            case "peer-rank" -> {
                Integer rank = form.integer("rank:" + code);
                if (rank != null) {
                    facts.add(Fact.ranked(code, rank));
                }
            }
            default -> throw new IllegalStateException("unknown rule kind " + rule.kind());
        }
    }

    private void part(PartView part, FormData form) {
        String code = part.code();
        BigDecimal value = form.decimal("value:" + code);
        if (part.satisfaction()) {
            Integer satisfied = form.integer("satisfied:" + code);
            Integer basically = form.integer("basicallySatisfied:" + code);
            Integer owners = form.integer("owners:" + code);
            if (satisfied != null || basically != null || owners != null) {
                if (value != null) {
                    form.error("value:" + code, "请填写得分或调查人数，二者选一");
                    return;
                }
                facts.add(new Fact(code, null, null, null, null, null, null, satisfied == null ? 0 : satisfied,
                        basically == null ? 0 : basically, owners));
                return;
            }
        }
        if (value != null) {
            facts.add(Fact.value(code, value));
        }
    }

    /** A typed percentage (or plain number) as the engine's fraction; outside 0–100 % is the user's mistake. */
    private static BigDecimal measure(FormData form, String name, boolean percent) {
        BigDecimal typed = form.decimal(name);
        if (typed == null || !percent) {
            return typed;
        }
        if (typed.signum() < 0 || typed.compareTo(HUNDRED) > 0) {
            form.error(name, "请填写 0–100 之间的百分数");
            return null;
        }
        return typed.divide(HUNDRED);
    }

    /** A problem the engine found with a fact, for the person who typed it: "10.a 保安缺岗：…". */
    static String plain(SchemeView scheme, FactProblem problem) {
        return (problem.rule() == null ? "" : describe(scheme, "fact:" + problem.rule()) + "：") + problem.message();
    }

    /** "10.a 保安缺岗" for an input name such as {@code count:10.a}. */
    private static String describe(SchemeView scheme, String field) {
        if ("asOf".equals(field)) {
            return "评价日期";
        }
        String[] parts = field.split(":", 3);
        if (parts.length < 2) {
            return field;
        }
        String code = parts[1];
        for (RuleView r : scheme.rules()) {
            if (r.code().equals(code)) {
                return code + " " + r.label() + (parts.length == 3 ? "（" + parts[2] + "）" : "");
            }
        }
        for (PartView p : scheme.parts()) {
            if (p.code().equals(code)) {
                return p.title();
            }
        }
        return code;
    }
}
