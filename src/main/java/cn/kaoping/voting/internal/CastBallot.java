package cn.kaoping.voting.internal;

import cn.kaoping.platform.guard.ClientGuard;
import cn.kaoping.platform.guard.OneTimeCodes;
import cn.kaoping.voting.rules.Ballot;
import cn.kaoping.voting.rules.RollUnit;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

    private final Votes votes;
    private final Ballots ballots;
    private final ClientGuard guard;
    private final ClientGuard.Policy policy;
    private final Clock clock;

    CastBallot(Votes votes, Ballots ballots, ClientGuard guard, Clock clock,
               @Value("${kaoping.voting.max-wrong-codes:10}") int maxWrongCodes) {
        this.votes = votes;
        this.ballots = ballots;
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

    /** The vote behind an owners' link. */
    @Transactional(readOnly = true)
    public Optional<Votes.Stored> find(String linkKey) {
        if (linkKey == null || linkKey.length() > 64) {
            return Optional.empty();
        }
        return votes.byLink(linkKey).flatMap(votes::find);
    }

    /**
     * Casts the unit's ballots, one per proposal in order ({@code FOR}, {@code AGAINST}, {@code ABSTAIN}; null where
     * the owner chose nothing).
     */
    @Transactional
    public Outcome cast(long voteId, String typedCode, List<String> choices, String clientAddress) {
        Votes.Stored s = votes.share(voteId).orElseThrow();
        LocalDate today = LocalDate.now(clock);
        if (!s.vote().takesBallots(today)) {
            return Outcome.of(s.vote().status() == VoteStatus.CLOSED || today.isAfter(s.vote().closesOn())
                    ? Status.ENDED : Status.NOT_OPEN);
        }
        String guardKey = ClientGuard.key(clientAddress, "v" + voteId);
        if (guard.locked(guardKey)) {
            return Outcome.of(Status.LOCKED);
        }
        int proposals = s.vote().proposals().size();
        List<Ballot> chosen = new ArrayList<>();
        for (int i = 0; i < proposals; i++) {
            String c = choices == null || i >= choices.size() ? null : choices.get(i);
            Ballot b = c == null ? null : switch (c) {
                case "FOR" -> Ballot.FOR;
                case "AGAINST" -> Ballot.AGAINST;
                case "ABSTAIN" -> Ballot.ABSTAIN;
                default -> null;
            };
            if (b == null) {
                return Outcome.of(Status.MISSING);
            }
            chosen.add(b);
        }
        Optional<String> unit = OneTimeCodes.normalize(typedCode)
                .flatMap(code -> ballots.unitOfCode(voteId, OneTimeCodes.hash(s.salt(), code)));
        if (unit.isEmpty()) {
            return Outcome.of(guard.fail(guardKey, policy) ? Status.NOW_LOCKED : Status.BAD_CODE);
        }
        RollUnit roll = votes.rollUnit(voteId, unit.get()).orElseThrow();
        List<String> personsUnits = votes.unitsOfPerson(voteId, roll);
        for (String u : personsUnits) {
            if (ballots.castOf(voteId, u).values().stream().anyMatch(c -> c.channel().equals("PAPER"))
                    || ballots.pending(voteId, u).isPresent()) {
                return new Outcome(Status.ON_PAPER, null, unit.get());
            }
        }
        Map<Integer, Ballots.Cast> before = ballots.castOf(voteId, unit.get());
        boolean same = before.size() == proposals;
        for (int i = 0; i < proposals && same; i++) {
            same = chosen.get(i).name().equals(before.get(i + 1).ballot());
        }
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        if (same) {
            return new Outcome(Status.REPEATED, now, unit.get());
        }
        // one person, one ballot: it stands for every unit of the person's (their other codes change it too)
        for (String u : personsUnits) {
            for (int i = 0; i < proposals; i++) {
                votes.cast(voteId, u, i + 1, chosen.get(i), "PHONE", null, now);
            }
        }
        return new Outcome(before.isEmpty() ? Status.ACCEPTED : Status.CHANGED, now, unit.get());
    }
}
