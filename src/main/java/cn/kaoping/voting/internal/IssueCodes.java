package cn.kaoping.voting.internal;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.platform.guard.OneTimeCodes;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time ballot codes (表决码) for the units of the frozen roll, printed on slips delivered door to door. Only the
 * hashes are stored, so the slips are printed in the same step; issuing again replaces the codes of every unit that
 * has not voted on its phone (a lost sheet of slips) and keeps the codes of those that have, so they can still change
 * their ballot until the close.
 */
@Service
public class IssueCodes {

    private final Votes votes;
    private final Ballots ballots;
    private final AuditLog audit;
    private final Clock clock;

    IssueCodes(Votes votes, Ballots ballots, AuditLog audit, Clock clock) {
        this.votes = votes;
        this.ballots = ballots;
        this.audit = audit;
        this.clock = clock;
    }

    /** A slip: the unit, its owner and its code, grouped for reading. */
    public record Slip(String unit, String owner, String code) {
    }

    public record Slips(Votes.Stored vote, List<Slip> slips) {
    }

    @Transactional
    public Slips issue(KaopingPrincipal p, long id) {
        Votes.Stored s = votes.lock(id).orElseThrow(() -> new NotFoundException("表决不存在"));
        VoteAccess.requireRuns(p, s.vote().estateId(), s.estatePath());
        if (s.vote().status() != VoteStatus.OPEN || s.salt() == null) {
            throw new ConflictException("表决码在投票开始（名册冻结）后发放（当前：" + s.vote().status().label() + "）");
        }
        List<Slip> slips = new ArrayList<>();
        for (Ballots.Unit u : ballots.unitsWithoutPhoneBallot(id)) {
            String code = OneTimeCodes.generate();
            ballots.replaceCode(id, u.unit(), OneTimeCodes.hash(s.salt(), code));
            slips.add(new Slip(u.unit(), u.unsold() ? "建设单位" : u.owner(), OneTimeCodes.grouped(code)));
        }
        ballots.codesIssued(id, OffsetDateTime.now(clock));
        audit.record("ISSUE_CODES", "vote", id, "发放表决码 " + slips.size() + " 张：《" + s.vote().title() + "》"
                + (s.codesIssuedAt() != null ? "（重新发放，旧码作废）" : ""), null, Map.of("codes", slips.size()));
        return new Slips(s, slips);
    }
}
