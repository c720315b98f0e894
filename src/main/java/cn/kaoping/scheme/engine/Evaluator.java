package cn.kaoping.scheme.engine;

import cn.kaoping.scheme.engine.Evaluation.ItemScore;
import cn.kaoping.scheme.engine.Evaluation.PartScore;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Evaluates facts against a scheme: checks the facts, scores every item or part, grades and passes. */
public final class Evaluator {

    private Evaluator() {
    }

    /**
     * @param asOf the day the evaluation looks from: deadlines before it are missed, later ones pending
     * @throws InvalidFactsException listing every fact that does not fit the scheme
     */
    public static Evaluation evaluate(Scheme scheme, LocalDate asOf, List<Fact> facts) {
        return evaluate(scheme, null, asOf, facts);
    }

    /**
     * Evaluates one period: deadlines are those inside {@code window} (every fixed deadline when it is null), and
     * a deadline after {@code asOf} is still pending.
     *
     * @throws InvalidFactsException listing every fact that does not fit the scheme
     */
    public static Evaluation evaluate(Scheme scheme, Window window, LocalDate asOf, List<Fact> facts) {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(asOf, "asOf");
        List<Fact> given = facts == null ? List.of() : facts;

        Map<String, RuleScorer> scorers = new LinkedHashMap<>();
        scheme.items().forEach(item -> item.rules().forEach(r -> scorers.put(r.code(), RuleScorer.of(r, item, window, asOf))));
        Map<String, PartScorer> partScorers = new LinkedHashMap<>();
        scheme.parts().forEach(p -> partScorers.put(p.code(), new PartScorer(p)));
        Map<String, VetoTarget> vetoTargets = new LinkedHashMap<>();
        scheme.vetoes().forEach(v -> vetoTargets.put(v.code(), new VetoTarget(v)));

        Map<String, FactTarget> targets = new HashMap<>();
        targets.putAll(scorers);
        targets.putAll(partScorers);
        targets.putAll(vetoTargets);
        check(given, targets);

        Map<String, List<Fact>> byCode = new HashMap<>();
        given.forEach(f -> byCode.computeIfAbsent(f.rule(), k -> new ArrayList<>()).add(f));

        List<Warning> warnings = new ArrayList<>();
        List<ItemScore> items = new ArrayList<>();
        for (Item item : scheme.items()) {
            ItemSheet sheet = new ItemSheet(item, warnings);
            item.rules().forEach(r -> scorers.get(r.code()).score(byCode.getOrDefault(r.code(), List.of()), asOf,
                    sheet));
            items.add(sheet.close());
        }
        List<PartScore> parts = new ArrayList<>();
        partScorers.forEach((code, scorer) -> parts.add(scorer.score(byCode.getOrDefault(code, List.of()),
                warnings)));

        BigDecimal total = scheme.composite() ? weighted(parts) : sum(items);
        boolean vetoed = false;
        for (Map.Entry<String, VetoTarget> veto : vetoTargets.entrySet()) {
            vetoed |= veto.getValue().holds(byCode.getOrDefault(veto.getKey(), List.of()), warnings);
        }
        boolean reachesPassMark = scheme.passMark() == null || total.compareTo(scheme.passMark()) >= 0;
        if (!reachesPassMark) {
            warnings.add(new Warning(Warning.BELOW_PASS_MARK, null, "总分 " + Points.format(total) + " 分低于合格线 "
                    + Points.format(scheme.passMark()) + " 分"));
        }
        boolean partsAbove = parts.stream().allMatch(PartScore::aboveFloor);
        GradeBand grade = grade(scheme.grades(), total);
        return new Evaluation(scheme.code(), scheme.version(), Points.round(scheme.max()), total,
                grade == null ? null : grade.code(), grade == null ? null : grade.label(),
                !vetoed && reachesPassMark && partsAbove, vetoed, items, parts, warnings);
    }

    private static void check(List<Fact> facts, Map<String, FactTarget> targets) {
        List<FactProblem> problems = new ArrayList<>();
        Set<List<Object>> seen = new HashSet<>();
        for (int i = 0; i < facts.size(); i++) {
            Fact fact = facts.get(i);
            if (fact == null) {
                problems.add(new FactProblem(i, null, "事实为空"));
                continue;
            }
            if (fact.rule() == null || fact.rule().isBlank()) {
                problems.add(new FactProblem(i, fact.rule(), "缺少规则编号 rule"));
                continue;
            }
            FactTarget target = targets.get(fact.rule());
            if (target == null) {
                problems.add(new FactProblem(i, fact.rule(), "未知的规则编号 “" + fact.rule() + "”"));
                continue;
            }
            List<String> messages = new ArrayList<>();
            if (fact.count() != null && fact.count() < 0) {
                messages.add("次数 count 不能为负数");
            }
            target.check(fact, messages);
            Object key = target.duplicateKey(fact);
            if (messages.isEmpty() && key != null && !seen.add(List.of(fact.rule(), key))) {
                messages.add("同一规则（或同一时间节点）只能有一条事实");
            }
            int index = i;
            messages.forEach(m -> problems.add(new FactProblem(index, fact.rule(), m)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFactsException(problems);
        }
    }

    private static BigDecimal sum(List<ItemScore> items) {
        return Points.round(items.stream().map(ItemScore::score).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    private static BigDecimal weighted(List<PartScore> parts) {
        BigDecimal total = BigDecimal.ZERO;
        for (PartScore part : parts) {
            total = total.add(part.score().multiply(part.weight()));
        }
        return Points.round(total.divide(Points.HUNDRED));
    }

    /** The highest band whose lower bound (inclusive) the total reaches, or null. */
    static GradeBand grade(List<GradeBand> bands, BigDecimal total) {
        return GradeBand.reachedBy(bands, total).orElse(null);
    }
}
