package cn.kaoping.voting.internal;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.ValidationException;
import cn.kaoping.voting.rules.RollUnit;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Paper ballots collected door to door, keyed in by the committee while the window is open: one ballot per unit and
 * proposal, the last one in force and every change kept; one person's units carry the same ballot (an owner of
 * several units, or the developer for all unsold ones).
 */
@Service
public class KeyInBallots {

    private final Votes votes;
    private final AuditLog audit;
    private final Clock clock;

    KeyInBallots(Votes votes, AuditLog audit, Clock clock) {
        this.votes = votes;
        this.audit = audit;
        this.clock = clock;
    }

    /** One unit's paper ballot: a ballot per proposal, in order (同意/反对/弃权 or FOR/AGAINST/ABSTAIN). */
    public record PaperBallot(String unit, List<String> ballots) {
    }

    @Transactional
    public void keyIn(KaopingPrincipal p, long id, PaperBallot paper) {
        Votes.Stored s = votes.lock(id).orElseThrow(() -> new NotFoundException("表决不存在"));
        VoteAccess.requireRuns(p, s.vote().estateId(), s.estatePath());
        s.vote().requireBallots(LocalDate.now(clock));
        if (paper == null || paper.unit() == null || paper.unit().isBlank()) {
            throw new ValidationException("unit", "请填写房号");
        }
        RollUnit unit = votes.rollUnit(id, paper.unit().strip())
                .orElseThrow(() -> new ValidationException("unit", "房号 " + paper.unit() + " 不在表决名册中"));
        int proposals = s.vote().proposals().size();
        if (paper.ballots() == null || paper.ballots().size() != proposals) {
            throw new ValidationException("ballots", "本次表决有 " + proposals + " 项议题，请逐项填写表决意见");
        }
        Map<Integer, String> person = votes.ballotsOfPerson(id, unit);
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (int i = 0; i < proposals; i++) {
            var ballot = CountRoll.ballot(paper.ballots().get(i) == null ? "" : paper.ballots().get(i));
            if (ballot == null) {
                throw new ValidationException("ballots[" + i + "]", "第 " + (i + 1) + " 项议题的表决意见应为同意、反对或弃权");
            }
            String other = person.get(i + 1);
            if (other != null && !other.equals(ballot.name())) {
                throw new ConflictException((unit.unsold() ? "建设单位未出售或未交付的专有部分" : "业主 " + unit.owner())
                        + " 只能投一票：其另一专有部分第 " + (i + 1) + " 项已表决为" + label(other));
            }
            votes.cast(id, unit.unit(), i + 1, ballot, "PAPER", p.username(), now);
        }
        // which unit voted is recorded; how it voted is not written to the audit line (ballots are secret)
        audit.record("BALLOT", "vote", id, "录入纸质表决票：" + unit.unit(), null, Map.of("unit", unit.unit()));
    }

    private static String label(String ballot) {
        return cn.kaoping.voting.rules.Ballot.valueOf(ballot).label();
    }
}
