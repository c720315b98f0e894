package cn.kaoping.rectification.internal;

import cn.kaoping.platform.notification.Notification;
import cn.kaoping.platform.notification.Notifier;
import cn.kaoping.rectification.RectificationOverdue;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
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
    private final NoticeTransitions transitions;
    private final Notifier notifier;
    private final Clock clock;

    CheckDeadlines(NoticeQueries queries, Notices notices, JdbcClient jdbc, NoticeTransitions transitions,
                   Notifier notifier, Clock clock) {
        this.queries = queries;
        this.notices = notices;
        this.jdbc = jdbc;
        this.transitions = transitions;
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
        List<Long> due = jdbc.sql("""
                SELECT n.id FROM rectification_notice n
                LEFT JOIN rectification_template t ON t.district_id = n.district_id
                WHERE n.status = 'ISSUED' AND n.deadline >= :today
                  AND n.deadline - coalesce(t.reminder_days, 3) <= :today
                  AND EXISTS (SELECT 1 FROM rectification_problem p WHERE p.notice_id = n.id AND p.status = 'OPEN')
                ORDER BY n.id""")
                .param("today", today).query(Long.class).list();
        int reminded = 0;
        for (long id : due) {
            Notice n = notices.find(id).orElseThrow();
            Optional<String> message = n.remind(today);
            if (message.isPresent() && notices.remember(id, today, message.get(), now)) {
                reminded++;
                transitions.recordForSystem(n);
                String company = n.header().companyName();
                notifier.send(new Notification(Notification.Channel.SMS, company, "整改到期提醒",
                        "【考评】" + company + "：" + message.get() + "。"));
            }
        }
        int overdue = 0;
        for (Notice n : notices.overdueNotReported(today)) {
            if (n.flagOverdue(today)) {
                overdue++;
                transitions.recordForSystem(n);
            }
        }
        return new DeadlineRun(reminded, overdue);
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
