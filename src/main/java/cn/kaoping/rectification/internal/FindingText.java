package cn.kaoping.rectification.internal;

import cn.kaoping.inspection.EstateFindings;

/** How a deduction reads as a notice's problem: the item's title, the reason, the inspector's note. */
final class FindingText {

    private FindingText() {
    }

    static String describe(EstateFindings.Deduction d) {
        StringBuilder s = new StringBuilder();
        if (d.itemTitle() != null && !d.itemTitle().isBlank()) {
            // item titles are sentences ("…佩戴标志。"); the reason follows after a colon
            s.append(d.itemTitle().strip().replaceAll("[。；;，,.]+$", "")).append("：");
        }
        s.append(d.reason() == null ? "扣分" : d.reason());
        if (d.note() != null && !d.note().isBlank()) {
            s.append("（检查记录：").append(d.note().strip()).append("）");
        }
        return s.toString();
    }
}
