package cn.kaoping.credit.internal;

import cn.kaoping.credit.CreditKind;
import cn.kaoping.excellence.PenaltyLookup;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

/** The credit file's penalties as the honour re-evaluation's veto 3 reads them (bad records in force, not annulled). */
@Component
class CreditPenalties implements PenaltyLookup {

    private static final Set<CreditKind> PENALTIES = Set.of(CreditKind.PENALTY, CreditKind.ADMINISTRATIVE_PENALTY);

    private final CreditService credit;

    CreditPenalties(CreditService credit) {
        this.credit = credit;
    }

    @Override
    public List<Penalty> penalties(long companyId, int fromYear) {
        return credit.publicBad(companyId).stream()
                .filter(r -> PENALTIES.contains(r.kind()) && r.occurredOn().getYear() >= fromYear)
                .map(r -> new Penalty(r.occurredOn(), r.description())).toList();
    }
}
