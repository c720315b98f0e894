package cn.kaoping.survey.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What officials and staff enter on the survey screens. */
public final class SurveyForms {

    private SurveyForms() {
    }

    /** What an official enters to open a survey. */
    public record SurveyForm(String title, String questionnaire, LocalDate startsOn, LocalDate endsOn, Long regionId,
                             List<Long> estateIds, Long roundId) {
    }

    /** A paper form keyed in by staff. */
    public record PaperForm(Channel channel, String building, String unit, String room, String code,
                            Map<String, String> answers) {
    }

    /** The household whose response is voided, the code on its slip, and why. */
    public record VoidForm(String building, String unit, String room, String code, String reason) {
    }
}
