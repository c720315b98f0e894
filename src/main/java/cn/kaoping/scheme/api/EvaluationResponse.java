package cn.kaoping.scheme.api;

import cn.kaoping.scheme.engine.Evaluation;
import cn.kaoping.scheme.engine.Points;
import cn.kaoping.scheme.engine.Warning;
import java.math.BigDecimal;
import java.util.List;

/** The explained evaluation as the API answers it: every number rounded to at most two decimals. */
record EvaluationResponse(String scheme, int version, BigDecimal max, BigDecimal total, String grade,
                          String gradeLabel, boolean passed, boolean vetoed, List<ItemResult> items,
                          List<PartResult> parts, List<Warning> warnings) {

    static EvaluationResponse of(Evaluation e) {
        return new EvaluationResponse(e.scheme(), e.version(), round(e.max()), round(e.total()), e.grade(),
                e.gradeLabel(), e.passed(), e.vetoed(),
                e.items().stream().map(i -> new ItemResult(i.code(), i.title(), round(i.max()), round(i.score()),
                        i.lines().stream().map(l -> new LineResult(l.rule(), l.count(), round(l.value()),
                                round(l.points()), l.reason())).toList())).toList(),
                e.parts().stream().map(p -> new PartResult(p.code(), p.title(), round(p.score()), round(p.weight()),
                        round(p.floor()), p.aboveFloor(), p.reason())).toList(),
                e.warnings());
    }

    private static BigDecimal round(BigDecimal value) {
        return value == null ? null : Points.round(value);
    }

    /** One item's score and the lines that made it. */
    record ItemResult(String code, String title, BigDecimal max, BigDecimal score, List<LineResult> lines) {
    }

    /** One rule's contribution: signed points and the Chinese sentence saying why. */
    record LineResult(String rule, Integer count, BigDecimal value, BigDecimal points, String reason) {
    }

    /** A composite part's score, weight and floor, and whether it is strictly above the floor. */
    record PartResult(String code, String title, BigDecimal score, BigDecimal weight, BigDecimal floor,
                      boolean aboveFloor, String reason) {
    }
}
