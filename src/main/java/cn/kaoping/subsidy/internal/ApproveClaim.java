package cn.kaoping.subsidy.internal;

import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.subsidy.internal.Forms.StepForm;
import cn.kaoping.subsidy.internal.Views.ClaimRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The district government approves a reviewed claim (never its reviewer: four eyes); its amounts are locked. */
@Service
@Transactional
public class ApproveClaim {

    private final ClaimQueries queries;
    private final ClaimStore store;
    private final Transitions transitions;

    ApproveClaim(ClaimQueries queries, ClaimStore store, Transitions transitions) {
        this.queries = queries;
        this.store = store;
        this.transitions = transitions;
    }

    public ClaimRow approve(KaopingPrincipal p, long id, StepForm form) {
        queries.visible(p, id);
        Access.require(Access.approves(p), "只有区政府（区房产主管部门审批人）可以审批补贴");
        Claim claim = store.lock(id);
        StepForm step = StepForm.orNone(form);
        claim.approve(p.userId(), step.text(), step.document(), queries.today());
        transitions.record(p, claim);
        return queries.row(id);
    }
}
