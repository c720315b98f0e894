package cn.kaoping.inspection.internal;

import cn.kaoping.inspection.Period;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.platform.demo.DemoData;
import cn.kaoping.scheme.SchemeCatalog;
import cn.kaoping.scheme.engine.Scheme;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo city's current round (only with {@code KAOPING_DEMO=true}, once): 河东区 opens this half-year's Erqi round
 * over 东风街道, due in ten days, and two of its estates are already inspected, so {@code street_df} finds inspections
 * to do on his first screen and {@code hedong_admin} finds some to review (issue 18).
 */
@Component
@Order(70)
@Profile("!test")
class DemoRound implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRound.class);
    static final String SCHEME = "erqi-old-estate";
    static final int INSPECTED = 2;

    private final DemoData demo;
    private final OrganisationDirectory directory;
    private final SchemeCatalog schemes;
    private final RoundService rounds;
    private final InspectionService inspections;
    private final Clock clock;

    DemoRound(DemoData demo, OrganisationDirectory directory, SchemeCatalog schemes, RoundService rounds,
              InspectionService inspections, Clock clock) {
        this.demo = demo;
        this.directory = directory;
        this.schemes = schemes;
        this.rounds = rounds;
        this.inspections = inspections;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        demo.once("demo:round", "SELECT count(*) FROM round WHERE created_by = 'hedong_admin' AND name LIKE '%（演示）'",
                this::load);
    }

    private void load() {
        Optional<RegionRef> district = directory.regionByCode("QH-HD");
        Optional<RegionRef> street = directory.regionByCode("QH-HD-DF");
        Optional<Scheme> scheme = schemes.published(SCHEME);
        if (district.isEmpty() || street.isEmpty() || scheme.isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        Period period = Period.parse(today.getYear() + (today.getMonthValue() <= 6 ? "-H1" : "-H2"));
        KaopingPrincipal admin = new KaopingPrincipal(0, "hedong_admin", "河东区住建局", Role.DISTRICT_ADMIN,
                district.get().id(), district.get().path(), null, null);
        String name = street.get().name() + period.code().substring(0, 4)
                + (period.code().endsWith("H1") ? "年上半年" : "年下半年") + "老旧小区物业管理考核（演示）";
        Round round = rounds.create(admin, new RoundForm(name, SCHEME, scheme.get().version(), period.code(),
                street.get().id(), null, false, today.plusDays(10), today.plusDays(20), 7, true));
        rounds.open(admin, round.id());
        KaopingPrincipal officer = new KaopingPrincipal(0, "street_df", street.get().name() + " 物业办",
                Role.STREET_OFFICER, street.get().id(), street.get().path(), null, null);
        List<Inspections.TaskRow> tasks = inspections.openTasks(officer);
        tasks.stream().filter(t -> t.inspection().roundId() == round.id()).limit(INSPECTED)
                .forEach(t -> inspections.submit(officer, t.inspection().id(), List.of()));
        log.info("演示数据：{}（{} 个小区，{} 个已检查）", name, tasks.size(), Math.min(INSPECTED, tasks.size()));
    }
}
