package cn.kaoping.ranking.internal;

import cn.kaoping.inspection.RoundPublished;
import cn.kaoping.survey.SurveyClosed;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Picks up published rounds and closed surveys after their transactions commit. The events are kept in
 * PostgreSQL until handled (Modulith's JDBC registry), so an instance that stops half-way leaves them to be
 * resubmitted, not lost. Each is {@code @ApplicationModuleListener} spelled out, but on the ranking module's own
 * executor ({@link RankingExecution}), so long recomputations never hold up the other modules' listeners.
 */
@Component
class ResultListener {

    private final RankingService rankings;

    ResultListener(RankingService rankings) {
        this.rankings = rankings;
    }

    @Async(RankingExecution.EXECUTOR)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    @TransactionalEventListener
    void on(RoundPublished event) {
        rankings.roundPublished(event);
    }

    @Async(RankingExecution.EXECUTOR)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    @TransactionalEventListener
    void on(SurveyClosed event) {
        rankings.surveyClosed(event);
    }
}
