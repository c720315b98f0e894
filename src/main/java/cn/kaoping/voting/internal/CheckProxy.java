package cn.kaoping.voting.internal;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The committee checks a proxy's written authorisation (委托书) against the owner on the roll; only then does the
 * proxy's paper ballot count (issue 13). Checked before the close: an authorisation not checked by then is not
 * counted, and the vote's page says how many.
 */
@Service
public class CheckProxy {

    private final Votes votes;
    private final Ballots ballots;
    private final AuditLog audit;

    CheckProxy(Votes votes, Ballots ballots, AuditLog audit) {
        this.votes = votes;
        this.ballots = ballots;
        this.audit = audit;
    }

    @Transactional
    public void check(KaopingPrincipal p, long id, String unit) {
        Votes.Stored s = votes.lock(id).orElseThrow(() -> new NotFoundException("表决不存在"));
        VoteAccess.requireRuns(p, s.vote().estateId(), s.estatePath());
        if (s.vote().status() != VoteStatus.OPEN) {
            throw new ConflictException("委托书须在投票结束前核验（当前：" + s.vote().status().label() + "）");
        }
        if (unit == null || !ballots.checkProxy(id, unit.strip(), p.username())) {
            throw new ConflictException("房号 " + unit + " 没有待核验的代理表决票");
        }
        audit.record("CHECK_PROXY", "vote", id, "核验委托书：" + unit.strip(), null, Map.of("unit", unit.strip()));
    }
}
