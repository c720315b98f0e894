package cn.kaoping.subsidy.internal;

import cn.kaoping.platform.workbench.WorkItem;
import cn.kaoping.platform.workbench.WorkItemProvider;
import cn.kaoping.shared.KaopingPrincipal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The subsidy module's work on the first screen: every claim of the user's region at a step the user takes now (the
 * street submits, the district office reviews, another leader approves, finance pays the street, the street pays the
 * companies): exactly the claims on which {@link Access#actions} offers him an action.
 */
@Component
class SubsidyWorkItems implements WorkItemProvider {

    private static final Map<String, String> STEP = Map.of("submit", "提交补贴申报", "review", "审核补贴申报",
            "approve", "审批补贴申报", "payStreet", "拨付补贴到街道", "payCompany", "拨付补贴到企业");

    private final ClaimQueries claims;

    SubsidyWorkItems(ClaimQueries claims) {
        this.claims = claims;
    }

    @Override
    public List<WorkItem> itemsFor(KaopingPrincipal p, LocalDate today) {
        return claims.claims(p, null).stream()
                .map(c -> {
                    Set<String> actions = Access.actions(p, c);
                    String step = actions.stream().filter(STEP::containsKey).findFirst().orElse(null);
                    return step == null ? null : new WorkItem("claim:" + c.id() + ":" + c.status(), "claim",
                            STEP.get(step), c.streetName() + " · " + c.roundName(), null, "/subsidies/" + c.id());
                })
                .filter(java.util.Objects::nonNull).limit(LIMIT).toList();
    }
}
