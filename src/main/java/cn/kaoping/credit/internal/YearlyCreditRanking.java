package cn.kaoping.credit.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Computes and stores the previous year's credit ranking once a year, early on 1 January (00:30, China time), on one
 * instance of the cluster at a time, exactly as when the city administrator computes it
 * ({@link CreditRankings#compute}: every district and the city; exit recommendation (1) where a company is in a
 * district's bottom 3 two years running). {@code kaoping.credit.ranking-cron} changes the schedule ("-" turns it
 * off); running it again in the same year recomputes the same year.
 */
@Component
class YearlyCreditRanking {

    private static final Logger log = LoggerFactory.getLogger(YearlyCreditRanking.class);

    private final CreditRankings rankings;
    private final Clock clock;

    YearlyCreditRanking(CreditRankings rankings, Clock clock) {
        this.rankings = rankings;
        this.clock = clock;
    }

    /** The year the job computes when it runs now: the one that has just ended. */
    int yearToRank() {
        return LocalDate.now(clock).getYear() - 1;
    }

    @Scheduled(cron = "${kaoping.credit.ranking-cron:0 30 0 1 1 *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "credit.rankPreviousYear", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    void rankPreviousYear() {
        int year = yearToRank();
        List<Long> raised = rankings.compute(year);
        log.info("已计算并保存 {} 年度信用排名；连续两年位列区后 {} 名的退出建议 {} 条", year, CreditRankings.BOTTOM,
                raised.size());
    }
}
