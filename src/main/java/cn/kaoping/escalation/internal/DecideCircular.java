package cn.kaoping.escalation.internal;

import cn.kaoping.escalation.internal.Forms.Check;
import cn.kaoping.escalation.internal.Forms.CircularForm;
import cn.kaoping.shared.KaopingPrincipal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The district (区房产主管部门) decides a suggested 通报: it is numbered, names the notices behind it and is published. */
@Service
@Transactional
public class DecideCircular {

    private final Deciding deciding;
    private final RungStore rungs;

    DecideCircular(Deciding deciding, RungStore rungs) {
        this.deciding = deciding;
        this.rungs = rungs;
    }

    /** Returns the new 通报's id. */
    public long decide(KaopingPrincipal p, long suggestionId, CircularForm f) {
        Suggestion s = deciding.take(p, suggestionId, SuggestionKind.CIRCULAR);
        new Check().required("issuedOn", f.issuedOn(), "请填写通报日期")
                .text("reason", f.reason(), "通报事由", Forms.LONG, true).orThrow();
        return deciding.decide(p, s, SuggestionKind.CIRCULAR, f.issuedOn().getYear(),
                (number, by) -> rungs.insertCircular(s, number, f.issuedOn(), f.reason().strip(), by));
    }
}
