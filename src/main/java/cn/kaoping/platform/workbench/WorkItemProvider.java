package cn.kaoping.platform.workbench;

import cn.kaoping.shared.KaopingPrincipal;
import java.time.LocalDate;
import java.util.List;

/**
 * The port through which a module puts its work on the users' first screen: one bean per module, inside the module,
 * returning exactly what waits for the principal (within his role and scope; nothing of another street or company).
 * The workbench never imports a module, so a new module plugs in by declaring a provider.
 */
public interface WorkItemProvider {

    /** At most this many items per provider and user; a list longer than that says so on the screen. */
    int LIMIT = 200;

    /** What waits for the principal today, in any order. */
    List<WorkItem> itemsFor(KaopingPrincipal principal, LocalDate today);
}
