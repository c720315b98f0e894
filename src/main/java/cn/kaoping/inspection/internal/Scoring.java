package cn.kaoping.inspection.internal;

import cn.kaoping.scheme.SchemeCatalog;
import cn.kaoping.scheme.engine.Bonus;
import cn.kaoping.scheme.engine.Condition;
import cn.kaoping.scheme.engine.Evaluation;
import cn.kaoping.scheme.engine.Evaluator;
import cn.kaoping.scheme.engine.Fact;
import cn.kaoping.scheme.engine.PerOccurrence;
import cn.kaoping.scheme.engine.Rule;
import cn.kaoping.scheme.engine.Scheme;
import cn.kaoping.scheme.engine.Tiered;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.ValidationException;
import cn.kaoping.shared.ValidationException.FieldProblem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Turns an inspection's findings into engine facts and scores them against the round's pinned scheme version. */
@Component
public class Scoring {

    private final SchemeCatalog catalog;

    Scoring(SchemeCatalog catalog) {
        this.catalog = catalog;
    }

    public Scheme scheme(Round round) {
        return scheme(round.schemeCode(), round.schemeVersion());
    }

    public Scheme scheme(String code, int version) {
        return catalog.published(code, version).orElseThrow(() -> new NotFoundException(
                "考评标准 " + code + " 第 " + version + " 版不存在或未发布"));
    }

    /** Scores one inspection through the scheme catalogue, as of the last day of the round's period. */
    public Evaluation evaluate(Round round, Collection<Finding> findings) {
        return catalog.evaluate(round.schemeCode(), round.schemeVersion(), round.period().end(),
                facts(scheme(round), findings));
    }

    /** Scores with an already loaded scheme (a whole round at once, without a catalogue look-up per estate). */
    public static Evaluation evaluate(Scheme scheme, Round round, Collection<Finding> findings) {
        return Evaluator.evaluate(scheme, round.period().end(), facts(scheme, findings));
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
                facts.add(Fact.value(r.code(), f.value()));
            }
        }
        return facts;
    }

    /** Checks findings against the scheme: known rules, the right kind of input, no negative numbers. */
    public static void check(Scheme scheme, Collection<Finding> findings) {
        Map<String, Rule> rules = rules(scheme);
        List<FieldProblem> problems = new ArrayList<>();
        for (Finding f : findings) {
            if (f == null || f.rule() == null) {
                problems.add(new FieldProblem("rule", "每条检查记录须写明规则编号（rule）"));
                continue;
            }
            Rule r = rules.get(f.rule());
            if (r == null) {
                problems.add(new FieldProblem(f.rule(), "考评标准中没有规则 " + f.rule()));
                continue;
            }
            if (f.count() != null && f.count() < 0) {
                problems.add(new FieldProblem("count:" + f.rule(), r.code() + " " + r.label() + "：次数不能为负数"));
            }
            if (f.count() != null && f.count() > 10_000) {
                problems.add(new FieldProblem("count:" + f.rule(), r.code() + " " + r.label() + "：次数过大"));
            }
            if (f.value() != null && (f.value().signum() < 0
                    || (r instanceof Tiered t && t.measure() == Tiered.Measure.RATE
                        && f.value().compareTo(BigDecimal.ONE) > 0))) {
                problems.add(new FieldProblem("value:" + f.rule(), r.code() + " " + r.label() + "：数值超出范围"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    public static Optional<Rule> rule(Scheme scheme, String code) {
        return Optional.ofNullable(rules(scheme).get(code));
    }

    private static Map<String, Rule> rules(Scheme scheme) {
        return scheme.rules().stream().collect(Collectors.toMap(Rule::code, Function.identity(), (a, b) -> a));
    }
}
