package cn.kaoping.credit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.credit.CreditKind;
import cn.kaoping.credit.Direction;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.support.IntegrationTest;
import cn.kaoping.support.MutableClock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * On 1 January the previous year's credit ranking is computed and stored by itself, as when the city administrator
 * computes it. The job runs on a clock the test sets; the years 2121–2122 are this class's.
 */
@IntegrationTest
class YearlyCreditRankingTests {

    @Autowired
    CreditService credit;
    @Autowired
    CreditRankings rankings;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    YearlyCreditRanking scheduledJob;

    private Optional<CreditRankings.Row> cityRow(int year, long company) {
        return rankings.stored(year, CreditRankings.CITY).stream().filter(r -> r.companyId() == company).findFirst();
    }

    private long rows(int year, long company) {
        return jdbc.sql("SELECT count(*) FROM credit_ranking WHERE year = :y AND company_id = :c")
                .param("y", year).param("c", company).query(Long.class).single();
    }

    @Test
    void earlyOnTheFirstOfJanuaryTheYearJustEndedIsRankedAndARerunReplacesIt() {
        long company = directory.firstCompanyId().orElseThrow();
        // a 通报 of June 2121, in force for 12 months: it counts in 2121, no longer on 31 December 2122
        credit.automatic(new CreditService.Auto("YearlyRankingTest:" + company + ":2121", "Test", company, null, null,
                null, Direction.BAD, CreditKind.CIRCULAR, LocalDate.of(2121, 6, 1), "测试通报（年度排名任务）"));
        assertThat(rankings.computed(2121)).isEmpty();

        MutableClock clock = new MutableClock(LocalDate.of(2121, 12, 31).atTime(23, 59, 59).atZone(MutableClock.CHINA));
        YearlyCreditRanking job = new YearlyCreditRanking(rankings, clock);
        assertThat(job.yearToRank()).isEqualTo(2120); // the last second of 2121: 2121 has not ended

        clock.set(LocalDate.of(2122, 1, 1).atTime(0, 30).atZone(MutableClock.CHINA));
        job.rankPreviousYear();
        assertThat(rankings.computed(2121)).isPresent();
        assertThat(rankings.computed(2122)).isEmpty();
        CreditRankings.Row ranked = cityRow(2121, company).orElseThrow();
        assertThat(ranked.score()).isEqualByComparingTo("95.00");
        assertThat(ranked.rank()).isEqualTo(ranked.peers()); // the only blemished file of 2121 comes last
        long districts = rows(2121, company);
        assertThat(districts).isGreaterThanOrEqualTo(2); // the city and each district the company serves

        clock.advance(Duration.ofMinutes(5));
        job.rankPreviousYear(); // a second run the same night recomputes the same year, no duplicates
        assertThat(rows(2121, company)).isEqualTo(districts);

        clock.set(LocalDate.of(2123, 1, 1).atTime(0, 30).atZone(MutableClock.CHINA));
        job.rankPreviousYear();
        // 2122's score is taken on 31 December 2122, when the 通报 had expired
        assertThat(cityRow(2122, company).orElseThrow().score()).isEqualByComparingTo("100.00");
        assertThat(cityRow(2121, company).orElseThrow().score()).isEqualByComparingTo("95.00");
    }

    @Test
    void theScheduledJobRunsUnderAClusterWideLock() {
        scheduledJob.rankPreviousYear();
        assertThat(jdbc.sql("SELECT count(*) FROM shedlock WHERE name = 'credit.rankPreviousYear'")
                .query(Integer.class).single()).isEqualTo(1);
    }
}
