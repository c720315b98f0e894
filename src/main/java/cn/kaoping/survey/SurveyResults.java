package cn.kaoping.survey;

import cn.kaoping.survey.internal.SurveyService;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Survey results for other modules (rounds): the per-estate satisfaction of a survey, so far or final. The same
 * values travel in {@link SurveyClosed} when a survey is closed.
 */
@Service
public class SurveyResults {

    private final SurveyService surveys;

    SurveyResults(SurveyService surveys) {
        this.surveys = surveys;
    }

    /** The results of a survey (final once it is closed, otherwise so far); empty when it does not exist. */
    public Optional<SurveyClosed> results(SurveyId survey) {
        return surveys.results(survey.value());
    }

    /** One estate's result in a survey. */
    public Optional<EstateSatisfaction> result(SurveyId survey, long estateId) {
        return results(survey).flatMap(r -> r.estates().stream().filter(e -> e.estateId() == estateId).findFirst());
    }

    /** The surveys opened for a round. */
    public List<SurveyId> surveysOfRound(long roundId) {
        return surveys.surveysOfRound(roundId).stream().map(SurveyId::new).toList();
    }
}
