package cn.kaoping.escalation.internal;

import cn.kaoping.escalation.internal.Forms.Check;
import cn.kaoping.escalation.internal.Forms.PenaltyForm;
import cn.kaoping.escalation.internal.Views.Interview;
import cn.kaoping.shared.KaopingPrincipal;
import java.math.BigDecimal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The district or a street office of the ladder decides the 处罚 a suggestion called for: a fine, a measure or both. */
@Service
@Transactional
public class DecidePenalty {

    private static final BigDecimal TOO_LARGE = new BigDecimal("1000000000000");

    private final Deciding deciding;
    private final RungStore rungs;

    DecidePenalty(Deciding deciding, RungStore rungs) {
        this.deciding = deciding;
        this.rungs = rungs;
    }

    /** Returns the new 处罚's id. */
    public long decide(KaopingPrincipal p, long suggestionId, PenaltyForm f) {
        Suggestion s = deciding.take(p, suggestionId, SuggestionKind.PENALTY);
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
        return deciding.decide(p, s, SuggestionKind.PENALTY, f.decidedOn().getYear(),
                (number, by) -> rungs.insertPenalty(s, interview.id(), number, f, measure, by));
    }
}
