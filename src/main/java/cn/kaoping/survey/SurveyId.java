package cn.kaoping.survey;

/** Identifies a survey. */
public record SurveyId(long value) {
}
