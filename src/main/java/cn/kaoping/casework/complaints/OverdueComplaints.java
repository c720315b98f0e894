package cn.kaoping.casework.complaints;

import cn.kaoping.casework.ComplaintOverdue;
import java.time.Clock;
import java.time.LocalDate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Complaints past their signing or closing deadline are published as {@link ComplaintOverdue}, once per complaint
 * and stage, every half hour on one instance of the cluster at a time ({@code kaoping.casework.overdue-cron}; "-"
 * turns it off).
 */
@Component
public class OverdueComplaints {

    private static final Logger log = LoggerFactory.getLogger(OverdueComplaints.class);

    private final ComplaintStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OverdueComplaints(ComplaintStore store, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(cron = "${kaoping.casework.overdue-cron:0 */30 * * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "casework.overdueComplaints", lockAtMostFor = "PT10M", lockAtLeastFor = "PT10S")
    void scheduled() {
        int n = publish(LocalDate.now(clock));
        if (n > 0) {
            log.info("投诉工单超期：{} 件", n);
        }
    }

    /** Publishes every deadline passed before {@code today}; returns how many. */
    @Transactional
    public int publish(LocalDate today) {
        int n = 0;
        for (ComplaintStore.Late l : store.late(today, 1000)) {
            if (store.markOverdueSent(l.id(), l.stage())) {
                events.publishEvent(new ComplaintOverdue(l.id(), l.stage(), l.estateId(), l.companyId(), l.category(),
                        l.due()));
                n++;
            }
        }
        return n;
    }
}
