package cn.kaoping.escalation.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Once a day (01:30, on one instance of the cluster) suggests a 约谈 for each 通报 whose notices are still open
 * {@code kaoping.escalation.interview-after-days} after it ({@link InterviewSuggestions#suggestInterviews}).
 * {@code kaoping.escalation.interview-check-cron} changes the schedule ("-" turns it off).
 */
@Component
class InterviewCheck {

    private static final Logger log = LoggerFactory.getLogger(InterviewCheck.class);

    private final InterviewSuggestions suggestions;
    private final Clock clock;

    InterviewCheck(InterviewSuggestions suggestions, Clock clock) {
        this.suggestions = suggestions;
        this.clock = clock;
    }

    @Scheduled(cron = "${kaoping.escalation.interview-check-cron:0 30 1 * * *}")
    @SchedulerLock(name = "escalation.suggestInterviews", lockAtMostFor = "PT10M", lockAtLeastFor = "PT30S")
    void run() {
        List<Long> raised = suggestions.suggestInterviews(LocalDate.now(clock));
        if (!raised.isEmpty()) {
            log.info("通报后逾期仍未销号，建议约谈 {} 项: {}", raised.size(), raised);
        }
    }
}
