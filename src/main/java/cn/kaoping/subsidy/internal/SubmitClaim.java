package cn.kaoping.subsidy.internal;

import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.subsidy.internal.Forms.StepForm;
import cn.kaoping.subsidy.internal.Views.ClaimRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The street office submits its draft claim to the district office, with an optional note and document. */
@Service
@Transactional
public class SubmitClaim {

    private final ClaimQueries queries;
    private final ClaimStore store;
    private final Transitions transitions;

    SubmitClaim(ClaimQueries queries, ClaimStore store, Transitions transitions) {
        this.queries = queries;
        this.store = store;
        this.transitions = transitions;
    }

    public ClaimRow submit(KaopingPrincipal p, long id, StepForm form) {
        queries.visible(p, id);
        Access.require(Access.drafts(p), "只有街道办事处可以提交补贴申报");
        Claim claim = store.lock(id);
        StepForm step = StepForm.orNone(form);
        claim.submit(step.text(), step.document(), queries.today());
        transitions.record(p, claim);
        return queries.row(id);
    }
}
