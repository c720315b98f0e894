package cn.kaoping.survey.internal;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.survey.EstateSatisfaction;
import cn.kaoping.survey.SurveyClosed;
import cn.kaoping.survey.SurveyId;
import cn.kaoping.survey.internal.SurveyStore.EstateInfo;
import cn.kaoping.survey.internal.SurveyStore.SurveyRecord;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A survey closes, by an official or by the scheduled job once its end date has passed: no response is accepted
 * any more, and {@link SurveyClosed} carries the final results. Also the results of any survey, for the module's
 * facade.
 */
@Service
public class CloseSurvey {

    private static final Logger log = LoggerFactory.getLogger(CloseSurvey.class);

    /** Who closed a survey whose end date had passed (the scheduled job, not a person). */
    public static final String SYSTEM = "system";

    private final JdbcClient jdbc;
    private final SurveyQueries queries;
    private final SurveyStore store;
    private final Questionnaires questionnaires;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;

    CloseSurvey(JdbcClient jdbc, SurveyQueries queries, SurveyStore store, Questionnaires questionnaires,
                AuditLog audit, ApplicationEventPublisher events, Clock clock, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.store = store;
        this.questionnaires = questionnaires;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.tx = tx;
    }

    /** Closes the survey: no response is accepted any more, and {@link SurveyClosed} carries the final results. */
    @Transactional
    public SurveyClosed close(KaopingPrincipal p, long id) {
        SurveyRecord s = queries.require(p, id);
        SurveyAccess.require(SurveyAccess.closes(p, s.regionPath()), "只有发起调查的单位或其上级可以结束调查");
        return closeNow(id, p.username(), clock.instant())
                .orElseThrow(() -> new ConflictException("调查已结束"));
    }

    /**
     * Closes every open survey whose end date is before {@code now}'s day, each in its own transaction and exactly as
     * a manual close does (intake stops, {@link SurveyClosed} is published, the close is audited), by
     * {@link #SYSTEM}. Returns the surveys closed.
     */
    public List<SurveyClosed> closeEnded(ZonedDateTime now) {
        List<Long> due = jdbc.sql("SELECT id FROM survey WHERE status = 'OPEN' AND ends_on < :today ORDER BY id")
                .param("today", now.toLocalDate()).query(Long.class).list();
        List<SurveyClosed> closed = new ArrayList<>();
        for (long id : due) {
            try {
                tx.execute(status -> closeNow(id, SYSTEM, now.toInstant())).ifPresent(closed::add);
            } catch (RuntimeException e) {
                // one survey that cannot be closed must not keep the others open; the next run tries again
                log.error("满意度调查 {} 已到期，但自动结束失败", id, e);
            }
        }
        return closed;
    }

    /**
     * The one way a survey closes. Locks the survey row, so a manual and an automatic close (or two instances) cannot
     * both close it; empty when it was closed already.
     */
    private Optional<SurveyClosed> closeNow(long id, String by, Instant at) {
        SurveyRecord s = store.lock(id);
        if (s.closed()) {
            return Optional.empty();
        }
        // waits for submissions in flight (they hold FOR SHARE on these rows); later ones see accepting = false
        jdbc.sql("UPDATE survey_estate SET accepting = FALSE WHERE survey_id = :s").param("s", id).update();
        Instant now = at.truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("UPDATE survey SET status = 'CLOSED', closed_by = :by, closed_at = :at WHERE id = :s")
                .param("by", by).param("at", Timestamp.from(now)).param("s", id).update();
        SurveyClosed closed = results(s, now);
        String counts = "（" + closed.estates().size() + " 个小区，"
                + closed.estates().stream().mapToInt(EstateSatisfaction::respondents).sum() + " 份有效答卷）";
        if (SYSTEM.equals(by)) {
            audit.recordAs(SYSTEM, "CLOSE", "survey", id, "满意度调查 " + s.title() + " 已过结束日期 " + s.endsOn()
                    + "，自动结束" + counts, null, null);
        } else {
            audit.record("CLOSE", "survey", id, "结束满意度调查 " + s.title() + counts, null, null);
        }
        events.publishEvent(closed);
        return Optional.of(closed);
    }

    private SurveyClosed results(SurveyRecord s, Instant closedAt) {
        Questionnaire q = questionnaires.get(s.questionnaire());
        Map<Long, Tally> tallies = store.tallies(s.id(), q, "%");
        List<EstateSatisfaction> estates = new ArrayList<>();
        for (EstateInfo e : store.estates(s.id(), "%")) {
            estates.add(Scoring.evaluate(q, e.estateId(), e.name(), tallies.getOrDefault(e.estateId(),
                    Tally.empty(0))));
        }
        return new SurveyClosed(new SurveyId(s.id()), s.title(), q.code(), q.scheme(), s.roundId(), s.startsOn(),
                s.endsOn(), closedAt, List.copyOf(estates));
    }

    /** Results of any survey, for the module facade (no user scope). */
    @Transactional(readOnly = true)
    public Optional<SurveyClosed> results(long id) {
        return store.find(id).map(s -> results(s, s.closedAt()));
    }

    @Transactional(readOnly = true)
    public List<Long> surveysOfRound(long roundId) {
        return jdbc.sql("SELECT id FROM survey WHERE round_id = :r ORDER BY id").param("r", roundId)
                .query(Long.class).list();
    }
}
