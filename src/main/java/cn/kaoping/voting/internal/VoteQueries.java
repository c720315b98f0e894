package cn.kaoping.voting.internal;

import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.voting.rules.RollUnit;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a vote shows: its text and dates, live participation against the quorum (area and headcount, never the
 * running consent), and after the close each proposal's count with its reasons.
 */
@Service
public class VoteQueries {

    private final Votes votes;
    private final java.time.Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    VoteQueries(Votes votes, java.time.Clock clock) {
        this.votes = votes;
        this.clock = clock;
    }

    VoteQueries(Votes votes) {
        this(votes, java.time.Clock.systemDefaultZone());
    }

    public java.time.LocalDate today() {
        return java.time.LocalDate.now(clock);
    }

    /** Participation so far. */
    public record Participation(int persons, int personsVoted, BigDecimal area, BigDecimal areaVoted) {
    }

    /** A vote as its readers see it; {@code results} holds each proposal's tally as JSON once closed. */
    public record View(Vote vote, String estateName, Participation participation, List<String> results,
                       String linkKey, Long exitLetter) {
    }

    @Transactional(readOnly = true)
    public View get(KaopingPrincipal p, long id) {
        Votes.Stored s = votes.find(id).orElseThrow(() -> new NotFoundException("表决不存在"));
        VoteAccess.requireSees(p, s.vote().estateId(), s.estatePath());
        return new View(s.vote(), s.estateName(), participation(id),
                s.vote().status() == VoteStatus.CLOSED ? votes.results(id) : List.of(), s.linkKey(), s.exitLetter());
    }

    @Transactional(readOnly = true)
    public List<Votes.Stored> list(KaopingPrincipal p) {
        if (p.role() == cn.kaoping.shared.Role.COMMITTEE_MEMBER) {
            return p.estateId() == null ? List.of() : votes.under(null, p.estateId());
        }
        return p.role().isRegional() ? votes.under(p.regionPath(), null).stream()
                .filter(s -> VoteAccess.sees(p, s.vote().estateId(), s.estatePath())).toList() : List.of();
    }

    public Participation participation(long id) {
        List<RollUnit> roll = votes.roll(id, 1);
        Set<String> voted = new HashSet<>(votes.unitsVoted(id));
        Set<String> persons = new HashSet<>();
        Set<String> personsVoted = new HashSet<>();
        BigDecimal area = BigDecimal.ZERO;
        BigDecimal areaVoted = BigDecimal.ZERO;
        for (RollUnit u : roll) {
            String person = u.unsold() ? "\u0000developer" : u.owner();
            persons.add(person);
            area = area.add(u.area());
            if (voted.contains(u.unit())) {
                personsVoted.add(person);
                areaVoted = areaVoted.add(u.area());
            }
        }
        return new Participation(persons.size(), personsVoted.size(), area, areaVoted);
    }
}
