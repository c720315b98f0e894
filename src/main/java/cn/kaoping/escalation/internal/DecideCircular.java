package cn.kaoping.escalation.internal;

import cn.kaoping.escalation.internal.Forms.Check;
import cn.kaoping.escalation.internal.Forms.CircularForm;
import cn.kaoping.shared.KaopingPrincipal;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The district (区房产主管部门) decides a suggested 通报: it is numbered, names the notices behind it and is published. */
@Service
@Transactional
public class DecideCircular {

    private final LadderQueries queries;
    private final SuggestionStore suggestions;
    private final RungStore rungs;
    private final SuggestionTransitions transitions;
    private final Clock clock;

    DecideCircular(LadderQueries queries, SuggestionStore suggestions, RungStore rungs,
                   SuggestionTransitions transitions, Clock clock) {
        this.queries = queries;
        this.suggestions = suggestions;
        this.rungs = rungs;
        this.transitions = transitions;
        this.clock = clock;
    }

    /** Returns the new 通报's id. */
    public long decide(KaopingPrincipal p, long suggestionId, CircularForm f) {
        Suggestion s = suggestions.lock(p, suggestionId);
        s.checkDecidable(SuggestionKind.CIRCULAR, queries.mayDecide(p, s));
        new Check().required("issuedOn", f.issuedOn(), "请填写通报日期")
                .text("reason", f.reason(), "通报事由", Forms.LONG, true).orThrow();
        OffsetDateTime now = OffsetDateTime.now(clock);
        String number = rungs.number(SuggestionKind.CIRCULAR, f.issuedOn().getYear());
        long id = rungs.insertCircular(s, number, f.issuedOn(), f.reason().strip(),
                new RungStore.Decider(p.username(), p.displayName(), now));
        s.decide(SuggestionKind.CIRCULAR, id, p.displayName(), now);
        transitions.record(s);
        return id;
    }
}
