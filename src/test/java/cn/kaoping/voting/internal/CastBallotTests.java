package cn.kaoping.voting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.organisation.EstateRef;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.platform.guard.ClientGuard;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;
import cn.kaoping.support.IntegrationTest;
import cn.kaoping.support.MutableClock;
import cn.kaoping.voting.internal.CastBallot.Status;
import cn.kaoping.voting.internal.CountRoll.UnitInput;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Phone ballots by one-time code (issue 13) on a test clock: one ballot per unit, changed only through the code until
 * the close with every change kept, an identical retry changing nothing, one person's ballot standing for all their
 * units, a unit voted on paper refused, wrong codes locking the client out, nothing taken outside the window.
 */
@IntegrationTest
class CastBallotTests {

    private static final LocalDate ANNOUNCED = LocalDate.of(2083, 4, 1);

    @Autowired
    Votes votes;
    @Autowired
    Ballots ballots;
    @Autowired
    BallotIntake intake;
    @Autowired
    ClientGuard guard;
    @Autowired
    AuditLog audit;
    @Autowired
    JsonMapper json;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    private <T> T tx(java.util.function.Supplier<T> work) {
        return new TransactionTemplate(transactions).execute(s -> work.get());
    }

    @Test
    void ownersVoteChangeAndRetryThroughTheirCodesAndTheRulesHoldOnEveryPath() {
        MutableClock clock = new MutableClock(ANNOUNCED.atTime(9, 0).atZone(MutableClock.CHINA));
        EstateRef estate = directory.firstEstateWithCommittee().orElseThrow();
        KaopingPrincipal committee = new KaopingPrincipal(0, "committee_member", "业委会主任", Role.COMMITTEE_MEMBER,
                null, null, null, estate.id());
        RegionRef streetRegion = directory.region(directory.placements(List.of(estate.id())).get(0).streetId())
                .orElseThrow();
        KaopingPrincipal street = new KaopingPrincipal(0, "street_officer", "街道", Role.STREET_OFFICER,
                streetRegion.id(), streetRegion.path(), null, null);
        VoteTransitions steps = new VoteTransitions(votes, audit, json, clock);
        long id = tx(() -> new DraftVote(votes, directory, audit, clock, 15).draft(committee, new DraftVote.Form(
                estate.id(), 4, "选聘物业服务企业", List.of("选聘甲公司", "物业费每月 2.00 元/㎡"), ANNOUNCED,
                ANNOUNCED.plusDays(15), ANNOUNCED.plusDays(25))));
        VoteWorkItems work = new VoteWorkItems(new VoteQueries(votes), ballots);
        assertThat(work.itemsFor(street, ANNOUNCED)).extracting(cn.kaoping.platform.workbench.WorkItem::key)
                .as("the street office approves the draft").contains("vote:" + id + ":approve");
        tx(() -> {
            steps.approve(street, id);
            return null;
        });
        CastBallot cast = new CastBallot(new VoteLinks(votes), intake, guard, clock, 3);
        assertThat(cast.cast(votes.find(id).orElseThrow(), "0000-0000-0000-0000", List.of("FOR", "FOR"), "10.0.0.1").status())
                .as("not open before the window").isEqualTo(Status.NOT_OPEN);

        clock.set(ANNOUNCED.plusDays(15).atTime(9, 0).atZone(MutableClock.CHINA));
        tx(() -> steps.open(committee, id, roll()));
        LocalDate opened = ANNOUNCED.plusDays(15);
        assertThat(work.itemsFor(committee, opened)).extracting(cn.kaoping.platform.workbench.WorkItem::key)
                .as("the committee prints the code slips next").contains("vote:" + id + ":codes");
        Map<String, String> codes = tx(() -> new IssueCodes(votes, ballots, audit, clock).issue(committee, id)).slips()
                .stream().collect(Collectors.toMap(IssueCodes.Slip::unit, IssueCodes.Slip::code));
        assertThat(codes).hasSize(6);
        assertThat(work.itemsFor(committee, opened)).extracting(cn.kaoping.platform.workbench.WorkItem::key)
                .doesNotContain("vote:" + id + ":codes");

        // 张三 owns 1-101 and 1-102: his ballot through either code stands for both
        CastBallot.Outcome first = cast.cast(votes.find(id).orElseThrow(), codes.get("1-101").toLowerCase(), List.of("FOR", "AGAINST"), "10.0.0.2");
        assertThat(first.status()).isEqualTo(Status.ACCEPTED);
        assertThat(first.unit()).isEqualTo("1-101");
        assertThat(inForce(id, "1-102")).containsExactly("FOR", "AGAINST");
        assertThat(cast.cast(votes.find(id).orElseThrow(), codes.get("1-101"), List.of("FOR", "AGAINST"), "10.0.0.2").status())
                .as("an identical retry").isEqualTo(Status.REPEATED);
        assertThat(cast.cast(votes.find(id).orElseThrow(), codes.get("1-102").replace("-", " "), List.of("AGAINST", "AGAINST"), "10.0.0.2")
                .status()).isEqualTo(Status.CHANGED);
        assertThat(inForce(id, "1-101")).containsExactly("AGAINST", "AGAINST");
        assertThat(jdbc.sql("SELECT count(*) FROM vote_ballot_change WHERE vote_id = :v AND unit = '1-101'")
                .param("v", id).query(Integer.class).single()).as("every change kept, the retry not").isEqualTo(4);

        assertThat(cast.cast(votes.find(id).orElseThrow(), codes.get("1-201"), List.of("FOR"), "10.0.0.3").status())
                .as("a ballot on every proposal").isEqualTo(Status.MISSING);
        assertThat(cast.cast(votes.find(id).orElseThrow(), codes.get("1-201"), List.of("FOR", "MAYBE"), "10.0.0.3").status())
                .isEqualTo(Status.MISSING);

        // a unit that voted by phone is refused on paper (one channel per unit)
        KeyInBallots paperFirst = new KeyInBallots(votes, ballots, audit, clock);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tx(() -> paperFirst.keyIn(committee, id,
                new KeyInBallots.PaperBallot("1-102", List.of("同意", "同意"))))).hasMessageContaining("已通过手机表决");

