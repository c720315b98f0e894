package cn.kaoping.inspection.internal;

import cn.kaoping.scheme.engine.Bonus;
import cn.kaoping.scheme.engine.Condition;
import cn.kaoping.scheme.engine.Item;
import cn.kaoping.scheme.engine.Milestone;
import cn.kaoping.scheme.engine.PerOccurrence;
import cn.kaoping.scheme.engine.Points;
import cn.kaoping.scheme.engine.Rule;
import cn.kaoping.scheme.engine.Scheme;
import cn.kaoping.scheme.engine.Tiered;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * How the inspection form asks for one rule: a count stepper, a yes/no, a measured value (with its sample where the
 * rule needs one), the day a report came in for each deadline of the round's period, or nothing (peer ranks are
 * scored among street offices, not by an estate's inspector).
 *
 * @param input   {@code count}, {@code holds}, {@code value}, {@code report} or {@code none}
 * @param due     the deadline a {@code report} input answers
 * @param sampled the measured value needs its sample rate (Erqi row 20: at least 10 % of households)
 */
public record RuleInput(String itemCode, String itemTitle, BigDecimal itemMax, String code, String label,
                        String input, String unit, boolean rate, String standard, LocalDate due, boolean sampled) {

    public RuleInput(String itemCode, String itemTitle, BigDecimal itemMax, String code, String label, String input,
                     String unit, boolean rate, String standard) {
        this(itemCode, itemTitle, itemMax, code, label, input, unit, rate, standard, null, false);
    }

    /** The inputs of a scheme without a period (patrol records): reports are not asked for. */
    public static List<RuleInput> of(Scheme scheme) {
        List<RuleInput> inputs = new ArrayList<>();
        for (Item item : scheme.items()) {
            for (Rule r : item.rules()) {
                inputs.add(of(item, r));
            }
        }
        return inputs;
    }

    /** The inputs of a round's form: a milestone rule asks for one report per deadline inside the round's period. */
    public static List<RuleInput> of(Scheme scheme, Round round) {
        List<RuleInput> inputs = new ArrayList<>();
        for (Item item : scheme.items()) {
            for (Rule r : item.rules()) {
                if (r instanceof Milestone m) {
                    BigDecimal max = Points.round(item.max());
                    List<LocalDate> deadlines = Scoring.deadlines(m, round);
                    if (deadlines.isEmpty()) {
                        inputs.add(new RuleInput(item.code(), item.title(), max, r.code(), r.label(), "none", null,
                                false, "本期没有报送节点", null, false));
                    }
                    deadlines.forEach(due -> inputs.add(new RuleInput(item.code(), item.title(), max, r.code(),
                            r.label(), "report", null, false, milestone(m, due), due, false)));
                } else {
                    inputs.add(of(item, r));
                }
            }
        }
        return inputs;
    }

    /** The form's key: the rule, or the rule and its deadline for a report. */
    public String key() {
        return Finding.key(code, due);
    }

    private static String milestone(Milestone m, LocalDate due) {
        String missing = m.forfeitsItem() ? "扣除本项全部分数"
                : "扣" + Points.format((m.missing() == null ? m.late() : m.missing()).abs()) + "分";
        return due + " 前报送不扣分，逾期扣" + Points.format(m.late().abs()) + "分，未报送" + missing;
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
            String standard = t.minSample() != null ? "按测得比例分档计分，样本不少于 " + Points.percent(t.minSample())
                    : t.ifNone() == Tiered.IfNone.FULL ? "按测得比例分档计分；本期无此类事项时留空，得满分"
                    : "按测得数值分档计分";
            return new RuleInput(item.code(), item.title(), max, r.code(), r.label(), "value", null,
                    t.measure() == Tiered.Measure.RATE, standard, null, t.minSample() != null);
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
