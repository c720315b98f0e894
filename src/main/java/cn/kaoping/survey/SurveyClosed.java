package cn.kaoping.survey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A survey was closed: its results per estate are final. A round picks each estate's result up as the satisfaction
 * fact of its scheme ({@link EstateSatisfaction#fact()}) or, for Shenyang, as the satisfaction shown beside it.
 *
 * @param roundId the round the survey was opened for, or null for a stand-alone survey
 * @param scheme  the scheme code the questionnaire feeds (erqi-old-estate, hangzhou-reeval-2018, shenyang-…)
 */
public record SurveyClosed(SurveyId survey, String title, String questionnaire, String scheme, Long roundId,
                           LocalDate startsOn, LocalDate endsOn, Instant closedAt, List<EstateSatisfaction> estates) {
}
