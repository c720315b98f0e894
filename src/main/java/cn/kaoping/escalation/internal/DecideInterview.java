package cn.kaoping.escalation.internal;

import cn.kaoping.escalation.internal.Forms.Check;
import cn.kaoping.escalation.internal.Forms.InterviewForm;
import cn.kaoping.escalation.internal.Views.Circular;
import cn.kaoping.shared.KaopingPrincipal;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The district or a street office of the ladder records the 约谈 a suggestion called for, after its 通报. */
@Service
@Transactional
public class DecideInterview {

    private final LadderQueries queries;
    private final SuggestionStore suggestions;
    private final RungStore rungs;
    private final SuggestionTransitions transitions;
    private final Clock clock;

    DecideInterview(LadderQueries queries, SuggestionStore suggestions, RungStore rungs,
                    SuggestionTransitions transitions, Clock clock) {
        this.queries = queries;
        this.suggestions = suggestions;
        this.rungs = rungs;
        this.transitions = transitions;
        this.clock = clock;
    }

    /** Returns the new 约谈's id. */
    public long decide(KaopingPrincipal p, long suggestionId, InterviewForm f) {
        Suggestion s = suggestions.lock(p, suggestionId);
        s.checkDecidable(SuggestionKind.INTERVIEW, queries.mayDecide(p, s));
        Circular circular = rungs.circular(s.basisId()).orElseThrow();
        Check check = new Check().required("heldOn", f.heldOn(), "请填写约谈日期")
                .text("place", f.place(), "约谈地点", Forms.SHORT, true)
                .text("attendees", f.attendees(), "参加人员", Forms.LONG, true)
                .text("minutes", f.minutes(), "约谈记录", Forms.LONG, true)
                .text("commitments", f.commitments(), "企业承诺", Forms.LONG, true);
        if (f.heldOn() != null) {
            check.that(!f.heldOn().isBefore(circular.issuedOn()), "heldOn",
                    "约谈日期不能早于通报日期 " + circular.issuedOn());
        }
        check.orThrow();
        OffsetDateTime now = OffsetDateTime.now(clock);
        String number = rungs.number(SuggestionKind.INTERVIEW, f.heldOn().getYear());
        long id = rungs.insertInterview(s, circular.id(), number, f,
                new RungStore.Decider(p.username(), p.displayName(), now));
        s.decide(SuggestionKind.INTERVIEW, id, p.displayName(), now);
        transitions.record(s);
        return id;
    }
}
