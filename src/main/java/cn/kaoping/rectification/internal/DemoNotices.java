package cn.kaoping.rectification.internal;

import cn.kaoping.organisation.EstateListing;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.platform.demo.DemoData;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo notices (only with {@code KAOPING_DEMO=true}, once): the demo company ({@code company_user}) receives a notice
 * with two problems for one of its estates (in 东风街道 if it serves one there), and 东风街道 ({@code street_df}) has an
 * issued notice of its own, so both sides have something to work on.
 */
@Component
@Order(50)
class DemoNotices implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoNotices.class);

    private final DemoData demo;
    private final OrganisationDirectory directory;
    private final RectificationService service;

    DemoNotices(DemoData demo, OrganisationDirectory directory,
                RectificationService service) {
        this.demo = demo;
        this.directory = directory;
        this.service = service;
    }

    @Override
    public void run(ApplicationArguments args) {
        demo.once("demo:rectification", "SELECT count(*) FROM rectification_notice WHERE created_by = 'demo'", () -> {
            Optional<RegionRef> dongfeng = directory.regionByCode("QH-HD-DF");
            Optional<Long> company = directory.firstCompanyId();
            Optional<RegionRef> city = directory.city();
            if (dongfeng.isEmpty() || company.isEmpty() || city.isEmpty()) {
                return;
            }
            List<EstateListing> all = directory.estatesUnder(city.get().path(), null, null, false);
            // the demo company's estate (in 东风街道 when it serves one there), so company_user has a notice
            Optional<EstateListing> own = all.stream().filter(e -> company.get().equals(e.companyId()))
                    .min(java.util.Comparator.comparing((EstateListing e) -> !e.regionPath()
                            .startsWith(dongfeng.get().path())).thenComparing(EstateListing::id));
            own.ifPresent(this::issue);
            // and one in 东风街道 for street_df when the demo company serves no estate there
            if (own.isEmpty() || !own.get().regionPath().startsWith(dongfeng.get().path())) {
                all.stream().filter(e -> e.companyId() != null && e.regionPath().startsWith(dongfeng.get().path()))
                        .findFirst().ifPresent(this::issue);
            }
        });
    }

    private void issue(EstateListing estate) {
        RegionRef street = directory.region(estate.streetId()).orElseThrow();
        KaopingPrincipal officer = new KaopingPrincipal(0, "demo", street.name() + " 物业办", Role.STREET_OFFICER,
                street.id(), street.path(), null, null);
        long id = service.raise(officer, estate.id(), List.of(), "3号楼、5号楼楼道堆放杂物，消防通道被电动车占用");
        service.addProblem(officer, id, "小区东门道闸损坏，外来车辆随意进出，未见登记");
        service.issue(officer, id);
        log.info("演示数据：{}向 {} 下达了整改通知书", street.name(), estate.name());
    }
}
