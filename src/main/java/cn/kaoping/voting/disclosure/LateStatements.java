package cn.kaoping.voting.disclosure;

import cn.kaoping.organisation.EstateListing;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.platform.workbench.WorkItem;
import cn.kaoping.platform.workbench.WorkItemProvider;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A company that has not published the last half-year's statement by its due day ({@link StatementDeadlines}: by
 * default 31 July and 31 January) is flagged
 * to the street office of the estate (issue 13, seed 003 三公开), and to the company itself.
 */
@Component
class LateStatements implements WorkItemProvider {

    private final EstateAccounts view;
    private final OrganisationDirectory directory;
    private final StatementDeadlines deadlines;

    LateStatements(EstateAccounts view, OrganisationDirectory directory, StatementDeadlines deadlines) {
        this.view = view;
        this.directory = directory;
        this.deadlines = deadlines;
    }

    @Override
    public List<WorkItem> itemsFor(KaopingPrincipal p, LocalDate today) {
        StatementDeadlines.Due last = deadlines.lastEnded(today);
        String half = last.half();
        LocalDate due = last.on();
        if (!today.isAfter(due)) {
            return List.of();
        }
        List<EstateListing> estates;
        if (p.role() == Role.STREET_OFFICER) {
            estates = directory.estatesUnder(p.regionPath(), null, null, false);
        } else if (p.role() == Role.COMPANY_USER && p.companyId() != null) {
            estates = directory.estatesUnder("/", null, null, false).stream()
                    .filter(e -> p.companyId().equals(e.companyId())).toList();
        } else {
            return List.of();
        }
        List<EstateListing> late = late(estates, half);
        if (p.role() == Role.STREET_OFFICER) {
            // one line for the street, so a street of many late estates does not bury its other work
            return late.isEmpty() ? List.of() : List.of(new WorkItem("fund-statements:" + half + ":" + late.size(),
                    "disclosure", "催报 " + half + " 公共收益和维修资金收支：" + late.size() + " 个小区未公布",
                    null, due, "/accounts/late"));
        }
        return late.stream().limit(LIMIT)
                .map(e -> new WorkItem("fund-statement:" + e.id() + ":" + half, "disclosure",
                        "公布 " + half + " 公共收益和维修资金收支", e.name(), due, "/estates/" + e.id() + "/accounts"))
                .toList();
    }

    private List<EstateListing> late(List<EstateListing> estates, String half) {
        return view.late(estates, half);
    }
}
