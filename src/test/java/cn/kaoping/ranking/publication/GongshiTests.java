package cn.kaoping.ranking.publication;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.inspection.EstateResult;
import cn.kaoping.inspection.Period;
import cn.kaoping.inspection.RoundId;
import cn.kaoping.inspection.RoundPublished;
import cn.kaoping.organisation.EstateCategory;
import cn.kaoping.organisation.EstateListing;
import cn.kaoping.organisation.EstatePlacement;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.ranking.RankingFixture;
import cn.kaoping.ranking.RankingSummary;
import cn.kaoping.ranking.internal.RankingService;
import cn.kaoping.support.IntegrationTest;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The 公示 PDF of a graded ranking (Erqi old estates, 2053-H1): three professional estates of 河东区 at 96 (优秀),
 * 90 and 90 (良好), one basic estate of 河东区 at 72 (合格) and one professional estate of 河西区 at 65 (不合格); one
 * estate of every other street of the city and category at 50, so the city was assessed whole (issue 19).
 */
@IntegrationTest
class GongshiTests {

    static final String PDF = "/public/rankings/erqi-old-estate/2053-H1/gongshi.pdf";

    @LocalServerPort
    int port;
    @Autowired
    RankingService rankingService;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    Clock clock;

    static Map<Long, EstatePlacement> placed;
    static List<Long> hdPro;
    static long hdBasic;
    static long hxPro;
    static LocalDate published;

    Visitor visitor;

    @BeforeEach
    void publishOnce() {
        visitor = new Visitor(port);
        if (placed != null) {
            return;
        }
        List<EstateListing> hd = RankingFixture.estates(directory, "QH-HD", EstateCategory.PROFESSIONAL);
        hdPro = List.of(hd.get(0).id(), hd.get(1).id(), hd.get(2).id());
        hdBasic = RankingFixture.estates(directory, "QH-HD", EstateCategory.BASIC).get(0).id();
        hxPro = RankingFixture.estates(directory, "QH-HX", EstateCategory.PROFESSIONAL).get(0).id();
        List<EstateResult> results = new ArrayList<>();
        results.add(result(hdPro.get(0), "96", "EXCELLENT"));
        results.add(result(hdPro.get(1), "90", "GOOD"));
        results.add(result(hdPro.get(2), "90", "GOOD"));
        results.add(result(hdBasic, "72", "QUALIFIED"));
        results.add(result(hxPro, "65", "UNQUALIFIED"));
        // one estate of every other street of the city and category at 50, so the round covers the city whole
        Map<Long, BigDecimal> scored = new java.util.LinkedHashMap<>();
        results.forEach(r -> scored.put(r.estateId(), r.total()));
        RankingFixture.fillers(RankingFixture.coveringWhole(directory, "QH", scored, "50"), scored)
                .forEach(id -> results.add(result(id, "50", "UNQUALIFIED")));
        List<RankingSummary> rankings = rankingService.roundPublished(new RoundPublished(
                new RoundId(RankingFixture.nextRoundId()), 1, null, "0".repeat(64), "erqi-old-estate", 1,
                Period.parse("2053-H1"), 0, results));
        published = rankings.get(0).computedAt().atZoneSameInstant(clock.getZone()).toLocalDate();
        placed = directory.placements(results.stream().map(EstateResult::estateId).toList()).stream()
                .collect(Collectors.toMap(EstatePlacement::id, p -> p));
    }

    private static EstateResult result(long estate, String total, String grade) {
        return new EstateResult(estate, "estate " + estate, null, 0, new BigDecimal(total), grade, true);
    }

    @Test
    void aDistrictsNoticeHasTheTitleTheIssuingBodyTheDateAndTheTable() throws Exception {
        HttpResponse<byte[]> res = visitor.bytes(PDF + "?district=QH-HD&category=PROFESSIONAL");
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        String text = text(res.body());
        assertThat(text).contains("关于2053年上半年专业化住宅小区物业服务质量考评排名的公示")
                .contains("根据《").contains("河东区2053年上半年专业化住宅小区物业服务质量考评得分及排名予以公示")
                .contains("得分相同者名次相同，下一名次顺延")
                .contains("河东区房产主管部门")
                .contains(published.getYear() + "年" + published.getMonthValue() + "月" + published.getDayOfMonth() + "日")
                .contains("名次小区物业服务企业得分等次");
        assertThat(text).contains(row("1", hdPro.get(0), "96.00", "优秀"))
                .contains(row("2并列", hdPro.get(1), "90.00", "良好"))
                .contains(row("2并列", hdPro.get(2), "90.00", "良好"));
        // only the district's professional estates
        assertThat(text).doesNotContain(placed.get(hxPro).name()).doesNotContain("72.00");
    }

    @Test
    void theCitysNoticeListsEachCategoryInItsOwnTableUnderTheCitysName() throws Exception {
        String text = text(visitor.bytes(PDF).body());
        String city = placed.get(hdBasic).cityName();
        assertThat(text).contains("关于2053年上半年住宅小区物业服务质量考评排名的公示")
                .contains("一、专业化住宅小区").contains("二、保障型住宅小区")
                .contains(city + "房产主管部门")
                .contains(row("1", hdPro.get(0), "96.00", "优秀"))
                .contains(row("4", hxPro, "65.00", "不合格"))
                .contains(row("1", hdBasic, "72.00", "合格"));
        assertThat(text.indexOf("二、保障型住宅小区")).isGreaterThan(text.indexOf(placed.get(hxPro).name()));
    }

    @Test
    void theSameNoticeIsRenderedOnceAndUnknownOnesAnswerPlainly() {
        byte[] first = visitor.bytes(PDF + "?district=QH-HX").body();
        assertThat(visitor.bytes(PDF + "?district=QH-HX").body()).isEqualTo(first);
        HttpResponse<String> missing = visitor.get("/public/rankings/erqi-old-estate/2053-H2/gongshi.pdf");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("未找到该排名");
        HttpResponse<String> bad = visitor.get(PDF + "?district=QH-HD&category=GOLD");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("类别应为");
    }

    /** A table row as the text reads without white space: place, estate, company, score, grade. */
    private static String row(String place, long estate, String score, String grade) {
        EstatePlacement p = placed.get(estate);
        return (place + p.name() + (p.companyName() == null ? "-" : p.companyName()) + score + grade)
                .replaceAll("\\s+", "");
    }

    /** The document's text with all white space (line breaks inside cells and titles) taken out. */
    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
    }
}
