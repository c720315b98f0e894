package cn.kaoping.scheme.engine;

import java.math.BigDecimal;
import java.util.List;

/**
 * The explained result of evaluating facts against a scheme. Numbers carry at most two decimals.
 *
 * @param grade      grade code such as {@code GOOD}, or {@code null} when the scheme has no bands
 * @param gradeLabel Chinese grade label such as 良好, or {@code null}
 * @param passed     not vetoed, at or above the pass mark (if any) and every part above its floor
 */
public record Evaluation(
        String scheme,
        int version,
        BigDecimal max,
        BigDecimal total,
        String grade,
        String gradeLabel,
        boolean passed,
        boolean vetoed,
        List<ItemScore> items,
        List<PartScore> parts,
        List<Warning> warnings) {

    public Evaluation {
        items = List.copyOf(items);
        parts = List.copyOf(parts);
        warnings = List.copyOf(warnings);
    }

    public ItemScore item(String code) {
        return items.stream().filter(i -> i.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no item " + code));
    }

    public PartScore part(String code) {
        return parts.stream().filter(p -> p.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no part " + code));
    }

    public List<Warning> warnings(String code) {
        return warnings.stream().filter(w -> w.code().equals(code)).toList();
    }

    /** The score of one item and the lines that made it. */
    public record ItemScore(String code, String title, BigDecimal max, BigDecimal score, List<ScoreLine> lines) {
        public ItemScore {
            lines = List.copyOf(lines);
        }

        public List<ScoreLine> lines(String rule) {
            return lines.stream().filter(l -> l.rule().equals(rule)).toList();
        }
    }

    /**
     * One rule's contribution: signed points and a Chinese sentence saying why.
     *
     * @param count occurrences counted, or {@code null}
     * @param value the measured value or rank, or {@code null}
     */
    public record ScoreLine(String rule, Integer count, BigDecimal value, BigDecimal points, String reason) {
    }

    /** A composite part's score and whether it clears its floor. */
    public record PartScore(String code, String title, BigDecimal score, BigDecimal weight, BigDecimal floor,
            boolean aboveFloor, String reason) {
    }
}
