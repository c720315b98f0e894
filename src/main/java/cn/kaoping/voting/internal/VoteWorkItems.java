package cn.kaoping.voting.internal;

import cn.kaoping.platform.workbench.WorkItem;
import cn.kaoping.platform.workbench.WorkItemProvider;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Owners' votes on the first screen: the street office approves drafts; whoever runs the vote (owners' committee,
 * street office, residents' committee) opens it when the announcement has run, checks paper ballots that wait for
 * their second entry, and closes and counts it after the window.
 */
@Component
class VoteWorkItems implements WorkItemProvider {

    private final VoteQueries queries;
    private final Ballots ballots;

    VoteWorkItems(VoteQueries queries, Ballots ballots) {
        this.queries = queries;
        this.ballots = ballots;
    }

    @Override
    public List<WorkItem> itemsFor(KaopingPrincipal p, LocalDate today) {
        boolean runs = p.role() == Role.COMMITTEE_MEMBER || p.role() == Role.STREET_OFFICER
                || p.role() == Role.COMMUNITY_STAFF;
        if (!runs) {
            return List.of();
        }
        List<WorkItem> items = new ArrayList<>();
        for (Votes.Stored s : queries.list(p)) {
            Vote v = s.vote();
            String link = "/votes/" + v.id();
            String key = "vote:" + v.id() + ":";
            switch (v.status()) {
                case DRAFT -> {
                    if (p.role() == Role.STREET_OFFICER) {
                        items.add(new WorkItem(key + "approve", "vote", "审核业主表决方案《" + v.title() + "》",
                                s.estateName(), v.opensOn().minusDays(1), link));
                    }
                }
                case APPROVED -> {
                    if (!today.isBefore(v.opensOn())) {
                        items.add(new WorkItem(key + "open", "vote", "冻结名册，开始投票《" + v.title() + "》",
                                s.estateName(), v.opensOn(), link));
                    }
                }
                case OPEN -> {
                    if (s.codesIssuedAt() == null && !today.isAfter(v.closesOn())) {
                        items.add(new WorkItem(key + "codes", "vote", "发放表决码（打印表决码条）《" + v.title() + "》",
                                s.estateName(), v.opensOn(), link));
                    }
                    int waiting = ballots.pending(v.id()).size();
                    int proxies = ballots.proxiesToCheck(v.id()).size();
                    if (proxies > 0 && !today.isAfter(v.closesOn())) {
                        items.add(new WorkItem(key + "proxies:" + proxies, "vote", "核验委托书 " + proxies + " 份《"
                                + v.title() + "》", s.estateName(), v.closesOn(), link));
                    }
                    if (today.isAfter(v.closesOn())) {
                        items.add(new WorkItem(key + "close", "vote", "结束投票并计票《" + v.title() + "》",
                                s.estateName(), v.closesOn().plusDays(1), link));
                    } else if (waiting > 0) {
                        items.add(new WorkItem(key + "paper:" + waiting, "vote", "核对录入纸质表决票 " + waiting
                                + " 张《" + v.title() + "》", s.estateName(), v.closesOn(), link));
                    }
                }
                default -> {
                }
            }
            if (items.size() >= LIMIT) {
                break;
            }
        }
        return items;
    }
}
