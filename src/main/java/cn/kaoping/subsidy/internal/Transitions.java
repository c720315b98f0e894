package cn.kaoping.subsidy.internal;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.subsidy.internal.ClaimEvent.Closed;
import cn.kaoping.subsidy.internal.ClaimEvent.Moved;
import cn.kaoping.subsidy.internal.ClaimEvent.PaidToCompany;
import cn.kaoping.subsidy.internal.ClaimEvent.PaidToStreet;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Records what a claim's transition did, the same way for every step: the attached documents must exist, the claim's
 * new state is saved, the step is kept with person, date, note and document, and the audit log gets its line.
 */
@Component
class Transitions {

    private final ClaimStore store;
    private final ClaimDocuments documents;
    private final AuditLog audit;
    private final Clock clock;

    Transitions(ClaimStore store, ClaimDocuments documents, AuditLog audit, Clock clock) {
        this.store = store;
        this.documents = documents;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records the events the claim registered since it was loaded, in order, on behalf of the principal. */
    void record(KaopingPrincipal p, Claim claim) {
        claim.events().forEach(e -> documents.require(e.document()));
        for (ClaimEvent e : claim.events()) {
            if (e.moves()) {
                store.save(claim);
            }
            if (e instanceof PaidToCompany pay) {
                store.payLine(pay.lineId(), pay.on(), pay.amount(), pay.voucher(), pay.note(), p.displayName(),
                        pay.document());
            }
            store.step(claim.id(), e.lineId(), e.action(), p.userId(), p.displayName(), e.on(),
                    OffsetDateTime.now(clock), e.note(), e.document());
            audit(claim, e);
        }
        claim.clearEvents();
    }

    private void audit(Claim c, ClaimEvent event) {
        String claim = c.streetName() + " " + c.period();
        String action = "SUBSIDY_" + event.action();
        if (event instanceof Moved m) {
            audit.record(action, "subsidy_claim", c.id(), claim + " 补贴申报：" + m.from().label() + " → "
                            + m.to().label() + (m.note() == null ? "" : "（" + m.note() + "）"),
                    Map.of("status", m.from().name(), "total", c.total()),
                    Map.of("status", m.to().name(), "total", c.total()));
        } else if (event instanceof PaidToStreet pay) {
            audit.record(action, "subsidy_claim", c.id(), claim + " 补贴拨付到街道 " + pay.amount() + " 元（凭证 "
                            + pay.voucher() + "）", Map.of("status", pay.from().name()),
                    Map.of("status", "PAID_TO_STREET", "amount", pay.amount(), "voucher", pay.voucher()));
        } else if (event instanceof PaidToCompany pay) {
            audit.record(action, "subsidy_line", pay.lineId(), pay.estateName() + " 补贴拨付到 " + pay.companyName()
                            + " " + pay.amount() + " 元（凭证 " + pay.voucher() + "）", null,
                    Map.of("amount", pay.amount(), "voucher", pay.voucher(), "paidOn", pay.on().toString()));
        } else if (event instanceof Closed closed) {
            audit.record(action, "subsidy_claim", c.id(), claim + " 补贴已全部拨付到企业，申报办结",
                    Map.of("status", closed.from().name()), Map.of("status", "CLOSED"));
        }
    }
}
