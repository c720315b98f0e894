package cn.kaoping.subsidy.internal;

import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.subsidy.internal.Forms.StepForm;
import cn.kaoping.subsidy.internal.Views.ClaimRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The district office (指挥部办公室) reviews a submitted claim for approval, or returns it to the street with a reason. */
@Service
@Transactional
public class ReviewClaim {

    private final ClaimQueries queries;
    private final ClaimStore store;
    private final Transitions transitions;

    ReviewClaim(ClaimQueries queries, ClaimStore store, Transitions transitions) {
        this.queries = queries;
        this.store = store;
        this.transitions = transitions;
    }

    public ClaimRow review(KaopingPrincipal p, long id, StepForm form) {
        queries.visible(p, id);
        Access.require(Access.reviews(p), "只有区指挥部办公室（区房产主管部门）可以审核补贴申报");
        Claim claim = store.lock(id);
        StepForm step = StepForm.orNone(form);
        claim.review(p.userId(), step.text(), step.document(), queries.today());
        transitions.record(p, claim);
        return queries.row(id);
    }

    public ClaimRow returnToStreet(KaopingPrincipal p, long id, StepForm form) {
        queries.visible(p, id);
        Access.require(Access.reviews(p), "只有区指挥部办公室（区房产主管部门）可以退回补贴申报");
        Claim claim = store.lock(id);
        StepForm step = StepForm.orNone(form);
        claim.returnToStreet(step.text(), step.document(), queries.today());
        transitions.record(p, claim);
        return queries.row(id);
    }
}
