package cn.kaoping.scheme.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One row (or time node) of a scheme table.
 *
 * @param group    考核大项 such as 基础工作 or 基本工作
 * @param assessor the department that scores this row (考核单位), or {@code null}
 * @param seed     where the row comes from, e.g. "seed 004, row 10"
 * @param standard the 评分标准 text as printed
 */
public record Item(
        String code,
        String title,
        String group,
        String assessor,
        BigDecimal max,
        Mode mode,
        String seed,
        String standard,
        List<Rule> rules) {

    public Item {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(mode, "mode");
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** The score before any rule applies: the max for deducting items, 0 for earning items. */
    public BigDecimal start() {
        return mode == Mode.DEDUCT ? max : BigDecimal.ZERO;
    }

    /** How an item starts: at its max and loses points, or at 0 and earns them. */
    public enum Mode {
        DEDUCT, EARN
    }
}
