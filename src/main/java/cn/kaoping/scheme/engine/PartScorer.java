package cn.kaoping.scheme.engine;

import cn.kaoping.scheme.engine.Evaluation.PartScore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Scores a composite part from its fact and compares it with the part's floor. */
final class PartScorer implements FactTarget {

    private static final String KIND = "分项";

    private final Part part;

    PartScorer(Part part) {
        this.part = part;
    }

    @Override
    public void check(Fact fact, List<String> problems) {
        boolean counts = fact.satisfied() != null || fact.basicallySatisfied() != null || fact.owners() != null;
        if (part.source() == Part.Source.SATISFACTION && counts) {
            FactTarget.onlyFields(fact, KIND, problems, "satisfied", "basicallySatisfied", "owners");
            checkCounts(fact, problems);
            return;
        }
        FactTarget.onlyFields(fact, KIND, problems, "value");
        if (fact.value() == null) {
            problems.add(part.source() == Part.Source.SATISFACTION
                    ? "满意率分项需要 satisfied、basicallySatisfied 和 owners，或直接给出得分 value"
                    : "分项需要得分 value（0–100 分）");
        } else if (fact.value().signum() < 0 || fact.value().compareTo(Points.HUNDRED) > 0) {
            problems.add("分项得分 value 必须在 0 到 100 之间");
        }
    }

    private static void checkCounts(Fact fact, List<String> problems) {
        if (fact.satisfied() == null || fact.basicallySatisfied() == null || fact.owners() == null) {
            problems.add("满意率需要同时给出 satisfied、basicallySatisfied 和 owners");
            return;
        }
        if (fact.satisfied() < 0 || fact.basicallySatisfied() < 0) {
            problems.add("满意和基本满意人数不能为负数");
        }
        if (fact.owners() <= 0) {
            problems.add("专有部分业主总人数 owners 必须大于 0");
        } else if ((long) fact.satisfied() + fact.basicallySatisfied() > fact.owners()) {
            problems.add("满意与基本满意人数之和不能超过业主总人数 owners");
        }
    }

    PartScore score(List<Fact> facts, List<Warning> warnings) {
        BigDecimal score;
        String reason;
        if (facts.isEmpty()) {
            score = BigDecimal.ZERO;
            reason = "未提供" + part.title() + "得分，按 0 分计";
            warnings.add(new Warning(Warning.PART_MISSING, part.code(), reason));
        } else if (facts.get(0).value() != null) {
            score = facts.get(0).value();
            reason = part.title() + " " + Points.format(score) + " 分";
        } else {
            Fact f = facts.get(0);
            // seed 002: (满意 + 基本满意) ÷ all owners of exclusive parts, not ÷ respondents
            BigDecimal rate = BigDecimal.valueOf((long) f.satisfied() + f.basicallySatisfied())
                    .multiply(Points.HUNDRED)
                    .divide(BigDecimal.valueOf(f.owners()), 2, RoundingMode.HALF_UP);
            score = rate;
            reason = part.title() + " (" + f.satisfied() + " + " + f.basicallySatisfied() + ") ÷ " + f.owners()
                    + " = " + Points.format(rate) + "%";
        }
        score = Points.round(score);
        boolean above = part.floor() == null || score.compareTo(part.floor()) > 0;
        if (!above && !facts.isEmpty()) {
            warnings.add(new Warning(Warning.PART_NOT_ABOVE_FLOOR, part.code(), part.title() + " "
                    + Points.format(score) + " 分未高于最低标准线 " + Points.format(part.floor()) + " 分，不予通过"));
        }
        return new Evaluation.PartScore(part.code(), part.title(), score, Points.round(part.weight()),
                part.floor() == null ? null : Points.round(part.floor()), above, reason);
    }
}
