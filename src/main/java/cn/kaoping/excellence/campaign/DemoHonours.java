package cn.kaoping.excellence.campaign;

import cn.kaoping.organisation.EstatePlacement;
import cn.kaoping.organisation.EstateRef;
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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The demo city's 市优复评 (only with {@code KAOPING_DEMO=true}, once; issue 16): twelve estates titled five years ago,
 * at different stages — the first waits for its owners' committee's stamp (the demo committee member's estate), one
 * is exactly at the residents' committee floor (revoke, explained), one has its notice at only two places (the
 * application is refused), one waits for the company's decision, one for the experts' scores, the twelfth is vetoed
 * for the administrative penalty in its company's credit file, the rest pass.
 */
@Component
@Order(96)
@Profile("!test")
class DemoHonours implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoHonours.class);
    private static final List<String> EXPERTS = List.of("expert", "expert2", "expert3");

    private final DemoData demo;
    private final OrganisationDirectory directory;
    private final RunCampaign run;
    private final EntrySteps steps;
    private final Review review;
    private final HonourStore store;
    private final Campaigns campaigns;

    DemoHonours(DemoData demo, OrganisationDirectory directory, RunCampaign run, EntrySteps steps, Review review,
                HonourStore store, Campaigns campaigns) {
        this.demo = demo;
        this.directory = directory;
        this.run = run;
        this.steps = steps;
        this.review = review;
        this.store = store;
        this.campaigns = campaigns;
    }

    @Override
    public void run(ApplicationArguments args) {
        demo.once("demo:honours", "SELECT count(*) FROM honour_campaign", () -> {
            RegionRef city = directory.regionByCode("QH").orElse(null);
            List<EstateRef> estates = directory.estatesWithCommittee(12);
            if (city == null || estates.size() < 12) {
                return;
            }
            KaopingPrincipal association = new KaopingPrincipal(0, "association", "清河市物业管理协会",
                    Role.ASSOCIATION, city.id(), city.path(), null, null);
            LocalDate today = campaigns.today();
            int year = today.getYear();
            estates.forEach(e -> run.register(association, e.id(), "清河市物业管理优秀住宅小区", "CITY", year - 5));
            long c = run.create(association, year, List.of(year - 5), null, 7, false);
            Set<Long> districts = new LinkedHashSet<>();
            directory.placements(estates.stream().map(EstateRef::id).toList())
                    .forEach(p -> districts.add(p.districtId()));
            for (long d : districts) {
                RegionRef r = directory.region(d).orElseThrow();
                run.confirm(new KaopingPrincipal(0, "demo", r.name() + "物业管理协会", Role.ASSOCIATION, r.id(),
                        r.path(), null, null), c);
            }
            List<HonourStore.Entry> entries = store.entries(c);
            for (int i = 0; i < estates.size(); i++) {
                long estate = estates.get(i).id();
                HonourStore.Entry e = entries.stream().filter(x -> x.honour().estateId() == estate).findFirst()
                        .orElseThrow();
                step(association, e, estates.get(i), i, today);
            }
            log.info("Demo 市优复评 {}: {} estates", year, entries.size());
        });
    }

    private void step(KaopingPrincipal association, HonourStore.Entry e, EstateRef estate, int i, LocalDate today) {
        EstatePlacement place = directory.placements(List.of(estate.id())).get(0);
        RegionRef district = directory.region(place.districtId()).orElseThrow();
        KaopingPrincipal districtAssociation = new KaopingPrincipal(0, "demo", district.name() + "物业管理协会",
                Role.ASSOCIATION, district.id(), district.path(), null, null);
        KaopingPrincipal company = new KaopingPrincipal(0, "demo", "物业服务企业", Role.COMPANY_USER, null, null,
                e.companyId(), null);
        if (i == 11) {
            VetoCheck.Finding f = review.findings(association, e.id()).stream()
                    .filter(x -> x.code().equals("veto.3")).findFirst()
                    .orElse(new VetoCheck.Finding("veto.5", "消防设施存在严重安全隐患"));
            review.confirmVeto(association, e.id(), f.code(), f.reason());
            return;
        }
        if (i == 10) {
            return;
        }
        steps.companyDecides(company, e.id(), true);
        List<String> places = i == 9 ? List.of("小区南大门", "宣传栏") : List.of("小区南大门", "宣传栏", "物业服务中心");
        for (String p : places) {
            steps.recordPublicity(districtAssociation, e.id(), p, photo(), "公示照片.png", today.minusDays(40),
                    today.minusDays(30), "业主未提出异议");
        }
        if (i == 9) {
            return;
        }
        steps.apply(company, e.id(), estate.name() + "：获评以来物业服务质量保持稳定，设施设备运行良好，业主满意度较高。");
        if (i == 0) {
            return;
        }
        steps.committeeDecides(new KaopingPrincipal(0, "demo", "业主委员会", Role.COMMITTEE_MEMBER, null, null, null,
                estate.id()), e.id(), true);
        review.satisfaction(districtAssociation, e.id(), 70 + i, 12, 100, today.minusDays(8));
        review.assignPanel(association, e.id(), EXPERTS);
        if (i == 7) {
            return;
        }
        for (int k = 0; k < EXPERTS.size(); k++) {
            review.expertScores(new KaopingPrincipal(0, EXPERTS.get(k), EXPERTS.get(k), Role.EXPERT, null,
                    association.regionPath(), null, null), e.id(), BigDecimal.valueOf(84 + k + i % 4), "现场检查情况良好",
                    null, null);
        }
        review.communityScores(new KaopingPrincipal(0, "demo", "社区居委会", Role.COMMUNITY_STAFF, null,
                estate.regionPath(), null, null), e.id(), i == 1 ? new BigDecimal("90") : new BigDecimal("95"),
                "物业服务企业配合社区工作积极");
    }

    private static byte[] photo() {
        try {
            var image = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
            var g = image.createGraphics();
            g.setColor(new java.awt.Color(200, 40, 40));
            g.fillRect(8, 8, 48, 32);
            g.dispose();
            var out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }
}
