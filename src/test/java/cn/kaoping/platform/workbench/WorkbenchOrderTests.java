package cn.kaoping.platform.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the first screen orders and counts what the modules hand it, without Spring. */
class WorkbenchOrderTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
    private static final Clock CLOCK = Clock.fixed(TODAY.atTime(9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(),
            ZoneId.of("Asia/Shanghai"));
    private static final KaopingPrincipal USER = new KaopingPrincipal(1, "street_df", "东风街道 物业办",
            Role.STREET_OFFICER, 1L, "/1/2/3/", null, null);

    private static WorkItem item(String key, String kind, LocalDate due) {
        return new WorkItem(key, kind, "标题 " + key, null, due, "/x/" + key);
    }

    @Test
    void overdueItemsComeFirstByDueDateThenTheRestByDueDateAndUndatedLast() {
        WorkItemProvider a = (p, today) -> List.of(item("undated", "accept", null),
                item("next-week", "inspect", TODAY.plusDays(7)), item("long-overdue", "inspect", TODAY.minusDays(30)));
        WorkItemProvider b = (p, today) -> List.of(item("today", "review", TODAY),
                item("overdue", "review", TODAY.minusDays(1)), item("tomorrow", "inspect", TODAY.plusDays(1)));
        Workbench.Items items = new Workbench(List.of(a, b), CLOCK).itemsFor(USER);

        assertThat(items.items()).extracting(WorkItem::key)
                .containsExactly("long-overdue", "overdue", "today", "tomorrow", "next-week", "undated");
        assertThat(items.overdue()).as("due today is not late yet").isEqualTo(2);
        assertThat(items.counts()).containsEntry("inspect", 3).containsEntry("review", 2).containsEntry("accept", 1);
        assertThat(items.capped()).isFalse();
    }

    @Test
    void aFailingModuleIsLeftOutAndTheOthersStillShow() {
        WorkItemProvider broken = (p, today) -> {
            throw new IllegalStateException("table missing");
        };
        WorkItemProvider fine = (p, today) -> List.of(item("one", "inspect", TODAY));
        Workbench.Items items = new Workbench(List.of(broken, fine), CLOCK).itemsFor(USER);
        assertThat(items.items()).extracting(WorkItem::key).containsExactly("one");
    }

    @Test
    void aProviderAtItsLimitIsReportedAsCapped() {
        WorkItemProvider many = (p, today) -> java.util.stream.IntStream.range(0, WorkItemProvider.LIMIT)
                .mapToObj(i -> item("k" + i, "inspect", TODAY)).toList();
        assertThat(new Workbench(List.of(many), CLOCK).itemsFor(USER).capped()).isTrue();
    }

    @Test
    void theDigestSpellsOutTwentyItemsMarksTheOverdueOnesAndCountsTheRest() {
        List<WorkItem> list = new java.util.ArrayList<>();
        list.add(new WorkItem("late", "inspect", "检查 幸福小区", "东风街道2026年下半年考核", TODAY.minusDays(2), "/t/1"));
        for (int i = 0; i < 24; i++) {
            list.add(item("k" + i, "inspect", TODAY.plusDays(3)));
        }
        String body = Digests.body(new Workbench.Items(TODAY, list, java.util.Map.of("inspect", 25), false));
        assertThat(body).startsWith("待办 25 项，其中逾期 1 项。")
                .contains("· 【逾期】检查 幸福小区（东风街道2026年下半年考核），12月1日前")
                .contains("……另有 5 项，请登录工作台查看。");
    }
}
