package cn.kaoping.excellence.campaign;

import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.scheme.engine.Evaluation;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.ValidationException;
import cn.kaoping.support.IntegrationTest;
import cn.kaoping.support.TestClock;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A 市优复评 campaign through its stages (seed 002; issue 16): the list confirmed by the district association, vetoes
 * found in the data, the publicity refused at 2 places and at 6 days, the committee's stamp, satisfaction over all
 * owners, the panel with a declared conflict refused, the mean score, exactly at a floor failing, the 公示 with an
 * objection upheld and re-examined, the result document with both groups and the register changed; scope.
 */
@IntegrationTest
class HonourCampaignTests {

    @Autowired
    RunCampaign run;
    @Autowired
    EntrySteps steps;
    @Autowired
    Review review;
    @Autowired
    Publication publication;
    @Autowired
    Campaigns campaigns;
    @Autowired
    CampaignBoard board;
    @Autowired
    HonourStore store;
    @Autowired
    Composite composite;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ImportHonours imports;
    @Autowired
    ResultDocx docx;

    HonourFixture f() {
        return new HonourFixture(jdbc, directory);
    }

    /** Takes an entry through notice, application and stamp. */
    void toReview(HonourFixture f, long entry, long estate) {
        steps.companyDecides(f.companyUser(), entry, true);
        LocalDate from = campaigns.today().minusDays(10);
        for (String place : List.of("主要出入口", "宣传栏", "2 号楼大堂")) {
            steps.recordPublicity(f.districtAssociation(), entry, place, HonourFixture.png(), "p.png", from,
                    from.plusDays(6), null);
        }
        steps.apply(f.companyUser(), entry, "项目概况与管理服务情况");
        steps.committeeDecides(f.committee(estate), entry, true);
    }

    void parts(HonourFixture f, long entry, String community) {
        review.satisfaction(f.districtAssociation(), entry, 60, 20, 100, campaigns.today().minusDays(7));
        review.assignPanel(f.association(), entry, List.of("expert", "expert2", "expert3"));
        review.expertScores(f.expert("expert"), entry, new BigDecimal("85"), "好", null, null);
        review.expertScores(f.expert("expert2"), entry, new BigDecimal("88.5"), null, null, null);
        review.expertScores(f.expert("expert3"), entry, new BigDecimal("90"), null, null, null);
        review.communityScores(f.community(), entry, new BigDecimal(community), "服务到位");
    }

