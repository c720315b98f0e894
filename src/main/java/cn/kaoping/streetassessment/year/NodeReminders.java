package cn.kaoping.streetassessment.year;

import cn.kaoping.platform.notification.Notification;
import cn.kaoping.platform.notification.Notifier;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Reminds a street office of a node it has not submitted 7 days and 1 day before it and on the day (issue 15),
 * through the notification port, once per node and distance, on one instance of the cluster at a time
 * ({@code kaoping.street-assessment.reminder-cron}; "-" turns it off). The in-app reminder is the workbench item.
 */
@Component
public class NodeReminders {

    static final List<Integer> DAYS_BEFORE = List.of(7, 1, 0);
    private static final Logger log = LoggerFactory.getLogger(NodeReminders.class);

    private final AssessmentStore store;
    private final Notifier notifier;
    private final Clock clock;

    NodeReminders(AssessmentStore store, Notifier notifier, Clock clock) {
        this.store = store;
        this.notifier = notifier;
        this.clock = clock;
    }

    @Scheduled(cron = "${kaoping.street-assessment.reminder-cron:0 0 8 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "streetassessment.reminders", lockAtMostFor = "PT10M", lockAtLeastFor = "PT10S")
    void scheduled() {
        int n = remind(LocalDate.now(clock.withZone(StreetScores.CHINA)));
        if (n > 0) {
            log.info("街道考核报送提醒：{} 条", n);
        }
    }

    /** Sends the reminders due on {@code today}; returns how many were sent. */
    @Transactional
    public int remind(LocalDate today) {
        int sent = 0;
        for (int days : DAYS_BEFORE) {
            for (Node n : store.dueOn(List.of(today.plusDays(days)))) {
                if (!store.markReminded(n.id(), days, OffsetDateTime.now(clock))) {
                    continue;
                }
                String when = days == 0 ? "今天" : days + " 天后（" + n.due() + "）";
                notifier.send(new Notification(Notification.Channel.SMS, n.streetName(), "街道考核报送提醒",
                        n.streetName() + "：街道考核 " + n.ruleCode() + "「" + n.label() + "」" + when + "截止报送，请及时登录考评平台报送材料。"));
                sent++;
            }
        }
        return sent;
    }
}
