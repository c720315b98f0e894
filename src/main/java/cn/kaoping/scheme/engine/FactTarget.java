package cn.kaoping.scheme.engine;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Whatever a fact can address by code: a rule, a composite part or a veto. */
interface FactTarget {

    /** Adds a Chinese message for every way the fact does not fit this target. */
    void check(Fact fact, List<String> problems);

    /** Facts with equal keys may not repeat for one target; {@code null} lets them add up. */
    default Object duplicateKey(Fact fact) {
        return "";
    }

    static void onlyFields(Fact fact, String kind, List<String> problems, String... allowed) {
        Set<String> extra = new TreeSet<>(fact.presentFields());
        extra.removeAll(Set.of(allowed));
        if (!extra.isEmpty()) {
            problems.add(kind + "不接受字段 " + String.join("、", extra));
        }
    }

    static void zeroOrOne(Fact fact, String kind, List<String> problems) {
        if (fact.count() != null && fact.count() > 1) {
            problems.add(kind + "只表示条件是否成立，count 只能是 0 或 1");
        }
    }
}
