package cn.kaoping.inspection.internal;

import cn.kaoping.scheme.engine.Bonus;
import cn.kaoping.scheme.engine.Condition;
import cn.kaoping.scheme.engine.Item;
import cn.kaoping.scheme.engine.PerOccurrence;
import cn.kaoping.scheme.engine.Points;
import cn.kaoping.scheme.engine.Rule;
import cn.kaoping.scheme.engine.Scheme;
import cn.kaoping.scheme.engine.Tiered;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * How the inspection form asks for one rule: a count stepper, a yes/no, a measured value, or nothing (rules such as
 * milestones and peer ranks are scored elsewhere, not by an estate's inspector).
 *
 * @param input {@code count}, {@code holds}, {@code value} or {@code none}
 */
public record RuleInput(String itemCode, String itemTitle, BigDecimal itemMax, String code, String label,
                        String input, String unit, boolean rate, String standard) {

    public static List<RuleInput> of(Scheme scheme) {
        List<RuleInput> inputs = new ArrayList<>();
        for (Item item : scheme.items()) {
            for (Rule r : item.rules()) {
                inputs.add(of(item, r));
            }
        }
        return inputs;
    }

    static RuleInput of(Item item, Rule r) {
        BigDecimal max = Points.round(item.max());
        if (r instanceof PerOccurrence p) {
            return new RuleInput(item.code(), item.title(), max, r.code(), r.label(), "count",
                    p.unit() == null ? "次" : p.unit(), false, per(p.points(), p.unit(), p.cap()));
        }
        if (r instanceof Bonus b) {
            return new RuleInput(item.code(), item.title(), max, r.code(), r.label(), "count",
                    b.unit() == null ? "次" : b.unit(), false, per(b.points(), b.unit(), b.cap()));
        }
        if (r instanceof Condition c) {
            return new RuleInput(item.code(), item.title(), max, r.code(), r.label(), "holds", null, false,
                    (c.points().signum() < 0 ? "扣" : "加") + Points.format(c.points().abs()) + "分");
        }
        if (r instanceof Tiered t) {
            return new RuleInput(item.code(), item.title(), max, r.code(), r.label(), "value", null,
                    t.measure() == Tiered.Measure.RATE, "按测得数值分档计分");
        }
        return new RuleInput(item.code(), item.title(), max, r.code(), r.label(), "none", null, false,
                "不在小区检查中填写");
    }

    private static String per(BigDecimal points, String unit, BigDecimal cap) {
        String s = (points.signum() < 0 ? "扣" : "加") + Points.format(points.abs()) + "分/" + (unit == null ? "次" : unit);
        return cap == null ? s : s + "，最多" + Points.format(cap.abs()) + "分";
    }

    public boolean entered() {
        return !"none".equals(input);
    }
}
