package cn.kaoping.survey;

import cn.kaoping.survey.internal.ClosedSurveys;
import cn.kaoping.survey.internal.CloseSurvey;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Survey results for other modules (rounds): the per-estate satisfaction of a survey, so far or final. The same
 * values travel in {@link SurveyClosed} when a survey is closed.
 */
@Service
public class SurveyResults {

    private final CloseSurvey surveys;
    private final ClosedSurveys closed;

    SurveyResults(CloseSurvey surveys, ClosedSurveys closed) {
        this.surveys = surveys;
        this.closed = closed;
    }

    /** The results of a survey (final once it is closed, otherwise so far); empty when it does not exist. */
    public Optional<SurveyClosed> results(SurveyId survey) {
        return surveys.results(survey.value());
    }

    /** One estate's result in a survey. */
    public Optional<EstateSatisfaction> result(SurveyId survey, long estateId) {
        return results(survey).flatMap(r -> r.estates().stream().filter(e -> e.estateId() == estateId).findFirst());
    }

    /**
     * The final results a round of {@code scheme} over {@code from}–{@code to} takes: closed surveys opened for the
     * round, and closed stand-alone surveys of the same scheme that ended inside the period; oldest close first, so
     * that a later survey's result replaces an earlier one's.
     */
    public List<SurveyClosed> closedFor(long roundId, String scheme, LocalDate from, LocalDate to) {
        return closed.forRound(roundId, from, to).stream().map(surveys::results).flatMap(Optional::stream)
                .filter(r -> scheme.equals(r.scheme())).toList();
    }

    /** The surveys opened for a round. */
    public List<SurveyId> surveysOfRound(long roundId) {
        return surveys.surveysOfRound(roundId).stream().map(SurveyId::new).toList();
    }

    /**
     * The final results of every survey that ended inside {@code from}–{@code to}, oldest close first, so that a
     * later survey's result for an estate replaces an earlier one's (the street assessment's peer rank, seed 001
     * row 3.c, reads the estates of each street from them).
     */
    public List<SurveyClosed> closedBetween(LocalDate from, LocalDate to) {
        return closed.endingBetween(from, to).stream().map(surveys::results).flatMap(Optional::stream).toList();
    }
}
