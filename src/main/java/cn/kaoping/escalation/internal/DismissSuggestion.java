package cn.kaoping.escalation.internal;

import cn.kaoping.escalation.internal.Forms.Check;
import cn.kaoping.escalation.internal.Forms.DismissForm;
import cn.kaoping.shared.KaopingPrincipal;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Whoever may decide a suggestion may instead dismiss it (不予采纳), saying why; it then stays closed. */
@Service
@Transactional
public class DismissSuggestion {

    private final LadderQueries queries;
    private final SuggestionStore suggestions;
    private final SuggestionTransitions transitions;
    private final Clock clock;

    DismissSuggestion(LadderQueries queries, SuggestionStore suggestions, SuggestionTransitions transitions,
                      Clock clock) {
        this.queries = queries;
        this.suggestions = suggestions;
        this.transitions = transitions;
        this.clock = clock;
    }

    public void dismiss(KaopingPrincipal p, long suggestionId, DismissForm f) {
        Suggestion s = suggestions.lock(p, suggestionId);
        s.checkDecidable(s.kind(), queries.mayDecide(p, s));
        new Check().text("reason", f.reason(), "不采纳的理由", Forms.LONG, true).orThrow();
        s.dismiss(f.reason().strip(), p.displayName(), OffsetDateTime.now(clock));
        transitions.record(s);
    }
}
