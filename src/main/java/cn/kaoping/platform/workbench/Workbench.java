package cn.kaoping.platform.workbench;

import cn.kaoping.shared.KaopingPrincipal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Collects every module's work items for a user: overdue first, then by due date (undated last), counted per kind.
 * A provider that fails is left out and logged, so one broken module never blanks the first screen.
 */
@Component
public class Workbench {

    private static final Logger log = LoggerFactory.getLogger(Workbench.class);

    private static final Comparator<WorkItem> ORDER = Comparator
            .comparing(WorkItem::due, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(WorkItem::title);

    private final List<WorkItemProvider> providers;
    private final Clock clock;

    Workbench(List<WorkItemProvider> providers, Clock clock) {
        this.providers = List.copyOf(providers);
        this.clock = clock;
    }

    /** The user's items today. */
    public Items itemsFor(KaopingPrincipal principal) {
        LocalDate today = LocalDate.now(clock);
        List<WorkItem> all = new ArrayList<>();
        boolean capped = false;
        for (WorkItemProvider provider : providers) {
            try {
                List<WorkItem> items = provider.itemsFor(principal, today);
                capped |= items.size() >= WorkItemProvider.LIMIT;
                all.addAll(items);
            } catch (RuntimeException e) {
                log.warn("工作台：{} 的待办未能读取：{}", provider.getClass().getSimpleName(), e.toString());
            }
        }
        all.sort(Comparator.comparing((WorkItem i) -> !i.overdueOn(today)).thenComparing(ORDER));
        Map<String, Integer> counts = new TreeMap<>();
        all.forEach(i -> counts.merge(i.kind(), 1, Integer::sum));
        return new Items(today, all, counts, capped);
    }

    /**
     * @param counts items per kind
     * @param capped whether a provider returned its {@link WorkItemProvider#LIMIT} (there may be more)
     */
    public record Items(LocalDate today, List<WorkItem> items, Map<String, Integer> counts, boolean capped) {

        public long overdue() {
            return items.stream().filter(i -> i.overdueOn(today)).count();
        }
    }
}
