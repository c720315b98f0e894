package cn.kaoping.streetassessment.year;

import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.platform.demo.DemoData;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The demo city's street assessment (only with {@code KAOPING_DEMO=true}, once; issue 15): 河东区 runs the current
 * year on the Xigang table with its three streets. The history until today is written with its past dates: 东风街道
 * submitted every node on time, 朝阳街道 one late (2.1), 光明街道 left 16.1 missing and its 17.1 awaits the 城管执法局's
 * review; departments recorded findings and a bonus; the third quarter is published. Nodes after today stay open.
 */
@Component
@Order(90)
@Profile("!test")
class DemoStreetAssessment implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoStreetAssessment.class);
    private static final String URBAN = "区城管执法局";

    private final DemoData demo;
    private final OrganisationDirectory directory;
    private final OpenYear open;
    private final PublishQuarter publish;
    private final AssessmentStore store;
    private final Years years;

    DemoStreetAssessment(DemoData demo, OrganisationDirectory directory, OpenYear open, PublishQuarter publish,
                         AssessmentStore store, Years years) {
        this.demo = demo;
        this.directory = directory;
        this.open = open;
        this.publish = publish;
        this.store = store;
        this.years = years;
    }

    @Override
    public void run(ApplicationArguments args) {
        demo.once("demo:street-assessment", "SELECT count(*) FROM sa_year", () -> {
            RegionRef district = directory.regionByCode("QH-HD").orElse(null);
            if (district == null) {
                return;
            }
            KaopingPrincipal admin = new KaopingPrincipal(0, "hedong_admin", "河东区住建局", Role.DISTRICT_ADMIN,
                    district.id(), district.path(), null, null);
            LocalDate today = years.today();
            long id = open.open(admin, new OpenYear.Form("xigang-street-2020", today.getYear(), null, null));
            AssessmentStore.Year y = store.year(id).orElseThrow();
            if (!open.departmentStaff(y).isEmpty()) {
                open.assign(admin, y, URBAN, "hedong_dept");
            }
            Map<Long, String> names = new java.util.HashMap<>();
            store.streets(id).forEach(s -> names.put(s.streetId(), s.name()));
            for (Node n : store.nodes(id, null)) {
                if (!n.due().isBefore(today)) {
                    continue;
                }
                String street = names.get(n.streetId());
                if (street.startsWith("光明") && n.ruleCode().equals("16.1")) {
                    continue;
                }
                LocalDate on = street.startsWith("朝阳") && n.ruleCode().equals("2.1") ? n.due().plusDays(3)
                        : n.due().minusDays(2);
                OffsetDateTime at = on.atTime(LocalTime.of(10, 30)).atZone(StreetScores.CHINA).toOffsetDateTime();
                long sub = store.insertSubmission(n.id(), "已按要求整理报送材料（" + n.label() + "）",
                        Map.of(), "demo", at);
                Node submitted = n.submit();
                store.save(submitted);
                if (street.startsWith("光明") && n.ruleCode().equals("17.1")) {
                    continue;
                }
                Node accepted = submitted.accept(store.submissions(List.of(n.id())).get(0));
                store.review(sub, accepted.status().name(), null, "demo", at.plusDays(1));
                store.save(accepted);
            }
            store.streets(id).forEach(s -> {
                OffsetDateTime at = today.withDayOfMonth(1).minusMonths(4).atTime(9, 0).atZone(StreetScores.CHINA)
                        .toOffsetDateTime();
                if (s.name().startsWith("朝阳")) {
                    store.insertEvent(id, s.streetId(), "3.a", 1, at.toLocalDate(),
                            "某小区物业服务企业退出时未指导交接，业主投诉", null, "区住建局", "demo", at);
                } else if (s.name().startsWith("光明")) {
                    store.insertEvent(id, s.streetId(), "4.c", 2, at.toLocalDate(),
                            "两处房屋安全隐患未上报，未督促产权单位维修", null, "区住建局", "demo", at);
                    store.insertEvent(id, s.streetId(), "7.2", 1, at.toLocalDate(), "8 月垃圾分类月度总结未按时报送",
                            null, URBAN, "demo", at);
                } else {
                    store.insertEvent(id, s.streetId(), "13.a", 1, at.toLocalDate(),
                            "红色物业做法获市领导批示表扬", null, "区住建局", "demo", at);
                }
            });
            if (today.isAfter(PublishQuarter.end(today.getYear(), 3))) {
                publish.publish(admin, id, 3, null);
            }
            log.info("Demo street assessment: 河东区 {} year {} with {} streets", today.getYear(), id,
                    names.size());
        });
    }
}
