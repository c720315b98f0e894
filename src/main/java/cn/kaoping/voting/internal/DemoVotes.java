package cn.kaoping.voting.internal;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.organisation.EstateRef;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.platform.demo.DemoData;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;
import cn.kaoping.voting.internal.CountRoll.UnitInput;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo city's owners' votes (only with {@code KAOPING_DEMO=true}, once), at the estate of the demo owners'
 * committee: one open since yesterday on using the maintenance fund, its roll the estate's households (owners' names
 * invented, as the registry keeps none), so the committee can print code slips and owners vote; and one draft waiting
 * for the street office's approval (issue 13).
 */
@Component
@Order(85)
@Profile("!test")
class DemoVotes implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoVotes.class);

    private final DemoData demo;
    private final OrganisationDirectory directory;
    private final Votes votes;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;

    DemoVotes(DemoData demo, OrganisationDirectory directory, Votes votes, AuditLog audit, JsonMapper json,
              Clock clock) {
        this.demo = demo;
        this.directory = directory;
        this.votes = votes;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        demo.once("demo:votes", "SELECT count(*) FROM vote WHERE title LIKE '%（演示）'", () -> {
            EstateRef estate = directory.firstEstateWithCommittee().orElse(null);
            if (estate == null) {
                return;
            }
            RegionRef street = directory.region(directory.placements(List.of(estate.id())).get(0).streetId())
                    .orElseThrow();
            KaopingPrincipal committee = new KaopingPrincipal(0, "committee_member", estate.name() + " 业委会",
                    Role.COMMITTEE_MEMBER, null, null, null, estate.id());
            KaopingPrincipal officer = new KaopingPrincipal(0, "demo", street.name() + " 物业办", Role.STREET_OFFICER,
                    street.id(), street.path(), null, null);
            LocalDate today = LocalDate.now(clock);
            // drafted and approved 16 days ago, so the announcement has run and the vote opened yesterday
            Clock earlier = Clock.offset(clock, Duration.ofDays(-16));
            long open = new DraftVote(votes, directory, audit, earlier, 15).draft(committee, new DraftVote.Form(
                    estate.id(), 5, "关于使用专项维修资金更换 2 号楼电梯的表决（演示）",
                    List.of("同意使用住宅专项维修资金约 38 万元更换 2 号楼两部电梯，由业主委员会公开招标"),
                    today.minusDays(16), today.minusDays(1), today.plusDays(13)));
            new VoteTransitions(votes, audit, json, earlier).approve(officer, open);
            java.util.Set<String> seen = new java.util.HashSet<>();
            List<UnitInput> roll = new java.util.ArrayList<>(directory.householdsOf(List.of(estate.id())).stream()
                    .filter(h -> seen.add(h.building() + "-" + h.unit() + "-" + h.room())).limit(300)
                    .map(h -> new UnitInput(h.building() + "-" + h.unit() + "-" + h.room(), "业主" + h.id(),
                            new BigDecimal("89.50"), false, null)).toList());
            if (roll.isEmpty()) { // an estate without registered households still gets a small roll
                for (int i = 1; i <= 6; i++) {
                    roll.add(new UnitInput("1-" + (100 + i), "业主" + i, new BigDecimal("89.50"), false, null));
                }
            }
            new VoteTransitions(votes, audit, json, clock).open(committee, open, roll);
            long draft = new DraftVote(votes, directory, audit, clock, 15).draft(committee, new DraftVote.Form(
                    estate.id(), 2, "关于修改管理规约停车条款的表决（演示）",
                    List.of("修改管理规约第十二条：地面停车位优先租给本小区业主，按月公示使用情况"),
                    today, today.plusDays(15), today.plusDays(29)));
            log.info("演示数据：{} 的业主表决 {}（投票中）、{}（待街道审核）", estate.name(), open, draft);
        });
    }
}
