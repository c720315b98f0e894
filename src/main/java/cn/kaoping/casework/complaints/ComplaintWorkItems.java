package cn.kaoping.casework.complaints;

import cn.kaoping.platform.workbench.WorkItem;
import cn.kaoping.platform.workbench.WorkItemProvider;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Complaints on the first screen: the street office signs, assigns and closes its estates' work orders; the company
 * answers those assigned to it; each due on its deadline (overdue ones first, as the workbench sorts).
 */
@Component
class ComplaintWorkItems implements WorkItemProvider {

    private final ComplaintStore store;

    ComplaintWorkItems(ComplaintStore store) {
        this.store = store;
    }

    @Override
    public List<WorkItem> itemsFor(KaopingPrincipal p, LocalDate today) {
        List<ComplaintStore.Row> rows;
        if (p.role() == Role.STREET_OFFICER || p.role() == Role.COMMUNITY_STAFF) {
            rows = store.list(p.regionPath(), null, (ComplaintStatus) null, LIMIT * 2);
        } else if (p.role() == Role.COMPANY_USER && p.companyId() != null) {
            rows = store.list(null, p.companyId(), ComplaintStatus.ASSIGNED, LIMIT);
        } else {
            return List.of();
        }
        boolean company = p.role() == Role.COMPANY_USER;
        return rows.stream().map(r -> {
            Complaint c = r.complaint();
            String what = switch (c.status()) {
                case RECEIVED -> company ? null : "签收投诉工单";
                case SIGNED -> company ? null : "派单投诉工单";
                case ASSIGNED -> company || c.assigneeDepartment() != null ? "答复投诉工单" : null;
                case ANSWERED -> company ? null : "办结并回访投诉工单";
                default -> null;
            };
            if (what == null) {
                return null;
            }
            LocalDate due = c.status() == ComplaintStatus.RECEIVED ? c.signDue() : c.closeDue();
            return new WorkItem("complaint:" + c.id() + ":" + c.status(), "complaint",
                    what + " " + c.id() + "（" + r.categoryName() + "）", r.estateName(), due, "/complaints/" + c.id());
        }).filter(Objects::nonNull).limit(LIMIT).toList();
    }
}
