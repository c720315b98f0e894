package cn.kaoping.rectification.internal;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.platform.notification.Notification;
import cn.kaoping.platform.notification.Notifier;
import cn.kaoping.rectification.RectificationOverdue;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily deadline check of issued notices, and the follow-up (回头看) an inspection after the notice completes.
 */
@Service
class CheckDeadlines {

    private final NoticeQueries queries;
    private final Notices notices;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Notifier notifier;
    private final Clock clock;

    CheckDeadlines(NoticeQueries queries, Notices notices, JdbcClient jdbc, AuditLog audit,
                   ApplicationEventPublisher events, Notifier notifier, Clock clock) {
        this.queries = queries;
        this.notices = notices;
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.notifier = notifier;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- deadlines

    /**
     * The daily deadline check: a reminder (in-app and through the notification port) to every issued notice whose
     * deadline is within the district's reminder lead time, at most one per notice and day; and
     * {@link RectificationOverdue} once per notice and deadline when the deadline passed with open problems.
     */
    @Transactional
    public DeadlineRun checkDeadlines(LocalDate today) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        record Due(long id, String number, String company, String estate, LocalDate deadline, int open) {
        }
        List<Due> due = jdbc.sql("""
                SELECT n.id, n.number, n.company_name, n.estate_name, n.deadline,
                       (SELECT count(*) FROM rectification_problem p WHERE p.notice_id = n.id AND p.status = 'OPEN')
                       AS open_problems
                FROM rectification_notice n LEFT JOIN rectification_template t ON t.district_id = n.district_id
                WHERE n.status = 'ISSUED' AND n.deadline >= :today
                  AND n.deadline - coalesce(t.reminder_days, 3) <= :today
                  AND EXISTS (SELECT 1 FROM rectification_problem p WHERE p.notice_id = n.id AND p.status = 'OPEN')
                ORDER BY n.id""")
                .param("today", today)
                .query((rs, i) -> new Due(rs.getLong("id"), rs.getString("number"), rs.getString("company_name"),
                        rs.getString("estate_name"), rs.getObject("deadline", LocalDate.class),
                        rs.getInt("open_problems"))).list();
        int reminded = 0;
        for (Due d : due) {
            long days = java.time.temporal.ChronoUnit.DAYS.between(today, d.deadline());
            String message = d.number() + "（" + d.estate() + "）还有 " + d.open() + " 个问题待整改，"
                    + (days == 0 ? "今天" : days + " 天后（" + d.deadline() + "）") + "到期";
            int inserted = jdbc.sql("""
                    INSERT INTO rectification_reminder (notice_id, sent_on, message, sent_at)
                    VALUES (:n, :on, :m, :at) ON CONFLICT DO NOTHING""")
                    .param("n", d.id()).param("on", today).param("m", message).param("at", now).update();
            if (inserted == 1) {
                reminded++;
                notices.step(d.id(), null, "REMINDED", message, Notices.SYSTEM, now);
                notifier.send(new Notification(Notification.Channel.SMS, d.company(), "整改到期提醒",
                        "【考评】" + d.company() + "：" + message + "。"));
            }
        }
        List<RectificationOverdue> overdue = jdbc.sql("""
                UPDATE rectification_notice n SET overdue_deadline = n.deadline
                WHERE """ + NoticeQueries.OVERDUE + """
                  AND n.overdue_deadline IS DISTINCT FROM n.deadline
                RETURNING n.id, n.number, n.company_id, n.district_id, n.estate_id, n.deadline,
                          (SELECT count(*) FROM rectification_problem p WHERE p.notice_id = n.id AND p.status = 'OPEN')
                          AS open_problems""")
                .param("today", today)
                .query((rs, i) -> new RectificationOverdue(rs.getLong("id"), rs.getString("number"),
                        rs.getLong("company_id"), rs.getLong("district_id"), rs.getLong("estate_id"),
                        rs.getObject("deadline", LocalDate.class), rs.getInt("open_problems"), today))
                .list();
        for (RectificationOverdue o : overdue) {
            notices.step(o.noticeId(), null, "OVERDUE", "整改期限 " + o.deadline() + " 已过，仍有 " + o.openProblems()
                    + " 个问题未整改", Notices.SYSTEM, now);
            audit.recordAs(Notices.SYSTEM, "OVERDUE", "rectification_notice", o.noticeId(), "逾期未整改：" + o.number()
                    + "，" + o.openProblems() + " 个问题", null, Map.of("deadline", o.deadline().toString(),
                    "open", o.openProblems()));
            events.publishEvent(o);
        }
        return new DeadlineRun(reminded, overdue.size());
    }

    /** What one deadline check did. */
    public record DeadlineRun(int reminders, int overdue) {
    }

    /** Marks the pending follow-up checks of an estate done: an inspection of it was submitted after the notice. */
    @Transactional
    public int followedUp(long estateId, long inspectionId) {
        return jdbc.sql("""
                UPDATE rectification_followup SET status = 'DONE', inspection_id = :i, done_at = :at
                WHERE estate_id = :e AND status = 'PENDING' AND scheduled_on <= :today""")
                .param("i", inspectionId).param("at", OffsetDateTime.now(clock)).param("e", estateId)
                .param("today", queries.today()).update();
    }
}
