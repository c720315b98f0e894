package cn.kaoping.subsidy.internal;

import cn.kaoping.shared.NotFoundException;
import cn.kaoping.subsidy.internal.Views.ClaimRow;
import cn.kaoping.subsidy.internal.Views.Line;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Works out and stores the amount of a draft claim's lines by {@link SubsidyRule} with the rates that apply. */
@Component
class LineAmounts {

    private final ClaimStore store;

    LineAmounts(ClaimStore store) {
        this.store = store;
    }

    /** Recomputes every line of a claim with the rates given. */
    void recompute(long claim, Map<String, BigDecimal> rates) {
        ClaimRow c = store.row(claim).orElseThrow(() -> new NotFoundException("补贴申报不存在"));
        for (Line l : store.lines(claim)) {
            recompute(l, c, rates);
        }
    }

    /** Recomputes one line of the claim with the rates given. */
    void recompute(Line l, ClaimRow c, Map<String, BigDecimal> rates) {
        SubsidyRule.Result r = SubsidyRule.compute(l.grade(), SubsidyRule.rateOf(l.grade(), rates), l.area(),
                l.entryDate(), c.periodStart(), c.periodEnd());
        store.storeAmount(l.id(), l.companyId() == null ? SubsidyRule.withoutCompany(r) : r);
    }
}
