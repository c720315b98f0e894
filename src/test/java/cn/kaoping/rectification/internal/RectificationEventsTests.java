package cn.kaoping.rectification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.inspection.EarlierProblems;
import cn.kaoping.inspection.RoundFixture;
import cn.kaoping.organisation.EstateCategory;
import cn.kaoping.organisation.EstateListing;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.ranking.RankingFixture;
import cn.kaoping.ranking.RankingSummary;
import cn.kaoping.ranking.internal.RankingService;
import cn.kaoping.rectification.AcceptanceFailed;
import cn.kaoping.rectification.NoticeClosed;
import cn.kaoping.rectification.NoticeIssued;
import cn.kaoping.rectification.NoticeReopened;
import cn.kaoping.rectification.RectificationFixture;
import cn.kaoping.rectification.RectificationOverdue;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.support.IntegrationTest;
import cn.kaoping.support.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Drafts from bottom lists, the events of the workflow, reminders and overdue detection on a clock the test moves,
 * and the follow-up check (回头看). Rankings here use the periods 2076 and 2077.
 */
@IntegrationTest
@RecordApplicationEvents
class RectificationEventsTests {

    @Autowired
    NoticeQueries queries;
    @Autowired
    RaiseNotice raising;
    @Autowired
    IssueNotice issuing;
    @Autowired
    AnswerNotice answers;
    @Autowired
    AcceptNotice acceptance;
    @Autowired
    CheckDeadlines deadlines;
    @Autowired
    RankingService rankings;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;
    @Autowired
    EarlierProblems earlier;

    private Map<Long, String> drafts(long rankingId) {
        Map<Long, String> result = new LinkedHashMap<>();
        jdbc.sql("SELECT estate_id, status FROM rectification_notice WHERE ranking_id = :r ORDER BY estate_id")
                .param("r", rankingId).query((rs, i) -> result.put(rs.getLong(1), rs.getString(2))).list();
        return result;
    }

    @Test
    void aBottomListDraftsOneNoticePerEstateOnceAndACorrectionWithdrawsTheDraftsOfEstatesNoLongerListed() {
        List<EstateListing> estates = RankingFixture.estates(directory, "QH-HD", EstateCategory.PROFESSIONAL).stream()
                .filter(e -> e.companyId() != null).toList();
        assertThat(estates.size()).isGreaterThan(12);
        Map<Long, BigDecimal> totals = new LinkedHashMap<>();
        for (int i = 0; i < estates.size(); i++) {
            totals.put(estates.get(i).id(), BigDecimal.valueOf(60 + i));
        }
        long round = RankingFixture.nextRoundId();
        RankingSummary ranking = RankingFixture.publish(rankings, round, 1, null, "shenyang-professional", "2076-Q1",
                totals).get(0);
        int n = ranking.listSize();
        Map<Long, String> first = Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> drafts(ranking.id()), d -> d.size() == n);
        assertThat(first.keySet()).containsExactlyInAnyOrderElementsOf(
                estates.subList(0, n).stream().map(EstateListing::id).toList());
        assertThat(first.values()).containsOnly("DRAFT");
        long worst = estates.get(0).id();
        long draftId = jdbc.sql("SELECT id FROM rectification_notice WHERE ranking_id = :r AND estate_id = :e")
                .param("r", ranking.id()).param("e", worst).query(Long.class).single();
        Notice draft = queries.page(RectificationFixture.streetOfficerOf(directory, estates.get(0)), draftId).notice();
        assertThat(draft.header().reason()).contains("2076-Q1", "后 " + n + " 名");
        assertThat(draft.problems()).hasSize(1);

