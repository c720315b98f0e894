package cn.kaoping.escalation.internal;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.escalation.CircularIssued;
import cn.kaoping.escalation.InterviewHeld;
import cn.kaoping.escalation.PenaltyDecided;
import cn.kaoping.escalation.internal.SuggestionEvent.Decided;
import cn.kaoping.escalation.internal.SuggestionEvent.Dismissed;
import cn.kaoping.escalation.internal.SuggestionEvent.Raised;
import cn.kaoping.escalation.internal.Views.Circular;
import cn.kaoping.escalation.internal.Views.Interview;
import cn.kaoping.escalation.internal.Views.Penalty;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Records what a suggestion's transition did, the same way wherever it happens: a raised suggestion gets the system's
 * audit line; a decision saves the suggestion, audits its new rung and tells the other modules (通报 → credit, …); a
 * dismissal saves it and audits the suggestion before and after.
 */
@Component
class SuggestionTransitions {

    private final SuggestionStore suggestions;
    private final RungStore rungs;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    SuggestionTransitions(SuggestionStore suggestions, RungStore rungs, AuditLog audit,
                          ApplicationEventPublisher events) {
        this.suggestions = suggestions;
        this.rungs = rungs;
        this.audit = audit;
        this.events = events;
    }

    /** Records the events the suggestion registered since it was loaded, in order. */
    void record(Suggestion s) {
        for (SuggestionEvent e : s.events()) {
            if (e instanceof Raised raised) {
                audit.recordAs(EscalationAccess.SYSTEM, "SUGGEST_" + s.kind().name(), "escalation_suggestion",
                        s.id(), "建议" + s.kind().label() + "：" + raised.reason(), null,
                        Map.of("case", s.caseId(), "kind", s.kind().name()));
            } else if (e instanceof Decided decided) {
                suggestions.save(s);
                rungCreated(s, decided);
            } else if (e instanceof Dismissed dismissed) {
                Views.Suggestion before = suggestions.view(s.id());
                suggestions.save(s);
                audit.record("SUGGESTION_DISMISSED", "escalation_suggestion", s.id(),
                        "不采纳" + s.kind().label() + "建议：" + dismissed.reason(), before, suggestions.view(s.id()));
            }
        }
        s.clearEvents();
    }

    private void rungCreated(Suggestion s, Decided d) {
        long id = d.rungId();
        switch (d.kind()) {
            case CIRCULAR -> {
                Circular c = rungs.circular(id).orElseThrow();
                audit.record("CIRCULAR_ISSUED", "escalation_circular", id, "通报 " + c.number() + "：" + c.companyName(),
                        null, c);
                events.publishEvent(new CircularIssued(id, c.number(), c.companyId(), c.companyName(), s.districtId(),
                        c.reason(), c.issuedOn(), rungs.circularNotices(id)));
            }
            case INTERVIEW -> {
                Interview i = rungs.interview(id).orElseThrow();
                audit.record("INTERVIEW_HELD", "escalation_interview", id, "约谈 " + i.number() + "：" + i.companyName(),
                        null, i);
                events.publishEvent(new InterviewHeld(id, i.number(), i.circularId(), i.companyId(), i.companyName(),
                        s.districtId(), i.heldOn(), i.commitments()));
            }
            case PENALTY -> {
                Penalty pn = rungs.penalty(id).orElseThrow();
                audit.record("PENALTY_DECIDED", "escalation_penalty", id, "处罚 " + pn.number() + "：" + pn.companyName(),
                        null, pn);
                events.publishEvent(new PenaltyDecided(id, pn.number(), pn.interviewId(), pn.companyId(),
                        pn.companyName(), s.districtId(), pn.decidedOn(), pn.decision(), pn.legalBasis(), pn.amount(),
                        pn.measure()));
            }
        }
    }
}
