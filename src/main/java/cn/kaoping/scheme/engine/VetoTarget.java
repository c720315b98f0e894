package cn.kaoping.scheme.engine;

import java.util.List;

/** A veto addressed by a bare fact: it holds unless its count is 0. */
final class VetoTarget implements FactTarget {

    private static final String KIND = "否决项";

    private final Veto veto;

    VetoTarget(Veto veto) {
        this.veto = veto;
    }

    @Override
    public void check(Fact fact, List<String> problems) {
        FactTarget.onlyFields(fact, KIND, problems, "count");
        FactTarget.zeroOrOne(fact, KIND, problems);
    }

    boolean holds(List<Fact> facts, List<Warning> warnings) {
        boolean holds = !facts.isEmpty() && facts.get(0).occurrences() > 0;
        if (holds) {
            warnings.add(new Warning(Warning.VETOED, veto.code(), "一票否决：" + veto.title()));
        }
        return holds;
    }
}
