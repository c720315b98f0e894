package cn.kaoping.escalation.internal;

import cn.kaoping.escalation.internal.Forms.Check;
import cn.kaoping.escalation.internal.Forms.InterviewForm;
import cn.kaoping.escalation.internal.Views.Circular;
import cn.kaoping.shared.KaopingPrincipal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The district or a street office of the ladder records the 约谈 a suggestion called for, after its 通报. */
@Service
@Transactional
public class DecideInterview {

    private final Deciding deciding;
    private final RungStore rungs;

    DecideInterview(Deciding deciding, RungStore rungs) {
        this.deciding = deciding;
        this.rungs = rungs;
    }

    /** Returns the new 约谈's id. */
    public long decide(KaopingPrincipal p, long suggestionId, InterviewForm f) {
        Suggestion s = deciding.take(p, suggestionId, SuggestionKind.INTERVIEW);
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
        return deciding.decide(p, s, SuggestionKind.INTERVIEW, f.heldOn().getYear(),
                (number, by) -> rungs.insertInterview(s, circular.id(), number, f, by));
    }
}
