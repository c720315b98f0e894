package cn.kaoping.voting.internal;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.ValidationException;
import cn.kaoping.voting.rules.Ballot;
import cn.kaoping.voting.rules.RollUnit;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Paper ballots collected door to door, keyed in twice while the window is open (issue 13: keyed in by two staff, the
 * second entry must match, the scan attached). The first entry waits; a second entry by another person that
 * matches it makes the ballot count; one that differs is refused naming the proposals, and the first keyer may correct
 * their entry. A counted paper ballot is final (a ballot changes only through the unit's code), and a unit that voted
 * on its phone is refused. One person's units carry the same ballot (an owner of several units, or the developer for
 * all unsold ones).
 */
@Service
public class KeyInBallots {

    private final Votes votes;
    private final Ballots ballots;
    private final AuditLog audit;
    private final Clock clock;

    KeyInBallots(Votes votes, Ballots ballots, AuditLog audit, Clock clock) {
        this.votes = votes;
        this.ballots = ballots;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * One unit's paper ballot: a ballot per proposal, in order (同意/反对/弃权 or FOR/AGAINST/ABSTAIN), and the
     * proxy's name when a proxy signed it for the owner (the written authorisation is attached on the screen).
     */
    public record PaperBallot(String unit, List<String> ballots, String proxy) {

        public PaperBallot(String unit, List<String> ballots) {
            this(unit, ballots, null);
        }
    }

    /** The slip's scan, stored already (see the storage port), kept with the entry. */
    public record Scan(UUID fileId, String name) {
    }

    public enum Result {
        /** The first entry is stored and waits for a second person. */
        PENDING,
        /** Both entries agree: the ballot counts. */
        RECORDED
    }

    @Transactional
    public Result keyIn(KaopingPrincipal p, long id, PaperBallot paper) {
        return keyIn(p, id, paper, null, null);
    }

    /**
     * @param scan          the slip's scan, if attached
     * @param authorisation the owner's written authorisation (委托书) when a proxy voted; its ballot counts once the
     *                      committee has checked it ({@link CheckProxy})
     */
    @Transactional
    public Result keyIn(KaopingPrincipal p, long id, PaperBallot paper, Scan scan, Scan authorisation) {
        Votes.Stored s = votes.lock(id).orElseThrow(() -> new NotFoundException("表决不存在"));
        VoteAccess.requireRuns(p, s.vote().estateId(), s.estatePath());
        s.vote().requireBallots(LocalDate.now(clock));
        if (paper == null || paper.unit() == null || paper.unit().isBlank()) {
            throw new ValidationException("unit", "请填写房号");
        }
        RollUnit unit = votes.rollUnit(id, paper.unit().strip())
                .orElseThrow(() -> new ValidationException("unit", "房号 " + paper.unit() + " 不在表决名册中"));
        List<String> entered = parse(paper, s.vote().proposals().size());
        String proxy = paper.proxy() == null || paper.proxy().isBlank() ? null : paper.proxy().strip();
        if (proxy != null && proxy.length() > 100) {
            throw new ValidationException("proxy", "代理人姓名最多 100 字");
        }
        for (String u : votes.unitsOfPerson(id, unit)) {
            if (ballots.castOf(id, u).values().stream().anyMatch(c -> c.channel().equals("PHONE"))) {
                throw new ConflictException(owner(unit) + " 已通过手机表决（" + u + "），不能再录入纸质表决票");
            }
        }
        if (!ballots.castOf(id, unit.unit()).isEmpty()) {
            throw new ConflictException("房号 " + unit.unit() + " 的纸质表决票已复核计入，不能再次录入");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        var pending = ballots.pending(id, unit.unit());
        if (proxy != null && authorisation == null
                && pending.map(e -> e.authorisationId() == null).orElse(true)) {
            throw new ValidationException("authorisation", "代理人表决须上传业主签署的委托书");
        }
        if (pending.isEmpty() || pending.get().keyedBy().equals(p.username())) {
            // the first entry, or its keyer correcting it before the second person comes
            Scan kept = scan != null ? scan : pending.map(e -> e.scanId() == null ? null
                    : new Scan(e.scanId(), e.scanName())).orElse(null);
            Scan letter = authorisation != null ? authorisation : pending.map(e -> e.authorisationId() == null
                    ? null : new Scan(e.authorisationId(), e.authorisationName())).orElse(null);
            ballots.savePending(id, new Ballots.Entry(unit.unit(), entered, p.username(), now,
                    kept == null ? null : kept.fileId(), kept == null ? null : kept.name(), proxy,
                    letter == null ? null : letter.fileId(), letter == null ? null : letter.name()));
            audit.record("BALLOT_FIRST", "vote", id, "纸质表决票第一次录入：" + unit.unit(), null,
                    Map.of("unit", unit.unit()));
            return Result.PENDING;
        }
        List<String> differ = new ArrayList<>();
        for (int i = 0; i < entered.size(); i++) {
            if (!entered.get(i).equals(pending.get().ballots().get(i))) {
                differ.add("第 " + (i + 1) + " 项");
            }
        }
        if (!java.util.Objects.equals(proxy, pending.get().proxy())) {
            differ.add("代理人");
        }
        if (!differ.isEmpty()) {
            throw new ConflictException("两次录入不一致（" + String.join("、", differ) + "），请对照表决票原件核对；"
                    + "第一次录入人可更正其录入");
        }
        Map<Integer, String> person = votes.ballotsOfPerson(id, unit);
        for (int i = 0; i < entered.size(); i++) {
            String other = person.get(i + 1);
            if (other != null && !other.equals(entered.get(i))) {
                throw new ConflictException(owner(unit) + " 只能投一票：其另一专有部分第 " + (i + 1) + " 项已表决为"
                        + Ballot.valueOf(other).label());
            }
        }
        for (int i = 0; i < entered.size(); i++) {
            votes.cast(id, unit.unit(), i + 1, Ballot.valueOf(entered.get(i)), "PAPER", pending.get().keyedBy(), now);
        }
        UUID scanId = scan != null ? scan.fileId() : pending.get().scanId();
        UUID letterId = authorisation != null ? authorisation.fileId() : pending.get().authorisationId();
        ballots.confirmPaper(id, unit.unit(), p.username(), scanId, proxy, letterId);
        ballots.dropPending(id, unit.unit());
        // which unit voted is recorded; how it voted is not written to the audit line (ballots are secret)
        audit.record("BALLOT", "vote", id, "纸质表决票复核计入：" + unit.unit(), null, Map.of("unit", unit.unit()));
        return Result.RECORDED;
    }

    private static List<String> parse(PaperBallot paper, int proposals) {
        if (paper.ballots() == null || paper.ballots().size() != proposals) {
            throw new ValidationException("ballots", "本次表决有 " + proposals + " 项议题，请逐项填写表决意见");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < proposals; i++) {
            Ballot b = CountRoll.ballot(paper.ballots().get(i) == null ? "" : paper.ballots().get(i));
            if (b == null) {
                throw new ValidationException("ballots[" + i + "]", "第 " + (i + 1) + " 项议题的表决意见应为同意、反对或弃权");
            }
            out.add(b.name());
        }
        return out;
    }

    private static String owner(RollUnit unit) {
        return unit.unsold() ? "建设单位未出售或未交付的专有部分" : "业主 " + unit.owner();
    }
}
