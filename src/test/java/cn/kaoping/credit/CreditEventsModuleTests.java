package cn.kaoping.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.casework.ComplaintsSubstantiated;
import cn.kaoping.casework.RandomCheckFailed;
import cn.kaoping.credit.internal.CreditService;
import cn.kaoping.escalation.ExitRecommendations;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.ProjectManagerRef;
import cn.kaoping.platform.demo.DemoData;
import cn.kaoping.platform.storage.FileStore;
import cn.kaoping.rectification.RectificationOverdue;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;
import cn.kaoping.support.TestClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.groups.Tuple;
import org.awaitility.Awaitility;
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
 * The credit module alone (Spring Modulith module test, no web server, no other module's beans) on the test run's
 * PostgreSQL: events other modules publish become records in the company's credit file, once, however often they
 * are delivered. What lies outside the module (registry, audit log, file store, escalation, demo data) is mocked.
 * Events are dated 2103 and 2104 (in the 2100 to 2105 range reserved for credit tests) about companies that exist only here,
 * so nothing lands in the public list of records in force or in another test's file.
 */
@ApplicationModuleTest(mode = BootstrapMode.STANDALONE, webEnvironment = WebEnvironment.NONE)
@ActiveProfiles("test")
@Import(TestClock.class)
class CreditEventsModuleTests {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final AtomicLong IDS = new AtomicLong(6_000_000_000L + System.nanoTime() % 1_000_000_000L);

    @MockitoBean
    OrganisationDirectory directory;
    @MockitoBean
    AuditLog audit;
    @MockitoBean
    FileStore files;
    @MockitoBean
    ExitRecommendations exits;
    @MockitoBean
    DemoData demo;

    @Autowired
    CreditService credit;
    @Autowired
    JdbcClient jdbc;

    /** A company known to the (mocked) registry under a name of its own. */
    private long company(String name) {
        long id = IDS.incrementAndGet();
        when(directory.companyName(id)).thenReturn(Optional.of(name));
        return id;
    }

    /** The company's file of a year as its own user reads it. */
    private CreditService.CompanyFile file(long company, int year) {
        return credit.file(new KaopingPrincipal(0, "company_user", "企业", Role.COMPANY_USER, null, null, company,
                null), company, year);
    }

    private List<CreditRecord> recordsOf(long company, int year) {
        return file(company, year).records();
    }

    /** How many deliveries of events of this type naming this id the credit listener has finished. */
    private long handled(Class<?> type, long id) {
        return jdbc.sql("""
                SELECT count(*) FROM event_publication WHERE event_type = :type AND listener_id LIKE '%CreditListener%'
                  AND serialized_event LIKE :id AND completion_date IS NOT NULL""")
                .param("type", type.getName()).param("id", "%" + id + "%").query(Long.class).single();
    }

    /**
     * Publishes the event once more after the earlier delivery is done (two equal copies in flight at once would
     * test Modulith, not the credit file) and returns the company's records once the listener has handled it.
     */
    private List<CreditRecord> deliverAgain(Scenario scenario, Object event, long id, long company, int year) {
        Awaitility.await().atMost(WAIT).until(() -> handled(event.getClass(), id) == 1);
        AtomicReference<List<CreditRecord>> after = new AtomicReference<>();
        scenario.publish(event).andWaitAtMost(WAIT)
                .andWaitForStateChange(() -> handled(event.getClass(), id), n -> n == 2)
                .andVerify(n -> after.set(recordsOf(company, year)));
        return after.get();
    }

    @Test
    void anOverdueRectificationNoticeIsABadRecordOfTheCompanyOnceEvenWhenDeliveredTwice(Scenario scenario) {
        long company = company("河西物业服务有限公司");
        long notice = IDS.incrementAndGet();
        RectificationOverdue overdue = new RectificationOverdue(notice, "整改〔M〕" + notice + "号", company, 2L,
                IDS.incrementAndGet(), LocalDate.of(2103, 4, 30), 3, LocalDate.of(2103, 5, 1));

        scenario.publish(overdue).andWaitAtMost(WAIT)
                .andWaitForStateChange(() -> recordsOf(company, 2103), records -> !records.isEmpty())
                .andVerify(records -> assertThat(records).singleElement().satisfies(r -> {
                    assertThat(r.source()).isEqualTo("RectificationOverdue:" + notice + ":2103-04-30");
                    assertThat(r.sourceEvent()).isEqualTo("RectificationOverdue");
                    assertThat(r.direction()).isEqualTo(Direction.BAD);
                    assertThat(r.kind()).isEqualTo(CreditKind.OVERDUE_RECTIFICATION);
                    assertThat(r.subjectType()).isEqualTo(SubjectType.COMPANY);
                    assertThat(r.companyName()).isEqualTo("河西物业服务有限公司");
                    assertThat(r.occurredOn()).isEqualTo(LocalDate.of(2103, 5, 1));
                    assertThat(r.description())
                            .isEqualTo("整改通知书 整改〔M〕" + notice + "号 逾期未完成整改（期限 2103-04-30，尚有 3 个问题未整改）");
                    assertThat(r.enteredBy()).isEqualTo("system");
                }));
        // the year's score counts it by the rule line for overdue rectification
        assertThat(file(company, 2103).score().lines()).singleElement()
                .satisfies(l -> assertThat(l.points()).isEqualByComparingTo(new BigDecimal("-2")));

        List<CreditRecord> first = recordsOf(company, 2103);
        assertThat(deliverAgain(scenario, overdue, notice, company, 2103)).isEqualTo(first);
    }

    @Test
    void aFailedRandomCheckIsABadRecordOfTheCompanyAndOfTheEstatesProjectManagerOnce(Scenario scenario) {
        long company = company("河东物业管理有限公司");
        long estate = IDS.incrementAndGet();
        long manager = IDS.incrementAndGet();
        when(directory.projectManagers(company)).thenReturn(List.of(
                new ProjectManagerRef(IDS.incrementAndGet(), company, "李四", "PM-2", List.of(IDS.incrementAndGet())),
                new ProjectManagerRef(manager, company, "张三", "PM-1", List.of(estate))));
        long check = IDS.incrementAndGet();
        RandomCheckFailed failed = new RandomCheckFailed(check, "2103 年第二季度双随机抽查", estate, "滨河花园", company,
                2L, LocalDate.of(2103, 6, 12), "消防通道堵塞；电梯年检过期");

        scenario.publish(failed).andWaitAtMost(WAIT)
                .andWaitForStateChange(() -> recordsOf(company, 2103), records -> records.size() == 2)
                .andVerify(records -> {
                    String description = "滨河花园 双随机抽查不合格（2103 年第二季度双随机抽查）：消防通道堵塞；电梯年检过期";
                    assertThat(records).allSatisfy(r -> {
                        assertThat(r.direction()).isEqualTo(Direction.BAD);
                        assertThat(r.kind()).isEqualTo(CreditKind.OTHER);
                        assertThat(r.description()).isEqualTo(description);
                        assertThat(r.occurredOn()).isEqualTo(LocalDate.of(2103, 6, 12));
                    });
                    // the company's record, and the record of the manager of that estate, not of the other manager
                    assertThat(records).extracting(CreditRecord::subjectType, CreditRecord::subjectName,
                                    CreditRecord::source)
                            .containsExactlyInAnyOrder(
                                    Tuple.tuple(SubjectType.COMPANY, "河东物业管理有限公司",
                                            "RandomCheckFailed:" + check + ":" + estate),
                                    Tuple.tuple(SubjectType.MANAGER, "张三",
                                            "RandomCheckFailed:" + check + ":" + estate + ":pm"));
                });

        List<CreditRecord> first = recordsOf(company, 2103);
        assertThat(deliverAgain(scenario, failed, check, company, 2103)).isEqualTo(first);
    }

    @Test
    void reachingTheYearsLimitOfSubstantiatedComplaintsIsOneBadRecordPerCompanyAndYear(Scenario scenario) {
        long company = company("城南物业有限公司");
        ComplaintsSubstantiated third = new ComplaintsSubstantiated(company, 2104, 3, 3, 2L, LocalDate.of(2104, 3, 9));
        ComplaintsSubstantiated fourth = new ComplaintsSubstantiated(company, 2104, 4, 3, 2L,
                LocalDate.of(2104, 8, 20));

        scenario.publish(third).andWaitAtMost(WAIT)
                .andWaitForStateChange(() -> recordsOf(company, 2104), records -> !records.isEmpty())
                .andVerify(records -> assertThat(records).singleElement().satisfies(r -> {
                    assertThat(r.source()).isEqualTo("ComplaintsSubstantiated:" + company + ":2104");
                    assertThat(r.direction()).isEqualTo(Direction.BAD);
                    assertThat(r.description()).isEqualTo("2104 年经核实属实（含部分属实）的投诉达到 3 件（规则：每年 3 件）");
                    assertThat(r.occurredOn()).isEqualTo(LocalDate.of(2104, 3, 9));
                }));
        List<CreditRecord> first = recordsOf(company, 2104);

        // the fourth substantiated complaint of the same year publishes the event again: the file keeps the one record
        assertThat(deliverAgain(scenario, fourth, company, company, 2104)).isEqualTo(first);
    }
}