    @Test
    void aCampaignRunsFromTheListToThePublishedResult() throws Exception {
        HonourFixture f = f();
        int year = campaigns.today().getYear();
        long good = f.estate(true, true);
        long atFloor = f.estate(true, true);
        long noCommittee = f.estate(false, false);
        long changed = f.estate(true, true);
        for (long e : List.of(good, atFloor, noCommittee, changed)) {
            run.register(f.association(), e, "物业管理优秀住宅小区", "CITY", year - 5);
        }
        jdbc.sql("UPDATE estate SET company_id = :c WHERE id = :e").param("c", f.otherCompany()).param("e", changed)
                .update();

        assertThatThrownBy(() -> run.create(f.districtAssociation(), year, List.of(year - 5), null, 7, false))
                .isInstanceOf(ForbiddenException.class);
        long c = run.create(f.association(), year, List.of(year - 5), null, 7, false);
        List<HonourStore.Entry> entries = store.entries(c);
        long eGood = entry(entries, good);
        long eFloor = entry(entries, atFloor);
        long eNone = entry(entries, noCommittee);
        long eChanged = entry(entries, changed);
        assertThat(board.rows(f.association(), c)).filteredOn(r -> r.entry().id() == eGood).singleElement()
                .satisfies(r -> assertThat(r.stage()).isEqualTo(CampaignBoard.Stage.LISTED));
        assertThat(run.confirm(f.districtAssociation(), c)).isGreaterThanOrEqualTo(4);

        // vetoes from the data
        assertThat(review.findings(f.association(), eNone)).extracting(VetoCheck.Finding::code)
                .contains("veto.1", "veto.2");
        assertThat(review.findings(f.association(), eChanged)).extracting(VetoCheck.Finding::code)
                .contains("veto.4");
        assertThat(review.findings(f.association(), eGood)).isEmpty();
        review.confirmVeto(f.association(), eNone, "veto.1", "小区没有登记业主委员会");
        assertThat(store.entry(eNone).orElseThrow().proposed()).isEqualTo("REVOKE");
        assertThatThrownBy(() -> steps.companyDecides(f.companyUser(), eNone, true))
                .isInstanceOf(ConflictException.class);

        // publicity: 2 places refused, then 6 days refused
        steps.companyDecides(f.companyUser(), eGood, true);
        LocalDate from = campaigns.today().minusDays(10);
        steps.recordPublicity(f.districtAssociation(), eGood, "主要出入口", HonourFixture.png(), "a.png", from,
                from.plusDays(6), "无异议");
        steps.recordPublicity(f.districtAssociation(), eGood, "宣传栏", HonourFixture.png(), "b.png", from,
                from.plusDays(6), null);
        assertThatThrownBy(() -> steps.apply(f.companyUser(), eGood, "申报"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("只有 2 处");
        steps.recordPublicity(f.districtAssociation(), eGood, "2 号楼大堂", HonourFixture.png(), "c.png", from,
                from.plusDays(5), null);
        assertThatThrownBy(() -> steps.apply(f.companyUser(), eGood, "申报"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("7 日");
        steps.recordPublicity(f.districtAssociation(), eGood, "2 号楼大堂", HonourFixture.png(), "c.png", from,
                from.plusDays(6), null);
        steps.apply(f.companyUser(), eGood, "项目概况与管理服务情况");
        assertThatThrownBy(() -> review.assignPanel(f.association(), eGood, List.of("expert", "expert2", "expert3")))
                .as("before the committee's stamp").isInstanceOf(ConflictException.class);
        steps.committeeDecides(f.committee(good), eGood, true);

        // the panel: a declared conflict is refused; fewer than three too
        review.declareConflict(f.expert("expert3"), f.company());
        assertThatThrownBy(() -> review.assignPanel(f.association(), eGood, List.of("expert", "expert2", "expert3")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("回避");
        jdbc.sql("DELETE FROM expert_conflict WHERE expert = 'expert3'").update();
        assertThatThrownBy(() -> review.assignPanel(f.association(), eGood, List.of("expert", "expert2")))
                .isInstanceOf(ValidationException.class);
        parts(f, eGood, "95");
        Evaluation ev = composite.evaluation(store.entry(eGood).orElseThrow()).orElseThrow();
        assertThat(ev.part("owner-satisfaction").score()).as("(60 + 20) ÷ 100 owners, not ÷ respondents")
                .isEqualByComparingTo("80");
        assertThat(ev.part("expert").score()).as("mean of 85, 88.5, 90").isEqualByComparingTo("87.83");
        assertThat(ev.passed()).isTrue();
        assertThat(store.entry(eGood).orElseThrow().proposed()).isEqualTo("RETAIN");

        toReview(f, eFloor, atFloor);
        parts(f, eFloor, "90");
        Evaluation floor = composite.evaluation(store.entry(eFloor).orElseThrow()).orElseThrow();
        assertThat(floor.total()).isGreaterThanOrEqualTo(new BigDecimal("80"));
        assertThat(floor.passed()).as("exactly at the committee floor of 90 does not pass").isFalse();
        assertThat(floor.part("committee").reason()).contains("90");
        review.confirmVeto(f.association(), eChanged, "veto.4", "企业变更未在区住建局备案");

        // scope
        assertThatThrownBy(() -> campaigns.entry(f.expert("expert"), eChanged)).as("not on its panel")
                .isInstanceOf(NotFoundException.class);
        assertThat(campaigns.entry(f.expert("expert"), eGood).entry().id()).isEqualTo(eGood);
        assertThatThrownBy(() -> campaigns.entry(f.at("hexi_association", cn.kaoping.shared.Role.ASSOCIATION,
                "QH-HX"), eGood)).isInstanceOf(NotFoundException.class);
        assertThat(board.rows(f.companyUser(), c)).extracting(r -> r.entry().companyId())
                .containsOnly(f.company());

        // 公示, an objection upheld and re-examined, the result
        publication.startGongshi(f.association(), c);
        long o = publication.recordObjection(f.association(), eGood, "电梯长期故障未修", "业主张某");
        publication.decideObjection(f.association(), o, true, "经核实属实，重新评审");
        assertThat(store.entry(eGood).orElseThrow().proposed()).isNull();
        assertThatThrownBy(() -> TestClock.later(Duration.ofDays(8), () -> publication.publish(f.association(), c,
                "杭物协〔2026〕1号"))).isInstanceOf(ConflictException.class).hasMessageContaining("重新评审");
        review.expertScores(f.expert("expert"), eGood, new BigDecimal("70"), "电梯故障", null, null);
        review.expertScores(f.expert("expert2"), eGood, new BigDecimal("72"), null, null, null);
        review.expertScores(f.expert("expert3"), eGood, new BigDecimal("74"), null, null, null);
        assertThat(store.entry(eGood).orElseThrow().proposed()).as("expert part 72 below its floor of 80")
                .isEqualTo("REVOKE");
        assertThatThrownBy(() -> publication.publish(f.association(), c, "杭物协〔2026〕1号"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("公示期");
        TestClock.later(Duration.ofDays(8), () -> publication.publish(f.association(), c, "清物协〔2026〕1号"));
        HonourStore.Campaign done = store.campaign(c).orElseThrow();
        assertThat(done.status()).isEqualTo(CampaignStatus.PUBLISHED);
        assertThat(store.honoursUnder(done.regionPath())).filteredOn(h -> h.estateId() == changed).singleElement()
                .satisfies(h -> {
                    assertThat(h.status()).isEqualTo(HonourStatus.REVOKED);
                    assertThat(h.statusReason()).contains("第4项").contains("备案");
                });
        try (PDDocument doc = Loader.loadPDF(publication.resultPdf(done))) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text).contains("继续保留").contains("取消“市优”称号的项目").contains("清物协〔2026〕1号");
        }
        try (var word = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(
                docx.docx(done)))) {
            String text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(word).getText();
            assertThat(text).contains("清河市物业管理协会").contains("清物协〔2026〕1号").contains("第4项")
                    .contains("二、取消“市优”称号的项目");
        }
    }

    @Test
    void aPanelOfFiveMayDropTheHighestAndLowest() {
        assertThat(Composite.expertScore(List.of(new BigDecimal("60"), new BigDecimal("80"), new BigDecimal("82"),
                new BigDecimal("84"), new BigDecimal("100")), true)).hasValue(new BigDecimal("82.00"));
        assertThat(Composite.expertScore(List.of(new BigDecimal("60"), new BigDecimal("80"), new BigDecimal("82"),
                new BigDecimal("84"), new BigDecimal("100")), false)).hasValue(new BigDecimal("81.20"));
        assertThat(Composite.expertScore(List.of(new BigDecimal("80"), new BigDecimal("90")), false)).isEmpty();
        assertThat(EntrySteps.publicityShortfall(List.of(), EntrySteps.PublicityRule.SEED)).contains("只有 0 处");
    }

    @Test
    void theRegisterImportsOnceAndAnEarlyReEvaluationForDecliningServiceNeedsTheOwners() {
        HonourFixture f = f();
        long estate = f.estate(true, true);
        byte[] sheet = cn.kaoping.platform.excel.Spreadsheets.write(ImportHonours.LAYOUT, List.of(
                List.of(String.valueOf(estate), "物业管理优秀住宅小区", "市优", "2022")));
        assertThat(imports.importSheet(f.association(), sheet).imported()).isEqualTo(1);
        assertThat(imports.importSheet(f.association(), sheet).imported()).as("the same file twice").isZero();
        byte[] bad = cn.kaoping.platform.excel.Spreadsheets.write(ImportHonours.LAYOUT, List.of(
                List.of(String.valueOf(estate), "物业管理优秀住宅小区", "省优", "22")));
        var report = imports.importSheet(f.association(), bad);
        assertThat(report.ok()).isFalse();
        assertThat(report.problems()).extracting(cn.kaoping.platform.excel.ImportProblem::column)
                .contains("级别", "获评年度");

        long c = run.create(f.association(), 2024, List.of(2019), null, 7, false);
        long honour = store.honoursUnder("").stream().filter(h -> h.estateId() == estate).findFirst().orElseThrow()
                .id();
        assertThatThrownBy(() -> run.addEarly(f.districtAssociation(), c, honour,
                RunCampaign.EarlyReason.DECLINING_SERVICE, null, null, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems().get(0).message())
                        .contains("双过半"));
        assertThatThrownBy(() -> run.addEarly(f.districtAssociation(), c, honour,
                RunCampaign.EarlyReason.DECLINING_SERVICE, 999_999L, null, null))
                .as("no such passed vote of this estate").isInstanceOf(ValidationException.class);
        long early = run.addEarly(f.districtAssociation(), c, honour, RunCampaign.EarlyReason.DECLINING_SERVICE,
                null, HonourFixture.png(), "业委会报告.png");
        assertThat(store.entry(early).orElseThrow().earlyReason()).contains("管理服务水平下降").contains("书面报告");
        assertThatThrownBy(() -> run.addEarly(f.districtAssociation(), c, honour,
                RunCampaign.EarlyReason.COMPANY_CHANGED, null, null, null)).isInstanceOf(ConflictException.class);
    }

    static long entry(List<HonourStore.Entry> entries, long estate) {
        return entries.stream().filter(e -> e.honour().estateId() == estate).findFirst().orElseThrow().id();
    }
}
