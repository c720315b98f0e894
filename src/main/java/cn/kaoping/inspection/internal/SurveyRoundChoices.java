package cn.kaoping.inspection.internal;

import cn.kaoping.inspection.RoundProgress;
import cn.kaoping.survey.RoundChoices;
import java.util.List;
import org.springframework.stereotype.Component;

/** Offers the rounds under a region to the survey form, by name (issue 21: pick rounds by name, not number). */
@Component
class SurveyRoundChoices implements RoundChoices {

    private final RoundProgress progress;

    SurveyRoundChoices(RoundProgress progress) {
        this.progress = progress;
    }

    @Override
    public List<RoundChoice> under(String regionPath) {
        return progress.under(regionPath, null, 200).stream()
                .map(r -> new RoundChoice(r.roundId(), r.name(), r.period())).toList();
    }
}
