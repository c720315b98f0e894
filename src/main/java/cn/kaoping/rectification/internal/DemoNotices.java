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
    private final RaiseNotice raising;
    private final EditDraft drafts;
    private final IssueNotice issuing;
    private final AnswerNotice answers;

    DemoNotices(DemoData demo, OrganisationDirectory directory,
                RaiseNotice raising, EditDraft drafts, IssueNotice issuing, AnswerNotice answers) {
        this.demo = demo;
        this.directory = directory;
        this.raising = raising;
        this.drafts = drafts;
        this.issuing = issuing;
        this.answers = answers;
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
                        .findFirst().ifPresent(e -> answer(e, issue(e)));
            }
        });
    }

    private Notice issue(EstateListing estate) {
        RegionRef street = directory.region(estate.streetId()).orElseThrow();
        KaopingPrincipal officer = new KaopingPrincipal(0, "demo", street.name() + " 物业办", Role.STREET_OFFICER,
                street.id(), street.path(), null, null);
        long id = raising.raise(officer, estate.id(), List.of(), "3号楼、5号楼楼道堆放杂物，消防通道被电动车占用");
        drafts.addProblem(officer, id, "小区东门道闸损坏，外来车辆随意进出，未见登记");
        Notice notice = issuing.issue(officer, id);
        log.info("演示数据：{}向 {} 下达了整改通知书", street.name(), estate.name());
        return notice;
    }

    /**
     * The street's own notice is answered by its company, with a photo of each problem, so it waits for the
     * acceptance inspection (issue 18).
     */
    private void answer(EstateListing estate, Notice notice) {
        KaopingPrincipal company = new KaopingPrincipal(0, "demo", "物业企业", Role.COMPANY_USER, null, null,
                estate.companyId(), null);
        for (Problem problem : notice.problems()) {
            answers.answer(company, notice.id(), problem.id(), "已整改：清理完毕，并安排专人每日巡查");
            answers.addAnswerPhoto(company, notice.id(), problem.id(), photo(), "整改后.png");
        }
        answers.submit(company, notice.id());
        log.info("演示数据：{} 的物业企业已报送整改情况，待验收", estate.name());
    }

    /** A small picture standing in for the company's photo. */
    private static byte[] photo() {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(64, 48,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(new java.awt.Color(0x4a, 0x7c, 0x59));
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(img, "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