        // corrected: the worst estate was scored wrongly and leaves the list, the next one enters it
        totals.put(worst, new BigDecimal("99"));
        RankingFixture.publish(rankings, round, 2, "复核更正", "shenyang-professional", "2076-Q1", totals);
        long entering = estates.get(n).id();
        Map<Long, String> second = Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> drafts(ranking.id()), d -> d.containsKey(entering) && "WITHDRAWN".equals(d.get(worst)));
        assertThat(second).hasSize(n + 1);
        assertThat(jdbc.sql("SELECT count(*) FROM rectification_notice WHERE ranking_id = :r")
                .param("r", ranking.id()).query(Long.class).single()).as("no second draft per estate").isEqualTo(n + 1);
    }

    @Test
    void theWorkflowPublishesItsEventsAndTheNextInspectionSeesTheProblems() {
        EstateListing estate = RectificationFixture.companyEstate(directory);
        KaopingPrincipal officer = RectificationFixture.streetOfficerOf(directory, estate);
        KaopingPrincipal district = RectificationFixture.districtAdminOfEstate(directory, estate);
        KaopingPrincipal company = RectificationFixture.company(estate.companyId());
        long id = raising.raise(officer, estate.id(), List.of(), "垃圾桶破损，未及时清运");
        Notice issued = issuing.issue(officer, id);
        NoticeIssued e = events.stream(NoticeIssued.class).filter(x -> x.noticeId() == id).findFirst().orElseThrow();
        assertThat(e.number()).isEqualTo(issued.number());
        assertThat(e.companyId()).isEqualTo(estate.companyId());
        assertThat(e.problems()).isEqualTo(1);
        assertThat(e.rankingId()).isNull();

        long problem = issued.problems().get(0).id();
        answers.answer(company, id, problem, "已更换垃圾桶");
        answers.addAnswerPhoto(company, id, problem, RoundFixture.png(), "bin.png");
        answers.submit(company, id);
        acceptance.decide(district, id, problem, false, "照片看不出更换");
        assertThat(events.stream(AcceptanceFailed.class).filter(x -> x.noticeId() == id))
                .singleElement().extracting(AcceptanceFailed::reason).isEqualTo("照片看不出更换");
        answers.answer(company, id, problem, "已更换垃圾桶，补拍照片");
        answers.submit(company, id);
        acceptance.decide(officer, id, problem, true, null);
        NoticeClosed closed = events.stream(NoticeClosed.class).filter(x -> x.noticeId() == id).findFirst()
                .orElseThrow();
        assertThat(closed.onTime()).isTrue();
        acceptance.reopen(district, id, "群众投诉问题反弹");
        assertThat(events.stream(NoticeReopened.class).filter(x -> x.noticeId() == id))
                .singleElement().extracting(NoticeReopened::reason).isEqualTo("群众投诉问题反弹");

        List<EarlierProblems.EarlierProblem> seen = earlier.of(estate.id(), issued.issuedOn().plusDays(1));
        assertThat(seen).anySatisfy(p -> {
            assertThat(p.noticeNumber()).isEqualTo(issued.number());
            assertThat(p.description()).isEqualTo("垃圾桶破损，未及时清运");
            assertThat(p.status()).isEqualTo("rectification.problem.status.OPEN");
        });
        assertThat(earlier.of(estate.id(), issued.issuedOn())).as("only notices issued before the round")
                .noneMatch(p -> p.noticeId() == id);
    }

    @Test
    void remindersComeBeforeTheDeadlineOnceADayAndOverdueIsPublishedOncePerDeadline() {
        EstateListing estate = RectificationFixture.companyEstate(directory);
        KaopingPrincipal officer = RectificationFixture.streetOfficerOf(directory, estate);
        long id = raising.raise(officer, estate.id(), List.of(), "绿化带枯死未补种");
        Notice issued = issuing.issue(officer, id);
        LocalDate deadline = issued.deadline();
        MutableClock clock = new MutableClock(deadline.minusDays(1).atTime(1, 10).atZone(MutableClock.CHINA));
        Deadlines job = new Deadlines(deadlines, clock);

        job.check();
        job.check();
        assertThat(jdbc.sql("SELECT count(*) FROM rectification_reminder WHERE notice_id = :n").param("n", id)
                .query(Long.class).single()).as("one reminder per notice and day").isEqualTo(1);
        assertThat(queries.recentReminders(RectificationFixture.company(estate.companyId())))
                .anySatisfy(r -> assertThat(r.noticeId()).isEqualTo(id));

        clock.set(deadline.atTime(23, 0).atZone(MutableClock.CHINA));
        job.check();
        assertThat(overdue(id)).as("the deadline day itself is not late").isEmpty();

        clock.set(deadline.plusDays(1).atTime(1, 10).atZone(MutableClock.CHINA));
        job.check();
        job.check();
        assertThat(overdue(id)).singleElement().satisfies(o -> {
            assertThat(o.deadline()).isEqualTo(deadline);
            assertThat(o.openProblems()).isEqualTo(1);
            assertThat(o.detectedOn()).isEqualTo(deadline.plusDays(1));
        });
        assertThat(jdbc.sql("SELECT count(*) FROM rectification_step WHERE notice_id = :n AND action = 'OVERDUE'")
                .param("n", id).query(Long.class).single()).isEqualTo(1);
    }

    private List<RectificationOverdue> overdue(long id) {
        return events.stream(RectificationOverdue.class).filter(o -> o.noticeId() == id).toList();
    }
}
