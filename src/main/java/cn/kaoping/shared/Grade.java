package cn.kaoping.shared;

import java.util.Arrays;
import java.util.Optional;

/**
 * The four grades 等次 of the glossary, as the seed schemes name them (seed 004: 95分（含95分）以上为优秀，85分（含85分）
 * 以上95分以下为良好，70分（含70分）以上85分以下为合格，70分以下为不合格). A scheme's grade bands are data
 * ({@code scheme.engine.GradeBand}) and may use other codes; these are the codes of the seed schemes, and the ones the
 * subsidy rates are keyed by.
 */
public enum Grade {
    EXCELLENT("优秀"), GOOD("良好"), QUALIFIED("合格"), UNQUALIFIED("不合格");

    private final String label;

    Grade(String label) {
        this.label = label;
    }

    /** The Chinese name printed on documents. */
    public String label() {
        return label;
    }

    /** The grade of a band code, or empty for a code outside the glossary (a scheme of its own). */
    public static Optional<Grade> ofCode(String code) {
        return Arrays.stream(values()).filter(g -> g.name().equals(code)).findFirst();
    }

    /** The label of a band code; the code itself when it is not a glossary grade, a dash when there is none. */
    public static String labelOf(String code) {
        return code == null ? "—" : ofCode(code).map(Grade::label).orElse(code);
    }
}
