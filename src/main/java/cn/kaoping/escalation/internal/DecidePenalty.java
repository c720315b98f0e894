package cn.kaoping.escalation.internal;

import cn.kaoping.escalation.internal.Forms.Check;
import cn.kaoping.escalation.internal.Forms.PenaltyForm;
import cn.kaoping.escalation.internal.Views.Interview;
import cn.kaoping.shared.KaopingPrincipal;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The district or a street office of the ladder decides the 处罚 a suggestion called for: a fine, a measure or both. */
@Service
@Transactional
public class DecidePenalty {

    private static final BigDecimal TOO_LARGE = new BigDecimal("1000000000000");

    private final LadderQueries queries;
    private final SuggestionStore suggestions;
    private final RungStore rungs;
    private final SuggestionTransitions transitions;
    private final Clock clock;

    DecidePenalty(LadderQueries queries, SuggestionStore suggestions, RungStore rungs,
                  SuggestionTransitions transitions, Clock clock) {
        this.queries = queries;
        this.suggestions = suggestions;
        this.rungs = rungs;
        this.transitions = transitions;
        this.clock = clock;
    }

    /** Returns the new 处罚's id. */
    public long decide(KaopingPrincipal p, long suggestionId, PenaltyForm f) {
        Suggestion s = suggestions.lock(p, suggestionId);
        s.checkDecidable(SuggestionKind.PENALTY, queries.mayDecide(p, s));
        Interview interview = rungs.interview(s.basisId()).orElseThrow();
        String measure = Forms.strip(f.measure());
        Check check = new Check().required("decidedOn", f.decidedOn(), "请填写处罚决定日期")
                .text("decision", f.decision(), "处罚决定", Forms.LONG, true)
                .text("legalBasis", f.legalBasis(), "处罚依据", Forms.LONG, true)
                .text("measure", f.measure(), "处罚措施", Forms.LONG, false)
                .that(f.amount() != null || measure != null, "amount", "请填写罚款金额或处罚措施");
        if (f.amount() != null) {
            check.that(f.amount().signum() > 0, "amount", "罚款金额应大于 0 元")
                    .that(f.amount().stripTrailingZeros().scale() <= 2, "amount", "罚款金额最多精确到分")
                    .that(f.amount().compareTo(TOO_LARGE) < 0, "amount", "罚款金额过大");
        }
        if (f.decidedOn() != null) {
            check.that(!f.decidedOn().isBefore(interview.heldOn()), "decidedOn",
                    "处罚决定日期不能早于约谈日期 " + interview.heldOn());
        }
        check.orThrow();
        OffsetDateTime now = OffsetDateTime.now(clock);
        String number = rungs.number(SuggestionKind.PENALTY, f.decidedOn().getYear());
        long id = rungs.insertPenalty(s, interview.id(), number, f, measure,
                new RungStore.Decider(p.username(), p.displayName(), now));
        s.decide(SuggestionKind.PENALTY, id, p.displayName(), now);
        transitions.record(s);
        return id;
    }
}
