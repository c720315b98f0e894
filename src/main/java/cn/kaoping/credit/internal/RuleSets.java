package cn.kaoping.credit.internal;

import cn.kaoping.credit.CreditKind;
import cn.kaoping.credit.Direction;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The credit rule sets shipped as data (classpath:credit/rules/*.yml), checked when the application starts. */
@Component
public class RuleSets {

    private final List<RuleSet> sets;

    RuleSets() {
        this(load());
    }

    RuleSets(List<RuleSet> sets) {
        if (sets.isEmpty()) {
            throw new IllegalStateException("no credit rule set in classpath:credit/rules");
        }
        this.sets = sets.stream().sorted(Comparator.comparing(RuleSet::effectiveFrom)).toList();
    }

    /** The version in force on a day (the latest effective on or before it; the first one before any). */
    public RuleSet on(LocalDate day) {
        RuleSet found = sets.get(0);
        for (RuleSet s : sets) {
            if (!s.effectiveFrom().isAfter(day)) {
                found = s;
            }
        }
        return found;
    }

    public List<RuleSet> all() {
        return sets;
    }

    private static List<RuleSet> load() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:credit/rules/*.yml");
            List<RuleSet> result = new ArrayList<>();
            for (Resource r : files) {
                try (InputStream in = r.getInputStream()) {
                    result.add(parse(in));
                }
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one rule set; every kind and direction a record may have must have a line. */
    @SuppressWarnings("unchecked")
    static RuleSet parse(InputStream in) {
        Map<String, Object> y = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        List<RuleSet.Line> lines = new ArrayList<>();
        for (Map<String, Object> l : (List<Map<String, Object>>) y.get("lines")) {
            lines.add(new RuleSet.Line(CreditKind.valueOf((String) l.get("kind")),
                    Direction.valueOf((String) l.get("direction")), decimal(l.get("points")),
                    ((Number) l.get("validityMonths")).intValue(), (String) l.get("text")));
        }
        Object from = y.get("effectiveFrom");
        RuleSet set = new RuleSet(((Number) y.get("version")).intValue(), (String) y.get("title"),
                from instanceof java.util.Date d ? new java.sql.Date(d.getTime()).toLocalDate()
                        : LocalDate.parse(String.valueOf(from)),
                decimal(y.get("base")), decimal(y.get("floor")), decimal(y.get("bonusCap")), lines);
        for (CreditKind k : CreditKind.values()) {
            for (Direction d : Direction.values()) {
                if (k.allows(d) && set.line(k, d).isEmpty()) {
                    throw new IllegalStateException("credit rule set " + set.version() + " has no line for " + k + "/" + d);
                }
            }
        }
        return set;
    }

    private static BigDecimal decimal(Object o) {
        return new BigDecimal(String.valueOf(o));
    }
}
