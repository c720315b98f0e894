package cn.kaoping.excellence.campaign;

import cn.kaoping.platform.workbench.WorkItem;
import cn.kaoping.platform.workbench.WorkItemProvider;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Honour re-evaluation work on the first screen (issue 16): each party's next step on the entries it sees — the
 * district association's list and publicity, the company's application, the committee's stamp, the expert's score,
 * the residents' committee's score — with the stage's deadline (overdue ones marked by the workbench).
 */
@Component
class HonourWorkItems implements WorkItemProvider {

    private final HonourStore store;
    private final Campaigns campaigns;

    HonourWorkItems(HonourStore store, Campaigns campaigns) {
        this.store = store;
        this.campaigns = campaigns;
    }

    @Override
    public List<WorkItem> itemsFor(KaopingPrincipal p, LocalDate today) {
        if (!List.of(Role.ASSOCIATION, Role.COMPANY_USER, Role.COMMITTEE_MEMBER, Role.EXPERT, Role.COMMUNITY_STAFF)
                .contains(p.role())) {
            return List.of();
        }
        List<WorkItem> items = new ArrayList<>();
        List<Long> seats = p.role() == Role.EXPERT ? store.seatsOf(p.username()) : List.of();
        for (HonourStore.Campaign c : store.campaigns()) {
            if (!c.open() || !CampaignAccess.seesCampaign(p, c)) {
                continue;
            }
            EntrySteps.PublicityRule rule = campaigns.publicityRule(c);
            for (HonourStore.Entry e : store.entries(c.id())) {
                if (!CampaignAccess.seesEntry(p, c, e, seats.contains(e.id())) || items.size() >= LIMIT) {
                    continue;
                }
                CampaignBoard.Stage s = CampaignBoard.stage(e, store.publicity(e.id()), rule);
                String step = step(p, s, e);
                if (step != null) {
                    items.add(new WorkItem("honour:" + e.id() + ":" + s, "honour", step, e.honour().estateName()
                            + " · " + c.title(), CampaignBoard.due(c, s), "/honours/entries/" + e.id()));
                }
            }
        }
        return items;
    }

    private String step(KaopingPrincipal p, CampaignBoard.Stage s, HonourStore.Entry e) {
        return switch (p.role()) {
            case ASSOCIATION -> s == CampaignBoard.Stage.LISTED ? "确认市优复评名单"
                    : s == CampaignBoard.Stage.NOTICE && e.companyDecision() != null ? "记录复评公示情况" : null;
            case COMPANY_USER -> s == CampaignBoard.Stage.NOTICE && e.companyDecision() == null ? "确认是否参加市优复评"
                    : s == CampaignBoard.Stage.APPLY ? "填写市优复评申报表" : null;
            case COMMITTEE_MEMBER -> s == CampaignBoard.Stage.ENDORSE ? "确认（盖章）市优复评申报表" : null;
            case EXPERT -> s == CampaignBoard.Stage.REVIEW && store.panel(e.id()).stream()
                    .anyMatch(x -> x.expert().equals(p.username()) && x.score() == null) ? "市优复评专家打分" : null;
            case COMMUNITY_STAFF -> s == CampaignBoard.Stage.REVIEW && e.communityScore() == null
                    ? "社区居委会评价物业服务" : null;
            default -> null;
        };
    }
}
