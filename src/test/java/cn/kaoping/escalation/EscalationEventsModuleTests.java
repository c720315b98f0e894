package cn.kaoping.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.when;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionLevel;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.platform.demo.DemoData;
import cn.kaoping.platform.storage.FileStore;
import cn.kaoping.ranking.Rankings;
import cn.kaoping.rectification.AcceptanceFailed;
import cn.kaoping.rectification.NoticeClosed;
import cn.kaoping.rectification.NoticeIssued;
import cn.kaoping.rectification.NoticeReopened;
import cn.kaoping.rectification.RectificationOverdue;
import cn.kaoping.support.TestClock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The escalation module alone (Spring Modulith module test, no web server, no other module's beans) on the test
 * run's PostgreSQL: the rectification module's notice events become the ladder's own copy of each notice and the
 * first rung's suggestion (seed 000 三、(三)：逾期未整改或验收不合格的予以通报), one condition suggesting once however
 * often it is delivered, several conditions of one company joining one open 通报 suggestion, and a notice closed and
 * reopened followed in the ladder. What lies outside the module (registry, rankings, audit log, file store, demo data) is
 * mocked; the companies and notices exist only here (ids above 9,000,000,000).
 */
@ApplicationModuleTest(mode = BootstrapMode.STANDALONE, webEnvironment = WebEnvironment.NONE)
@ActiveProfiles("test")
@Import(TestClock.class)
class EscalationEventsModuleTests {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final AtomicLong IDS = new AtomicLong(9_000_000_000L + System.nanoTime() % 1_000_000_000L);
    private static final RegionRef DISTRICT = new RegionRef(9_000_000_000L, null, RegionLevel.DISTRICT, "T-ESC", "测试区",
            "/9000000000/");

    @MockitoBean
    OrganisationDirectory directory;
    @MockitoBean
    AuditLog audit;
    @MockitoBean
    FileStore files;
    @MockitoBean
    DemoData demo;
    @MockitoBean
    Rankings rankings;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void registry() {
        when(directory.region(DISTRICT.id())).thenReturn(Optional.of(DISTRICT));
        when(directory.estate(anyLong())).thenReturn(Optional.empty());
        when(directory.companyName(anyLong())).thenReturn(Optional.empty());
    }

    private record Ids(long company, long estate, long notice, String number) {
        static Ids next() {
            long notice = IDS.incrementAndGet();
            return new Ids(IDS.incrementAndGet(), IDS.incrementAndGet(), notice, "整改〔E〕" + notice + "号");
        }
    }

    private NoticeIssued issued(Ids n, LocalDate on) {
        return new NoticeIssued(n.notice(), n.number(), n.company(), "滨河物业服务有限公司", DISTRICT.id(),
                IDS.incrementAndGet(), n.estate(), "滨河花园", on, on.plusDays(30), 2, null);
    }

    /** The open or closed suggestions of the company's ladder with their reasons, as the ladder stores them. */
    private List<Map<String, Object>> suggestions(long company) {
        return jdbc.sql("""
                SELECT s.kind, s.status, string_agg(t.reason, ' | ' ORDER BY t.held_on, t.reason) AS reasons
                FROM escalation_suggestion s JOIN escalation_case c ON c.id = s.case_id
                LEFT JOIN escalation_trigger t ON t.suggestion_id = s.id
                WHERE c.company_id = :c GROUP BY s.id, s.kind, s.status ORDER BY s.id""")
                .param("c", company).query().listOfRows();
    }

    private Map<String, Object> notice(long id) {
        return jdbc.sql("SELECT number, estate_name, issued_on, overdue_since, failed_on, closed, closed_on "
                + "FROM escalation_notice WHERE notice_id = :n").param("n", id).query().singleRow();
    }

    private long handled(Class<?> type, long id) {
        return jdbc.sql("""
                SELECT count(*) FROM event_publication WHERE event_type = :type
                  AND listener_id LIKE '%EscalationListener%' AND serialized_event LIKE :id
                  AND completion_date IS NOT NULL""")
                .param("type", type.getName()).param("id", "%" + id + "%").query(Long.class).single();
    }

    @Test
    void anOverdueNoticeSuggestsACircularOnceAndAFailedAcceptanceJoinsTheSameSuggestion(Scenario scenario) {
        Ids n = Ids.next();
        LocalDate on = LocalDate.of(2090, 3, 1);
        scenario.publish(issued(n, on)).andWaitAtMost(WAIT)
                .andWaitForStateChange(() -> handled(NoticeIssued.class, n.notice()), c -> c == 1);
        assertThat(notice(n.notice())).containsEntry("number", n.number()).containsEntry("estate_name", "滨河花园")
                .containsEntry("closed", false);
        assertThat(suggestions(n.company())).as("an issued notice alone suggests nothing").isEmpty();

        RectificationOverdue overdue = new RectificationOverdue(n.notice(), n.number(), n.company(), DISTRICT.id(),
                n.estate(), on.plusDays(30), 2, on.plusDays(31));
        scenario.publish(overdue).andWaitAtMost(WAIT)
                .andWaitForStateChange(() -> suggestions(n.company()), s -> !s.isEmpty())
                .andVerify(s -> assertThat(s).singleElement().satisfies(row -> {
                    assertThat(row).containsEntry("kind", "CIRCULAR").containsEntry("status", "OPEN");
                    assertThat((String) row.get("reasons")).isEqualTo("整改通知书 " + n.number()
                            + "（滨河花园）整改期限 2090-03-31 已过，仍有 2 个问题未整改");
                }));
        scenario.publish(overdue).andWaitAtMost(WAIT)
                .andWaitForStateChange(() -> handled(RectificationOverdue.class, n.notice()), c -> c == 2)
                .andVerify(c -> assertThat(suggestions(n.company())).as("delivered twice, suggested once")
                        .singleElement().satisfies(row -> assertThat((String) row.get("reasons")).doesNotContain("|")));

        // a second notice of the same company fails its acceptance: the condition joins the open suggestion
        Ids second = new Ids(n.company(), IDS.incrementAndGet(), IDS.incrementAndGet(), "整改〔E〕二号");
        scenario.publish(new AcceptanceFailed(second.notice(), second.number(), n.company(), DISTRICT.id(),
                        second.estate(), IDS.incrementAndGet(), "楼道堆物未清理", on.plusDays(40))).andWaitAtMost(WAIT)
                .andWaitForStateChange(() -> suggestions(n.company()),
                        s -> s.size() == 1 && ((String) s.get(0).get("reasons")).contains("|"))
                .andVerify(s -> assertThat((String) s.get(0).get("reasons")).endsWith(
                        " | 整改通知书 整改〔E〕二号（#" + second.estate() + "）2090-04-10 验收不合格：楼道堆物未清理"));
        assertThat(notice(second.notice())).as("known from its failure alone").containsEntry("failed_on",
                java.sql.Date.valueOf("2090-04-10"));
    }

    @Test
    void aNoticeClosedAndReopenedIsFollowedInTheLadder(Scenario scenario) {
        Ids n = Ids.next();
        LocalDate on = LocalDate.of(2091, 5, 1);
        scenario.publish(issued(n, on)).andWaitAtMost(WAIT)
                .andWaitForStateChange(() -> handled(NoticeIssued.class, n.notice()), c -> c == 1);
        scenario.publish(new NoticeClosed(n.notice(), n.number(), n.company(), DISTRICT.id(), n.estate(),
                        on.plusDays(20), true)).andWaitAtMost(WAIT)
                .andWaitForStateChange(() -> notice(n.notice()).get("closed"), Boolean.TRUE::equals)
                .andVerify(c -> assertThat(notice(n.notice())).containsEntry("closed_on",
                        java.sql.Date.valueOf("2091-05-21")));
        scenario.publish(new NoticeReopened(n.notice(), n.number(), n.company(), DISTRICT.id(), n.estate(),
                        "复查发现问题反弹", on.plusDays(25))).andWaitAtMost(WAIT)
                .andWaitForStateChange(() -> notice(n.notice()).get("closed"), Boolean.FALSE::equals);
        assertThat(suggestions(n.company())).as("closing and reopening suggest nothing").isEmpty();
    }
}
