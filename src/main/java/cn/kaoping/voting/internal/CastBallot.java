package cn.kaoping.voting.internal;

import cn.kaoping.platform.guard.ClientGuard;
import cn.kaoping.platform.guard.OneTimeCodes;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * An owner votes on the phone page with the one-time code of the unit's slip (seed 003 二、(一)8 手机投票表决系统).
 * One ballot per unit and proposal: a unit already voted on paper is refused; through the same code the ballot can be
 * changed until the close (the last one counts, every change is kept); an identical retry changes nothing. An owner
 * of several units, or the developer for its unsold ones, casts the same ballot for all of them (民法典 art. 278 and
 * the 2009 interpretation §9: one person). The ballot is committed before the owner is told it was recorded. Wrong
 * codes are counted per client address in the database (every instance counts the same attempts).
 */
@Service
public class CastBallot {

    private final VoteLinks links;
    private final BallotIntake intake;
    private final ClientGuard guard;
    private final ClientGuard.Policy policy;
    private final Clock clock;

    CastBallot(VoteLinks links, BallotIntake intake, ClientGuard guard, Clock clock,
               @Value("${kaoping.voting.max-wrong-codes:10}") int maxWrongCodes) {
        this.links = links;
        this.intake = intake;
        this.guard = guard;
        this.policy = new ClientGuard.Policy(maxWrongCodes, java.time.Duration.ofMinutes(10),
                java.time.Duration.ofMinutes(15));
        this.clock = clock;
    }

    public enum Status {
        ACCEPTED, CHANGED, REPEATED, NOT_OPEN, ENDED, MISSING, BAD_CODE, LOCKED, NOW_LOCKED, ON_PAPER
    }

    /** What the owner is told; {@code unit} names the unit the code belongs to once it is known. */
    public record Outcome(Status status, OffsetDateTime at, String unit) {
        static Outcome of(Status status) {
            return new Outcome(status, null, null);
        }

        public boolean accepted() {
            return status == Status.ACCEPTED || status == Status.CHANGED || status == Status.REPEATED;
        }
    }

    /** The vote behind an owners' link (cached for a few seconds: {@link VoteLinks}). */
    public Optional<Votes.Stored> find(String linkKey) {
        return links.find(linkKey);
    }

    /** Drops the cached vote of a link, e.g. when casting found it closed or not yet open. */
    public void forget(String linkKey) {
        links.forget(linkKey);
    }

    /**
     * Casts the unit's ballots, one per proposal in order ({@code FOR}, {@code AGAINST}, {@code ABSTAIN}; null where
     * the owner chose nothing): two statements ({@link BallotIntake}), the ballot committed before this returns.
     */
    public Outcome cast(Votes.Stored vote, String typedCode, List<String> choices, String clientAddress) {
        long voteId = vote.vote().id();
        String guardKey = ClientGuard.key(clientAddress, "v" + voteId);
        // the salt is fixed when the window opens, so the cached copy of the vote is good for it
        byte[] hash = vote.salt() == null ? null : OneTimeCodes.normalize(typedCode)
                .map(code -> OneTimeCodes.hash(vote.salt(), code)).orElse(null);
        BallotIntake.Lookup found = intake.lookup(voteId, hash, guardKey, LocalDate.now(clock)).orElseThrow();
        if (!found.open()) {
            return Outcome.of(found.ended() ? Status.ENDED : Status.NOT_OPEN);
        }
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < found.proposals(); i++) {
            String c = choices == null || i >= choices.size() ? null : choices.get(i);
            if (c == null || !(c.equals("FOR") || c.equals("AGAINST") || c.equals("ABSTAIN"))) {
                return Outcome.of(Status.MISSING);
            }
            chosen.add(c);
        }
        if (guard.locked(found.lockedUntil())) {
            return Outcome.of(Status.LOCKED);
        }
        if (found.unit() == null) {
            return Outcome.of(guard.fail(guardKey, policy) ? Status.NOW_LOCKED : Status.BAD_CODE);
        }
        if (found.onPaper()) {
            return new Outcome(Status.ON_PAPER, null, found.unit());
        }
        boolean same = found.own().size() == chosen.size();
        for (int i = 0; i < chosen.size() && same; i++) {
            same = chosen.get(i).equals(found.own().get(i + 1));
        }
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        if (same) {
            return new Outcome(Status.REPEATED, now, found.unit());
        }
        // one person, one ballot: it stands for every unit of the person's (their other codes change it too)
        BallotIntake.Stored stored = intake.cast(voteId, found.units(), chosen, now);
        if (!stored.open()) {
            return Outcome.of(Status.ENDED); // closed since the lookup
        }
        if (stored.stored() < found.units().size() * chosen.size()) {
            return new Outcome(Status.ON_PAPER, null, found.unit()); // a paper ballot came in since the lookup
        }
        return new Outcome(found.own().isEmpty() ? Status.ACCEPTED : Status.CHANGED, now, found.unit());
    }
}
