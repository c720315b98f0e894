package cn.kaoping.scheme.engine;

import cn.kaoping.scheme.engine.Evaluation.ItemScore;
import cn.kaoping.scheme.engine.Evaluation.ScoreLine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Collects the lines and warnings of one item while its rules score, then clamps the item. */
final class ItemSheet {

    private final Item item;
    private final List<ScoreLine> lines = new ArrayList<>();
    private final List<Warning> warnings;

    ItemSheet(Item item, List<Warning> warnings) {
        this.item = item;
        this.warnings = warnings;
    }

    Item item() {
        return item;
    }

    void line(String rule, Integer count, BigDecimal value, BigDecimal points, String reason) {
        lines.add(new ScoreLine(rule, count, value == null ? null : Points.round(value), Points.round(points),
                reason));
    }

    void warn(String code, String message) {
        warnings.add(new Warning(code, item.code(), message));
    }

    ItemScore close() {
        BigDecimal raw = item.start();
        for (ScoreLine line : lines) {
            raw = raw.add(line.points());
        }
        BigDecimal score = raw;
        if (raw.signum() < 0) {
            score = BigDecimal.ZERO;
            warn(Warning.ITEM_CLAMPED, item.mode() == Item.Mode.DEDUCT
                    ? "扣分合计 " + Points.format(item.max().subtract(raw)) + " 分超过本项满分 "
                            + Points.format(item.max()) + " 分，本项按 0 分计"
                    : "本项加减分合计 " + Points.format(raw) + " 分，低于 0 分，按 0 分计");
        } else if (raw.compareTo(item.max()) > 0) {
            score = item.max();
            warn(Warning.ITEM_CLAMPED, "得分合计 " + Points.format(raw) + " 分超过本项满分，按 "
                    + Points.format(item.max()) + " 分计");
        }
        return new ItemScore(item.code(), item.title(), Points.round(item.max()), Points.round(score), lines);
    }
}
