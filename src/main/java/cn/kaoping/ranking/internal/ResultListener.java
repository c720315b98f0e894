package cn.kaoping.ranking.internal;

import cn.kaoping.inspection.RoundPublished;
import cn.kaoping.survey.SurveyClosed;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Picks up published rounds and closed surveys after their transactions commit. The events are kept in
 * PostgreSQL until handled (Modulith's JDBC registry), so an instance that stops half-way leaves them to be
 * resubmitted, not lost.
 */
@Component
class ResultListener {

    private final RankingService rankings;

    ResultListener(RankingService rankings) {
        this.rankings = rankings;
    }

    @ApplicationModuleListener
    void on(RoundPublished event) {
        rankings.roundPublished(event);
    }

    @ApplicationModuleListener
    void on(SurveyClosed event) {
        rankings.surveyClosed(event);
    }
}
