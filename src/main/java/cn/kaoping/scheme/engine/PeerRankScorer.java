package cn.kaoping.scheme.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Points by rank counted from the worst; ranks beyond the rule's list score 0. */
final class PeerRankScorer implements RuleScorer {

    private static final String KIND = "排名规则";

    private final PeerRank rule;

    PeerRankScorer(PeerRank rule) {
        this.rule = rule;
    }

    @Override
    public void check(Fact fact, List<String> problems) {
        FactTarget.onlyFields(fact, KIND, problems, "rank");
        if (fact.rank() == null || fact.rank() < 1) {
            problems.add("排名规则需要名次 rank（从最差数起，1 表示倒数第一）");
        }
    }

    @Override
    public void score(List<Fact> facts, LocalDate asOf, ItemSheet sheet) {
        if (facts.isEmpty()) {
            return;
        }
        int rank = facts.get(0).rank();
        BigDecimal points = rank <= rule.points().size() ? rule.points().get(rank - 1) : BigDecimal.ZERO;
        String tail = points.signum() == 0 ? "不扣分"
                : (points.signum() < 0 ? "扣 " : "加 ") + Points.format(points.abs()) + " 分";
        sheet.line(rule.code(), null, BigDecimal.valueOf(rank), points,
                rule.label() + "倒数第 " + rank + " 名，" + tail);
    }
}
