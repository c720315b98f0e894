package cn.kaoping.voting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.organisation.EstateRef;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.Role;
import cn.kaoping.support.ApiClient;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import cn.kaoping.support.MutableClock;
import cn.kaoping.voting.internal.CountRoll.UnitInput;
import cn.kaoping.voting.internal.KeyInBallots.PaperBallot;
import cn.kaoping.voting.rules.Tally;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A paper vote from draft to count on a test clock: drafted by the owners' committee, approved by the street office,
 * announced 15 days, roll frozen at the opening, ballots keyed in, counted at the close by 民法典 art. 278 (issue 13).
 */
@IntegrationTest
class VoteFlowTests {

    private static final LocalDate ANNOUNCED = LocalDate.of(2081, 3, 1);

    @LocalServerPort
    int port;
    @Autowired
    Votes votes;
    @Autowired
    AuditLog audit;
    @Autowired
    Ballots ballots;
    @Autowired
    JsonMapper json;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    /** The services are built here on a test clock, so their transactions are opened here too. */
    private <T> T tx(java.util.function.Supplier<T> work) {
        return new org.springframework.transaction.support.TransactionTemplate(transactions).execute(s -> work.get());
    }

    private void run(Runnable work) {
        tx(() -> {
            work.run();
            return null;
        });
    }

