package cn.kaoping.rectification.internal;

import java.time.Clock;
import java.time.LocalDate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily deadline check (reminders before the deadline, {@link cn.kaoping.rectification.RectificationOverdue}
 * after it), early each morning on one instance of the cluster at a time. {@code kaoping.rectification.deadline-cron}
 * changes the schedule ("-" turns it off).
 */
@Component
class Deadlines {

    private static final Logger log = LoggerFactory.getLogger(Deadlines.class);

    private final CheckDeadlines deadlines;
    private final Clock clock;

    Deadlines(CheckDeadlines deadlines, Clock clock) {
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @Scheduled(cron = "${kaoping.rectification.deadline-cron:0 10 1 * * *}")
    @SchedulerLock(name = "rectification.deadlines", lockAtMostFor = "PT10M", lockAtLeastFor = "PT30S")
    void check() {
        CheckDeadlines.DeadlineRun run = deadlines.checkDeadlines(LocalDate.now(clock));
        if (run.reminders() > 0 || run.overdue() > 0) {
            log.info("整改期限检查：提醒 {} 份，逾期 {} 份", run.reminders(), run.overdue());
        }
    }
}
