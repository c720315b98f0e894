package cn.kaoping.subsidy.internal;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.subsidy.internal.Forms.Correction;
import cn.kaoping.subsidy.internal.Views.ClaimRow;
import cn.kaoping.subsidy.internal.Views.Line;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The street corrects the area or entry date a line uses while its claim is a draft; the reason is kept beside what
 * the registry said, the amount is worked out again, and the before and after go to the audit log.
 */
@Service
@Transactional
public class CorrectLine {

    private final ClaimQueries queries;
    private final ClaimStore store;
    private final LineAmounts amounts;
    private final SubsidyRates rates;
    private final AuditLog audit;
    private final Clock clock;

    CorrectLine(ClaimQueries queries, ClaimStore store, LineAmounts amounts, SubsidyRates rates, AuditLog audit,
                Clock clock) {
        this.queries = queries;
        this.store = store;
        this.amounts = amounts;
        this.rates = rates;
        this.audit = audit;
        this.clock = clock;
    }

    public Line correct(KaopingPrincipal p, long lineId, Correction form) {
        Line before = queries.line(lineId);
        queries.visible(p, before.claimId(), "补贴明细不存在");
        Access.require(Access.drafts(p), "只有街道办事处可以修改申报的面积和进驻日期");
        store.lock(before.claimId()).correct(form);
        ClaimRow c = queries.row(before.claimId());
        String reason = form.reason().strip();
        store.correctLine(lineId, form.area().setScale(2), form.entryDate(), reason, p.displayName());
        amounts.recompute(queries.line(lineId), c, rates.rates(c.districtId(), c.year()));
        Line after = queries.line(lineId);
        store.step(c.id(), lineId, "CORRECT", p.userId(), p.displayName(), queries.today(), OffsetDateTime.now(clock),
                reason, null);
        audit.record("SUBSIDY_LINE_CORRECT", "subsidy_line", lineId, before.estateName() + " 面积/进驻日期更正："
                + reason, snapshot(before), snapshot(after));
        return after;
    }

    private static Map<String, Object> snapshot(Line l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("area", l.area());
        m.put("entryDate", l.entryDate() == null ? null : l.entryDate().toString());
        m.put("months", l.months().size());
        m.put("amount", l.amount());
        m.put("flag", l.flag());
        return m;
    }
}
