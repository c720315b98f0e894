package cn.kaoping.inspection.internal;

import cn.kaoping.scheme.engine.Evaluation;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Scores one inspection again from its stored findings and stores the score with its explanation. */
@Component
class Rescore {

    private final Inspections inspections;
    private final Scoring scoring;
    private final JsonMapper json;

    Rescore(Inspections inspections, Scoring scoring, JsonMapper json) {
        this.inspections = inspections;
        this.scoring = scoring;
        this.json = json;
    }

    Evaluation inspection(Round round, long inspectionId) {
        Evaluation ev = scoring.evaluate(round, inspections.findings(inspectionId));
        inspections.saveScore(inspectionId, ev.total(), ev.grade(), ev.gradeLabel(), ev.passed(),
                json.writeValueAsString(ev));
        return ev;
    }
}
