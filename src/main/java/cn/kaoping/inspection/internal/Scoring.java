package cn.kaoping.inspection.internal;

import cn.kaoping.scheme.SchemeCatalog;
import cn.kaoping.scheme.engine.Bonus;
import cn.kaoping.scheme.engine.Condition;
import cn.kaoping.scheme.engine.Evaluation;
import cn.kaoping.scheme.engine.Evaluator;
import cn.kaoping.scheme.engine.Fact;
import cn.kaoping.scheme.engine.InvalidFactsException;
import cn.kaoping.scheme.engine.Milestone;
import cn.kaoping.scheme.engine.PerOccurrence;
import cn.kaoping.scheme.engine.Points;
import cn.kaoping.scheme.engine.Rule;
import cn.kaoping.scheme.engine.Scheme;
import cn.kaoping.scheme.engine.Tiered;
import cn.kaoping.scheme.engine.Window;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.ValidationException;
import cn.kaoping.shared.ValidationException.FieldProblem;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Turns an inspection's findings into engine facts and scores them against the round's pinned scheme version, for
 * the round's own period: deadlines outside it do not exist, and one not yet reached is pending (issue 19).
 */
@Component
public class Scoring {

    private final SchemeCatalog catalog;
    private final Clock clock;

    Scoring(SchemeCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    public Scheme scheme(Round round) {
        return scheme(round.schemeCode(), round.schemeVersion());
    }

    public Scheme scheme(String code, int version) {
        return catalog.published(code, version).orElseThrow(() -> new NotFoundException(
                "考评标准 " + code + " 第 " + version + " 版不存在或未发布"));
    }

    /** Scores one inspection through the scheme catalogue, for the round's period as seen today. */
    public Evaluation evaluate(Round round, Collection<Finding> findings) {
        return catalog.evaluate(round.schemeCode(), round.schemeVersion(), window(round), asOf(round),
                facts(scheme(round), findings));
    }

    /** Scores with an already loaded scheme (a whole round at once, without a catalogue look-up per estate). */
    public Evaluation evaluate(Scheme scheme, Round round, Collection<Finding> findings) {
        return Evaluator.evaluate(scheme, window(round), asOf(round), facts(scheme, findings));
    }

    /** The days the round assesses. */
    public static Window window(Round round) {
        return new Window(round.period().start(), round.period().end());
    }

    /**
     * The day a round is scored as of: today while its period runs (a report not yet due is pending), the period's
     * last day once it is over (so a published score does not depend on when it was computed).
     */
    public LocalDate asOf(Round round) {
        LocalDate today = LocalDate.now(clock);
        return today.isAfter(round.period().end()) ? round.period().end() : today;
    }

    /** The deadlines of a milestone rule inside the round's period, for the form. */
    public static List<LocalDate> deadlines(Milestone rule, Round round) {
        return rule.dueDates(window(round));
    }

    /** The facts a set of findings stands for; a finding that records nothing scoreable yields no fact. */
    public static List<Fact> facts(Scheme scheme, Collection<Finding> findings) {
        Map<String, Rule> rules = rules(scheme);
        List<Fact> facts = new ArrayList<>();
        for (Finding f : findings) {
            Rule r = rules.get(f.rule());
            if (r == null) {
                continue;
            }
            if (r instanceof PerOccurrence || r instanceof Bonus) {
                if (f.count() != null && f.count() > 0) {
                    facts.add(Fact.occurrences(r.code(), f.count()));
                }
            } else if (r instanceof Condition) {
                if (f.holds()) {
                    facts.add(Fact.holds(r.code()));
                }
            } else if (r instanceof Tiered && f.value() != null) {
                facts.add(Fact.measured(r.code(), f.value(), f.sample()));
            } else if (r instanceof Milestone && f.date() != null) {
                facts.add(Fact.submitted(r.code(), f.due(), f.date()));
            }
        }
        return facts;
    }

    /**
     * Checks findings against the round's scheme: known rules, the right kind of input, numbers in range, a sample
     * where the rule needs one, deadlines of the round's period; then lets the engine check the facts, so that
     * nothing the engine would refuse reaches it (a 400 naming the rule, never a 500).
     *
     * @throws ValidationException listing every finding that does not fit
     */
    public static void check(Scheme scheme, Round round, Collection<Finding> findings) {
        Map<String, Rule> rules = rules(scheme);
        List<FieldProblem> problems = new ArrayList<>();
        for (Finding f : findings) {
            if (f == null || f.rule() == null || f.rule().isBlank()) {
                problems.add(new FieldProblem("rule", "每条检查记录都要写明规则编号 rule"));
                continue;
            }
            Rule r = rules.get(f.rule());
            if (r == null) {
                problems.add(new FieldProblem(f.rule(), "考评标准中没有规则 " + f.rule()));
                continue;
            }
            checkOne(r, f, round, problems);
        }
        if (problems.isEmpty()) {
            try {
                Evaluator.evaluate(scheme, window(round), round.period().end(), facts(scheme, findings));
            } catch (InvalidFactsException e) {
                e.problems().forEach(p -> problems.add(new FieldProblem("value:" + p.rule(),
                        p.rule() + " " + label(rules.get(p.rule())) + "：" + p.message())));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    private static void checkOne(Rule r, Finding f, Round round, List<FieldProblem> problems) {
        String head = r.code() + " " + r.label() + "：";
        if (f.count() != null && f.count() < 0) {
            problems.add(new FieldProblem("count:" + f.rule(), head + "次数不能为负数"));
        }
        if (f.count() != null && f.count() > 10_000) {
            problems.add(new FieldProblem("count:" + f.rule(), head + "次数过大"));
        }
        if (f.value() != null && (f.value().signum() < 0 || f.value().compareTo(new BigDecimal("1e8")) >= 0
                || (r instanceof Tiered t && t.measure() == Tiered.Measure.RATE
                    && f.value().compareTo(BigDecimal.ONE) > 0))) {
            problems.add(new FieldProblem("value:" + f.rule(), head + "数值超出范围"));
        }
        if (f.sample() != null && (f.sample().signum() < 0 || f.sample().compareTo(BigDecimal.ONE) > 0)) {
            problems.add(new FieldProblem("sample:" + f.rule(), head + "样本比例应在 0 到 100% 之间"));
        }
        if (r instanceof Tiered t && t.minSample() != null && f.value() != null && f.sample() == null) {
            problems.add(new FieldProblem("sample:" + f.rule(), head + "请填写样本比例（本项要求样本不少于 "
                    + Points.percent(t.minSample()) + "），调查台账作为佐证上传"));
        }
        if (r instanceof Milestone m) {
            List<LocalDate> deadlines = deadlines(m, round);
            if (f.due() == null || !deadlines.contains(f.due())) {
                problems.add(new FieldProblem("date:" + f.key(), head + (deadlines.isEmpty()
                        ? "本期没有该项的报送节点"
                        : "请指明本期的报送节点（" + deadlines.stream().map(LocalDate::toString)
                                .collect(Collectors.joining("、")) + "）")));
            }
            if (f.date() != null && (f.date().getYear() < 2000 || f.date().getYear() > 2999)) {
                problems.add(new FieldProblem("date:" + f.key(), head + "报送日期不正确"));
            }
        } else if (f.due() != null || f.date() != null) {
            problems.add(new FieldProblem(f.rule(), head + "本项不是报送时间节点，不填报送日期"));
        }
    }

    private static String label(Rule r) {
        return r == null ? "" : r.label();
    }

    public static Optional<Rule> rule(Scheme scheme, String code) {
        return Optional.ofNullable(rules(scheme).get(code));
    }

    private static Map<String, Rule> rules(Scheme scheme) {
        return scheme.rules().stream().collect(Collectors.toMap(Rule::code, Function.identity(), (a, b) -> a));
    }
}
