package cn.kaoping.scheme.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Per occurrence and bonus rules: points × count, limited by the rule's cap. */
final class OccurrenceScorer implements RuleScorer {

    private final String code;
    private final String label;
    private final String unit;
    private final BigDecimal points;
    private final BigDecimal cap;
    private final String kind;

    OccurrenceScorer(String code, String label, String unit, BigDecimal points, BigDecimal cap, String kind) {
        this.code = code;
        this.label = label;
        this.unit = unit == null ? "次" : unit;
        this.points = points;
        this.cap = cap;
        this.kind = kind;
    }

    @Override
    public void check(Fact fact, List<String> problems) {
        FactTarget.onlyFields(fact, kind, problems, "count");
    }

    @Override
    public Object duplicateKey(Fact fact) {
        return null; // several findings of the same kind add up
    }

    @Override
    public void score(List<Fact> facts, LocalDate asOf, ItemSheet sheet) {
        int count = facts.stream().mapToInt(Fact::occurrences).sum();
        if (count == 0) {
            return;
        }
        BigDecimal raw = points.multiply(BigDecimal.valueOf(count));
        boolean capped = cap != null && raw.abs().compareTo(cap) > 0;
        BigDecimal total = capped ? cap.multiply(BigDecimal.valueOf(points.signum())) : raw;
        boolean earns = points.signum() > 0;
        StringBuilder reason = new StringBuilder()
                .append(label).append(' ').append(count).append(' ').append(unit)
                .append(" × ").append(Points.format(points.abs())).append(" 分 = ")
                .append(Points.format(raw.abs())).append(" 分");
        if (earns) {
            reason.append("（加分）");
        }
        if (capped) {
            reason.append("，最高").append(earns ? "加 " : "扣 ").append(Points.format(cap)).append(" 分");
        }
        sheet.line(code, count, null, total, reason.toString());
    }
}
