package cn.kaoping.survey.internal;

import cn.kaoping.survey.EstateSatisfaction;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the survey screens show. */
public final class Views {

    private Views() {
    }

    public record SurveyRow(long id, String title, String questionnaireTitle, Phase phase, LocalDate startsOn,
                            LocalDate endsOn, int estates, int households, int respondents) {
    }

    public record SurveyView(long id, String title, Questionnaire questionnaire, Long roundId, LocalDate startsOn,
                             LocalDate endsOn, Phase phase, String createdBy, String closedBy, Instant closedAt,
                             boolean canClose) {
        /** Closed by the scheduled job because the end date had passed, not by a person. */
        public boolean closedAutomatically() {
            return phase == Phase.CLOSED && CloseSurvey.SYSTEM.equals(closedBy);
        }
    }

    /** One estate's line of the dashboard. */
    public record EstateRow(EstateSatisfaction result, String districtName, String streetName, String linkKey) {
    }

    /** Estates of one district (or street) pooled: the formula applied to their summed counts. */
    public record AreaRow(String name, int estates, int validEstates, EstateSatisfaction pooled) {
    }

    /** Many accepted submissions from one client address within the burst window. */
    public record BurstFlag(String client, int peak, int total, Instant first, Instant last) {
    }

    public record Dashboard(SurveyView survey, EstateSatisfaction total, List<AreaRow> districts,
                            List<AreaRow> streets, List<EstateRow> estates, List<BurstFlag> bursts) {
    }

    public record OptionCount(String code, String label, int count, BigDecimal percent) {
    }

    public record QuestionBreakdown(String code, String title, List<OptionCount> options) {
    }

    public record ChannelCount(Channel channel, int count) {
    }

    public record BuildingRow(String building, int households, int answered, int codesIssued) {
    }

    public record EstateDetail(SurveyView survey, EstateRow estate, List<QuestionBreakdown> questions,
                               List<ChannelCount> channels, List<BuildingRow> buildings, boolean canHandle) {
    }

    public record IssuedCode(String building, String unit, String room, String code) {
        public String label() {
            return new Household(0, 0, building, unit, room).label();
        }
    }
}
