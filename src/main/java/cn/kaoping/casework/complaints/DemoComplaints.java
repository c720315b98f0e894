package cn.kaoping.casework.complaints;

import cn.kaoping.organisation.EstateRef;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.platform.demo.DemoData;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo city's complaints (only with {@code KAOPING_DEMO=true}, once): at the demo company's first estate, a hotline
 * order waiting for its street office to sign, one assigned to the company waiting for its answer, and one closed with
 * a satisfied call back, so the street office and the company find them on their first screens (issue 14).
 */
@Component
@Order(80)
@Profile("!test")
class DemoComplaints implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoComplaints.class);

    private final DemoData demo;
    private final OrganisationDirectory directory;
    private final FileComplaint files;
    private final HandleComplaint steps;
    private final AnswerComplaint answers;
    private final Clock clock;

    DemoComplaints(DemoData demo, OrganisationDirectory directory, FileComplaint files, HandleComplaint steps,
                   AnswerComplaint answers, Clock clock) {
        this.demo = demo;
        this.directory = directory;
        this.files = files;
        this.steps = steps;
        this.answers = answers;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        demo.once("demo:complaints", "SELECT count(*) FROM complaint WHERE created_by = 'demo'", () -> {
            Long company = directory.firstCompanyId().orElse(null);
            EstateRef estate = company == null ? null : directory.firstEstateOfCompany(company).orElse(null);
            if (estate == null) {
                return;
            }
            RegionRef street = directory.region(directory.placements(List.of(estate.id())).get(0).streetId())
                    .orElseThrow();
            KaopingPrincipal officer = new KaopingPrincipal(0, "demo", street.name() + " 物业办", Role.STREET_OFFICER,
                    street.id(), street.path(), null, null);
            KaopingPrincipal companyUser = new KaopingPrincipal(0, "demo", "物业服务企业", Role.COMPANY_USER, null,
                    null, company, null);
            OffsetDateTime now = OffsetDateTime.now(clock);
            long fresh = files.file(officer, new FileComplaint.Form(estate.id(), "SANITATION",
                    "3 号楼楼道堆放杂物，多次反映未清理", "张女士", "13900000001", "DEMO-12345-0001", now.minusHours(3)))
                    .orElseThrow();
            long assigned = files.file(officer, new FileComplaint.Form(estate.id(), "FACILITIES",
                    "2 号楼电梯时常停运，老人上下楼困难", "李先生", "13900000002", "DEMO-12345-0002", now.minusDays(2)))
                    .orElseThrow();
            steps.sign(officer, assigned);
            steps.assign(officer, assigned, company, null);
            long closed = files.file(officer, new FileComplaint.Form(estate.id(), "GREENING",
                    "小区东侧绿地被占用停车", "王先生", null, "DEMO-12345-0003", now.minusDays(6))).orElseThrow();
            steps.sign(officer, closed);
            steps.assign(officer, closed, company, null);
            answers.answer(companyUser, closed, "已设置隔离桩并恢复绿地，安排秩序维护员每日巡查");
            steps.close(officer, closed, "SUBSTANTIATED", "SATISFIED");
            log.info("演示数据：{} 的投诉工单 {}、{}、{}", estate.name(), fresh, assigned, closed);
        });
    }
}