        // 王五's slip was keyed in on paper first (one entry waiting is enough to refuse the phone)
        KeyInBallots paper = new KeyInBallots(votes, ballots, audit, clock);
        tx(() -> paper.keyIn(committee, id, new KeyInBallots.PaperBallot("1-202", List.of("同意", "同意"))));
        assertThat(cast.cast(votes.find(id).orElseThrow(), codes.get("1-202"), List.of("AGAINST", "AGAINST"), "10.0.0.4").status())
                .isEqualTo(Status.ON_PAPER);

        // wrong codes: three within the window lock this client out, another client is not affected
        assertThat(cast.cast(votes.find(id).orElseThrow(), "ZZZZ-ZZZZ-ZZZZ-ZZZZ", List.of("FOR", "FOR"), "10.0.0.9").status())
                .isEqualTo(Status.BAD_CODE);
        assertThat(cast.cast(votes.find(id).orElseThrow(), "not a code", List.of("FOR", "FOR"), "10.0.0.9").status()).isEqualTo(Status.BAD_CODE);
        assertThat(cast.cast(votes.find(id).orElseThrow(), "YYYY-YYYY-YYYY-YYYY", List.of("FOR", "FOR"), "10.0.0.9").status())
                .isEqualTo(Status.NOW_LOCKED);
        assertThat(cast.cast(votes.find(id).orElseThrow(), codes.get("1-201"), List.of("FOR", "FOR"), "10.0.0.9").status())
                .as("even the right code while locked out").isEqualTo(Status.LOCKED);
        assertThat(cast.cast(votes.find(id).orElseThrow(), codes.get("2-101"), List.of("ABSTAIN", "FOR"), "10.0.0.5").status())
                .isEqualTo(Status.ACCEPTED);
        assertThat(inForce(id, "2-102")).as("the developer's unsold units are one person").containsExactly("ABSTAIN",
                "FOR");

        clock.set(ANNOUNCED.plusDays(26).atTime(9, 0).atZone(MutableClock.CHINA));
        assertThat(work.itemsFor(committee, ANNOUNCED.plusDays(26))).extracting(cn.kaoping.platform.workbench.WorkItem::key)
                .as("after the window: close and count").contains("vote:" + id + ":close");
        assertThat(cast.cast(votes.find(id).orElseThrow(), codes.get("1-201"), List.of("FOR", "FOR"), "10.0.0.6").status())
                .isEqualTo(Status.ENDED);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE entity_type = 'vote' AND entity_id = :id "
                + "AND (summary LIKE '%FOR%' OR summary LIKE '%AGAINST%' OR summary LIKE '%反对%')")
                .param("id", String.valueOf(id)).query(Integer.class).single()).as("ballots stay secret").isZero();
    }

    private List<String> inForce(long id, String unit) {
        return jdbc.sql("SELECT ballot FROM vote_ballot WHERE vote_id = :v AND unit = :u ORDER BY proposal")
                .param("v", id).param("u", unit).query(String.class).list();
    }

    private static List<UnitInput> roll() {
        BigDecimal ninety = new BigDecimal("90.00");
        return List.of(new UnitInput("1-101", "张三", ninety, false, null),
                new UnitInput("1-102", "张三", ninety, false, null),
                new UnitInput("1-201", "李四", ninety, false, null),
                new UnitInput("1-202", "王五", ninety, false, null),
                new UnitInput("2-101", null, new BigDecimal("120.00"), true, null),
                new UnitInput("2-102", null, new BigDecimal("120.00"), true, null));
    }
}
