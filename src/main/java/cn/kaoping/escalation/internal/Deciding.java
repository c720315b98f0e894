package cn.kaoping.escalation.internal;

import cn.kaoping.shared.KaopingPrincipal;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Component;

/**
 * What every decision on a suggestion begins and ends with, written once: the suggestion is locked in the caller's
 * scope and checked decidable by the caller (its rung and status); at the end the new rung is numbered for its year,
 * written with the decider and the time, and the suggestion moves onto it with the transition recorded.
 */
@Component
class Deciding {

    /** Writes one rung (通报, 约谈 or 处罚) under its number for the decider; returns its id. */
    @FunctionalInterface
    interface RungWriter {
        long write(String number, RungStore.Decider by);
    }

    private final LadderQueries queries;
    private final SuggestionStore suggestions;
    private final RungStore rungs;
    private final SuggestionTransitions transitions;
    private final Clock clock;

    Deciding(LadderQueries queries, SuggestionStore suggestions, RungStore rungs, SuggestionTransitions transitions,
             Clock clock) {
        this.queries = queries;
        this.suggestions = suggestions;
        this.rungs = rungs;
        this.transitions = transitions;
        this.clock = clock;
    }

    /** The suggestion, locked, once the principal may decide it as a suggestion of the kind. */
    Suggestion take(KaopingPrincipal p, long suggestionId, SuggestionKind kind) {
        Suggestion s = suggestions.lock(p, suggestionId);
        s.checkDecidable(kind, queries.mayDecide(p, s));
        return s;
    }

    /** The suggestion, locked, once the principal may decide it whatever its kind (to dismiss it). */
    Suggestion take(KaopingPrincipal p, long suggestionId) {
        Suggestion s = suggestions.lock(p, suggestionId);
        s.checkDecidable(s.kind(), queries.mayDecide(p, s));
        return s;
    }

    /** Writes the rung numbered in the year, moves the suggestion onto it and records that; returns the rung's id. */
    long decide(KaopingPrincipal p, Suggestion s, SuggestionKind kind, int year, RungWriter writer) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = writer.write(rungs.number(kind, year), new RungStore.Decider(p.username(), p.displayName(), now));
        s.decide(kind, id, p.displayName(), now);
        transitions.record(s);
        return id;
    }
}