    @Test
    void aPaperVoteIsDraftedApprovedOpenedKeyedInAndCountedAsTheLawRequires() {
        MutableClock clock = new MutableClock(ANNOUNCED.atTime(9, 0).atZone(MutableClock.CHINA));
        EstateRef estate = directory.firstEstateWithCommittee().orElseThrow();
        KaopingPrincipal committee = new KaopingPrincipal(0, "committee_member", "业委会主任", Role.COMMITTEE_MEMBER,
                null, null, null, estate.id());
        KaopingPrincipal street = officerOf(estate);
        DraftVote drafts = new DraftVote(votes, directory, audit, clock, 15);
        VoteTransitions steps = new VoteTransitions(votes, audit, json, clock);
        KeyInBallots keyIn = new KeyInBallots(votes, ballots, audit, clock);

        long id = tx(() -> drafts.draft(committee, new DraftVote.Form(estate.id(), 4, "关于续聘物业服务企业的表决",
                List.of("续聘现物业服务企业", "物业费标准不变"), ANNOUNCED, ANNOUNCED.plusDays(15), ANNOUNCED.plusDays(29))));
        assertThatThrownBy(() -> run(() -> steps.approve(committee, id))).isInstanceOf(ForbiddenException.class);
        run(() -> steps.approve(street, id));
        assertThatThrownBy(() -> tx(() -> steps.open(committee, id, roll()))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("公告期未满");

        clock.set(ANNOUNCED.plusDays(15).atTime(9, 0).atZone(MutableClock.CHINA));
        assertThat(tx(() -> steps.open(committee, id, roll()))).isEqualTo(6);
        // every slip is keyed in twice, by two people; the second entry must match the first
        assertThat(tx(() -> keyIn.keyIn(committee, id, new PaperBallot("1-101", List.of("同意", "同意")))))
                .isEqualTo(KeyInBallots.Result.PENDING);
        assertThat(tx(() -> keyIn.keyIn(committee, id, new PaperBallot("1-101", List.of("同意", "同意")))))
                .as("the same person twice is still one entry").isEqualTo(KeyInBallots.Result.PENDING);
        assertThat(tx(() -> keyIn.keyIn(street, id, new PaperBallot("1-101", List.of("同意", "同意")))))
                .isEqualTo(KeyInBallots.Result.RECORDED);
        // 张三 owns 1-101 and 1-102: one person, one ballot
        run(() -> keyIn.keyIn(committee, id, new PaperBallot("1-102", List.of("反对", "同意"))));
        assertThatThrownBy(() -> run(() -> keyIn.keyIn(street, id, new PaperBallot("1-102", List.of("反对", "同意")))))
                .hasMessageContaining("张三 只能投一票");
        twice(keyIn, committee, street, id, "1-102", "同意", "同意");
        twice(keyIn, committee, street, id, "1-201", "反对", "同意");
        run(() -> keyIn.keyIn(committee, id, new PaperBallot("1-202", List.of("AGAINST", "弃权"))));
        assertThatThrownBy(() -> run(() -> keyIn.keyIn(street, id, new PaperBallot("1-202", List.of("同意", "弃权")))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("两次录入不一致（第 1 项）");
        // the first keyer corrects the entry against the slip; then the second entry matches
        twice(keyIn, committee, street, id, "1-202", "同意", "弃权");
        assertThatThrownBy(() -> run(() -> keyIn.keyIn(committee, id, new PaperBallot("1-202", List.of("反对", "弃权")))))
                .as("a counted paper ballot is final").hasMessageContaining("不能再次录入");
        assertThat(jdbc.sql("SELECT count(*) FROM vote_ballot_change WHERE vote_id = :v AND unit = '1-202'")
                .param("v", id).query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT confirmed_by FROM vote_ballot WHERE vote_id = :v AND unit = '1-202' LIMIT 1")
                .param("v", id).query(String.class).single()).isEqualTo(street.username());

        VoteQueries.View live = new VoteQueries(votes).get(committee, id);
        assertThat(live.participation().persons()).as("张三 once, the developer once").isEqualTo(4);
        assertThat(live.participation().personsVoted()).isEqualTo(3);
        assertThat(live.participation().areaVoted()).isEqualByComparingTo("360");
        assertThat(live.results()).as("no running count before the close").isEmpty();

        assertThatThrownBy(() -> tx(() -> steps.close(committee, id))).hasMessageContaining("期满后");
        clock.set(ANNOUNCED.plusDays(30).atTime(9, 0).atZone(MutableClock.CHINA));
        assertThatThrownBy(() -> run(() -> keyIn.keyIn(committee, id, new PaperBallot("2-101", List.of("同意", "同意")))))
                .hasMessageContaining("截止");
        List<Tally> tallies = tx(() -> steps.close(committee, id));
        // persons: 张三 (180 ㎡, for), 李四 (90, against), 王五 (90, for), developer (240 ㎡, did not vote)
        // quorum: 3 of 4 persons and 360 of 600 ㎡ — 360 × 3 = 1080 < 600 × 2 = 1200, so no quorum
        assertThat(tallies).hasSize(2).allMatch(t -> !t.quorumMet() && !t.passed());
        assertThat(tallies.get(0).reasons().get(0)).contains("360 × 3 < 600 × 2");
        assertThat(new VoteQueries(votes).get(street, id).results()).hasSize(2);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE entity_type = 'vote' AND entity_id = :id "
                + "AND (summary LIKE '%同意%' OR summary LIKE '%反对%')").param("id", String.valueOf(id))
                .query(Integer.class).single()).as("the audit names units, never ballots").isZero();
    }

    @Test
    void aProxysBallotCountsOnlyOnceTheCommitteeHasCheckedTheAuthorisation() {
        LocalDate announced = LocalDate.of(2082, 5, 1);
        MutableClock clock = new MutableClock(announced.atTime(9, 0).atZone(MutableClock.CHINA));
        EstateRef estate = directory.firstEstateWithCommittee().orElseThrow();
        KaopingPrincipal committee = new KaopingPrincipal(0, "committee_member", "业委会主任", Role.COMMITTEE_MEMBER,
                null, null, null, estate.id());
        KaopingPrincipal street = officerOf(estate);
        DraftVote drafts = new DraftVote(votes, directory, audit, clock, 15);
        VoteTransitions steps = new VoteTransitions(votes, audit, json, clock);
        KeyInBallots keyIn = new KeyInBallots(votes, ballots, audit, clock);
        CheckProxy check = new CheckProxy(votes, ballots, audit);
        long id = tx(() -> drafts.draft(committee, new DraftVote.Form(estate.id(), 5, "使用维修资金更换电梯",
                List.of("动用维修资金更换 2 号楼电梯"), announced, announced.plusDays(15), announced.plusDays(20))));
        run(() -> steps.approve(street, id));
        clock.set(announced.plusDays(15).atTime(9, 0).atZone(MutableClock.CHINA));
        tx(() -> steps.open(committee, id, roll()));

        var byProxy = new PaperBallot("1-201", List.of("同意"), "李四之子 李小四");
        assertThatThrownBy(() -> run(() -> keyIn.keyIn(committee, id, byProxy, null, null)))
                .isInstanceOf(cn.kaoping.shared.ValidationException.class).hasMessageContaining("委托书");
        var letter = new KeyInBallots.Scan(java.util.UUID.randomUUID(), "委托书.jpg");
        run(() -> keyIn.keyIn(committee, id, byProxy, null, letter));
        assertThatThrownBy(() -> run(() -> keyIn.keyIn(street, id, new PaperBallot("1-201", List.of("同意")))))
                .as("the second entry must name the same proxy").hasMessageContaining("代理人");
        run(() -> keyIn.keyIn(street, id, byProxy, null, null));
        assertThat(new VoteQueries(votes).get(committee, id).participation().personsVoted())
                .as("not counted before the authorisation is checked").isZero();
        assertThat(ballots.proxiesToCheck(id)).extracting(Ballots.ProxyToCheck::proxy).containsExactly("李四之子 李小四");

        run(() -> check.check(committee, id, "1-201"));
        assertThat(new VoteQueries(votes).get(committee, id).participation().areaVoted()).isEqualByComparingTo("90");
        assertThatThrownBy(() -> run(() -> check.check(committee, id, "1-201"))).isInstanceOf(ConflictException.class);
        assertThat(ballots.rollLines(id)).filteredOn(l -> l.unit().equals("1-201"))
                .singleElement().satisfies(l -> assertThat(l.proxyChecked()).isTrue());
    }

    @Test
    void anotherStreetsOfficerAndAnotherEstatesCommitteeSeeNothing() {
        EstateRef estate = directory.firstEstateWithCommittee().orElseThrow();
        LocalDate today = LocalDate.now();
        HttpResponse<String> created = ApiClient.as(port, "committee_member", Browserless.DEMO_PASSWORD).send("POST",
                "/api/v1/votes", """
                {"estateId": %d, "matter": 3, "title": "改选业主委员会", "proposals": ["选举新一届业主委员会"],
                 "announcedOn": "%s", "opensOn": "%s", "closesOn": "%s"}""".formatted(estate.id(), today,
                        today.plusDays(15), today.plusDays(20)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = JsonMapper.builder().build().readTree(created.body()).get("id").asLong();
        long ownStreet = directory.placements(List.of(estate.id())).get(0).streetId();
        String otherOfficer = ownStreet == directory.regionByCode("QH-HD-DF").orElseThrow().id() ? "street_xh"
                : "street_df";
        assertThat(ApiClient.as(port, otherOfficer, Browserless.DEMO_PASSWORD).get("/api/v1/votes/" + id)
                .statusCode()).isEqualTo(404);
        assertThat(ApiClient.as(port, otherOfficer, Browserless.DEMO_PASSWORD).send("POST",
                "/api/v1/votes/" + id + "/approve", null).statusCode()).isEqualTo(404);
        assertThat(ApiClient.as(port, "company_user", Browserless.DEMO_PASSWORD).get("/api/v1/votes/" + id)
                .statusCode()).isEqualTo(404);
        HttpResponse<String> early = ApiClient.as(port, "committee_member", Browserless.DEMO_PASSWORD).send("POST",
                "/api/v1/votes", """
                {"estateId": %d, "matter": 3, "title": "改选", "proposals": ["议题"],
                 "announcedOn": "%s", "opensOn": "%s", "closesOn": "%s"}""".formatted(estate.id(), today,
                        today.plusDays(14), today.plusDays(20)));
        assertThat(early.statusCode()).isEqualTo(400);
        assertThat(early.body()).contains("opensOn").contains("15 日");
    }

    private void twice(KeyInBallots keyIn, KaopingPrincipal first, KaopingPrincipal second, long id, String unit,
                       String... ballots) {
        run(() -> keyIn.keyIn(first, id, new PaperBallot(unit, List.of(ballots))));
        run(() -> keyIn.keyIn(second, id, new PaperBallot(unit, List.of(ballots))));
    }

    private KaopingPrincipal officerOf(EstateRef estate) {
        RegionRef street = directory.region(directory.placements(List.of(estate.id())).get(0).streetId()).orElseThrow();
        return new KaopingPrincipal(0, "street_officer", "街道", Role.STREET_OFFICER, street.id(), street.path(),
                null, null);
    }

    private static List<UnitInput> roll() {
        BigDecimal ninety = new BigDecimal("90");
        return List.of(new UnitInput("1-101", "张三", ninety, false, null),
                new UnitInput("1-102", "张三", ninety, false, null),
                new UnitInput("1-201", "李四", ninety, false, null),
                new UnitInput("1-202", "王五", ninety, false, null),
                new UnitInput("2-101", null, new BigDecimal("120"), true, null),
                new UnitInput("2-102", null, new BigDecimal("120"), true, null));
    }
}
