package cn.kaoping.subsidy.internal;

import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.subsidy.internal.Views.ClaimRow;
import cn.kaoping.subsidy.internal.Views.Line;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The claims a user sees: the list, one claim with its lines and steps, one line's audit view, and what may be done. */
@Service
@Transactional(readOnly = true)
public class ClaimQueries {

    private final ClaimStore store;
    private final Clock clock;

    ClaimQueries(ClaimStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The claims under the caller's region, optionally of one year; none for companies and committees. */
    public List<ClaimRow> claims(KaopingPrincipal p, Integer year) {
        if (!Access.listsClaims(p)) {
            return List.of();
        }
        return store.under(p.regionPath(), year);
    }

    public Views.Claim claim(KaopingPrincipal p, long id) {
        ClaimRow c = visible(p, id);
        return new Views.Claim(c, store.lines(id), store.steps(id, null));
    }

    public Views.LineAudit line(KaopingPrincipal p, long lineId) {
        Line l = line(lineId);
        ClaimRow c = visible(p, l.claimId(), "补贴明细不存在");
        return new Views.LineAudit(c, l, store.steps(c.id(), lineId));
    }

    /** The actions the caller may take on the claim now, for the screens. */
    public Set<String> actions(KaopingPrincipal p, ClaimRow c) {
        return Access.actions(p, c);
    }

    /** The claim if the caller sees it; 404 otherwise, as for a missing one. */
    ClaimRow visible(KaopingPrincipal p, long id) {
        return visible(p, id, "补贴申报不存在");
    }

    ClaimRow visible(KaopingPrincipal p, long id, String missing) {
        String path = store.streetPath(id).orElseThrow(() -> new NotFoundException(missing));
        if (!Access.sees(p, path)) {
            throw new NotFoundException(missing);
        }
        return row(id);
    }

    ClaimRow row(long id) {
        return store.row(id).orElseThrow(() -> new NotFoundException("补贴申报不存在"));
    }

    Line line(long id) {
        return store.line(id).orElseThrow(() -> new NotFoundException("补贴明细不存在"));
    }
}
