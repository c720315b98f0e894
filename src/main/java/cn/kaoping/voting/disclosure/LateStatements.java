package cn.kaoping.voting.disclosure;

import cn.kaoping.organisation.EstateListing;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.platform.workbench.WorkItem;
import cn.kaoping.platform.workbench.WorkItemProvider;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A company that has not published the last half-year's statement by its due day (31 July, 31 January) is flagged
 * to the street office of the estate (issue 13, seed 003 三公开), and to the company itself.
 */
@Component
class LateStatements implements WorkItemProvider {

    private final DisclosureStore accounts;
    private final OrganisationDirectory directory;

    LateStatements(DisclosureStore accounts, OrganisationDirectory directory) {
        this.accounts = accounts;
        this.directory = directory;
    }

    @Override
    public List<WorkItem> itemsFor(KaopingPrincipal p, LocalDate today) {
        String half = FundStatement.lastEndedHalf(today);
        LocalDate due = FundStatement.dueOn(half);
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
        estates = estates.stream().filter(e -> e.companyId() != null).toList();
        Set<Long> done = accounts.withStatement(estates.stream().map(EstateListing::id).toList(), half);
        return estates.stream().filter(e -> !done.contains(e.id())).limit(LIMIT)
                .map(e -> new WorkItem("fund-statement:" + e.id() + ":" + half, "disclosure",
                        (p.role() == Role.COMPANY_USER ? "公布 " : "催报 ") + half + " 公共收益和维修资金收支",
                        e.name(), due, "/estates/" + e.id() + "/accounts"))
                .toList();
    }
}
