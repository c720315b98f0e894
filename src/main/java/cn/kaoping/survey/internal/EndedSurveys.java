package cn.kaoping.survey.internal;

import java.time.Clock;
import java.time.ZonedDateTime;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes surveys whose end date has passed, hourly (at minute 1, so a survey ending on day D closes in the first
 * minutes of D + 1), on one instance of the cluster at a time. A closed survey publishes
 * {@link cn.kaoping.survey.SurveyClosed} exactly as when an official closes it. {@code kaoping.survey.auto-close-cron}
 * changes the schedule ("-" turns it off).
 */
@Component
class EndedSurveys {

    private static final Logger log = LoggerFactory.getLogger(EndedSurveys.class);

    private final CloseSurvey surveys;
    private final Clock clock;

    EndedSurveys(CloseSurvey surveys, Clock clock) {
        this.surveys = surveys;
        this.clock = clock;
    }

    @Scheduled(cron = "${kaoping.survey.auto-close-cron:0 1 * * * *}")
    @SchedulerLock(name = "survey.closeEnded", lockAtMostFor = "PT10M", lockAtLeastFor = "PT30S")
    void closeEnded() {
        var closed = surveys.closeEnded(ZonedDateTime.now(clock));
        if (!closed.isEmpty()) {
            log.info("自动结束已到期的满意度调查 {} 个: {}", closed.size(),
                    closed.stream().map(c -> c.survey().value()).toList());
        }
    }
}
