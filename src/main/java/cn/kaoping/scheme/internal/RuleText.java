package cn.kaoping.scheme.internal;

import cn.kaoping.scheme.engine.Bonus;
import cn.kaoping.scheme.engine.Condition;
import cn.kaoping.scheme.engine.Milestone;
import cn.kaoping.scheme.engine.PeerRank;
import cn.kaoping.scheme.engine.PerOccurrence;
import cn.kaoping.scheme.engine.Points;
import cn.kaoping.scheme.engine.Tiered;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A rule's points in the words of the seed tables: 扣0.5分/次，最高扣5分; 逾期扣2分，未报送扣3分; 80%以上得10分. */
final class RuleText {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private RuleText() {
    }

    private static String signed(BigDecimal points) {
        return (points.signum() < 0 ? "扣" : "加") + Points.format(points.abs()) + "分";
    }

    private static String unit(String unit) {
        return unit == null || unit.isBlank() ? "次" : unit;
    }

    private static String cap(BigDecimal points, BigDecimal cap) {
        return cap == null ? "" : "，最高" + (points.signum() < 0 ? "扣" : "加") + Points.format(cap) + "分";
    }

    static String describe(PerOccurrence r) {
        return signed(r.points()) + "/" + unit(r.unit()) + cap(r.points(), r.cap());
    }

    static String describe(Bonus r) {
        return signed(r.points()) + "/" + unit(r.unit()) + cap(r.points(), r.cap());
    }

    static String describe(Condition r) {
        return signed(r.points());
    }

    static String describe(Milestone r) {
        String when = r.repeat() == null ? r.due() + "前报送"
                : "按期报送（" + String.join("、", r.dueDates().stream().map(Object::toString).toList()) + "前）";
        String missing = r.forfeitsItem() ? "未报送扣除全部分数"
                : "未报送" + signed(r.missing() == null ? r.late() : r.missing());
        return when + "；逾期" + signed(r.late()) + "，" + missing;
    }

    static String describe(Tiered r) {
        List<String> parts = new ArrayList<>();
        for (Tiered.Tier t : r.tiers()) {
            parts.add(measure(r, t.min()) + "以上得" + Points.format(t.points()) + "分");
        }
        String text = String.join("，", parts);
        if (!r.tiers().isEmpty()) {
            text += "，低于" + measure(r, r.tiers().get(r.tiers().size() - 1).min()) + "不得分";
        }
        if (r.minSample() != null) {
            text += "（样本不少于" + Points.format(r.minSample().multiply(HUNDRED)) + "%）";
        }
        return text;
    }

    private static String measure(Tiered r, BigDecimal value) {
        return r.measure() == Tiered.Measure.RATE ? Points.format(value.multiply(HUNDRED)) + "%" : Points.format(value);
    }

    static String describe(PeerRank r) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < r.points().size(); i++) {
            parts.add("倒数第" + (i + 1) + "名" + signed(r.points().get(i)));
        }
        return String.join("，", parts);
    }
}
