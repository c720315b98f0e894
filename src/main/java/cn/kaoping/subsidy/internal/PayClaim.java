package cn.kaoping.subsidy.internal;

import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.subsidy.internal.Forms.Payment;
import cn.kaoping.subsidy.internal.Views.ClaimRow;
import cn.kaoping.subsidy.internal.Views.Line;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payments: district finance pays the approved claim to the street, the street pays each line to its company; the
 * claim closes when every line with money is paid.
 */
@Service
@Transactional
public class PayClaim {

    private final ClaimQueries queries;
    private final ClaimStore store;
    private final Transitions transitions;

    PayClaim(ClaimQueries queries, ClaimStore store, Transitions transitions) {
        this.queries = queries;
        this.store = store;
        this.transitions = transitions;
    }

    /** Finance records the payment to the street; an amount other than the approved total needs a note. */
    public ClaimRow payStreet(KaopingPrincipal p, long id, Payment form) {
        queries.visible(p, id);
        Access.require(Access.paysStreets(p), "只有区财政部门可以登记拨付到街道");
        Claim claim = store.lock(id);
        claim.payStreet(form, queries.today());
        transitions.record(p, claim);
        return queries.row(id);
    }

    /** The street records the payment of one line to its company; the claim closes when every line is paid. */
    public Line payCompany(KaopingPrincipal p, long lineId, Payment form) {
        Line line = queries.line(lineId);
        queries.visible(p, line.claimId(), "补贴明细不存在");
        Access.require(Access.paysCompanies(p), "只有街道办事处可以登记拨付到企业");
        Claim claim = store.lock(line.claimId());
        claim.payCompany(queries.line(lineId), form, queries.today());
        transitions.record(p, claim);
        return queries.line(lineId);
    }
}
