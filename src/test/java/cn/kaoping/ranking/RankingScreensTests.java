package cn.kaoping.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.organisation.EstateCategory;
import cn.kaoping.organisation.EstateListing;
import cn.kaoping.organisation.EstateRef;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.ranking.internal.Letters;
import cn.kaoping.ranking.internal.RankingService;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The staff's ranking screens and the owners' committees' letters, with their scopes (years 2046–2048). */
@IntegrationTest
class RankingScreensTests {

    private static final String PRO = "shenyang-professional";

    @LocalServerPort
    int port;
    @Autowired
    RankingService service;
    @Autowired
    Rankings rankings;
    @Autowired
    Letters letters;
    @Autowired
    OrganisationDirectory directory;

    private Browserless as(String user) {
        return Browserless.signIn(port, user, Browserless.DEMO_PASSWORD);
    }

    /** A ranking over all professional estates of 河东 and 河西 with distinct totals. */
    private RankingSummary cityRanking(String period) {
        Map<Long, BigDecimal> totals = new LinkedHashMap<>();
        int i = 0;
        for (String district : List.of("QH-HD", "QH-HX")) {
            for (EstateListing e : RankingFixture.estates(directory, district, EstateCategory.PROFESSIONAL)) {
                totals.put(e.id(), BigDecimal.valueOf(6000 + (i++ * 37) % 3900, 2));
            }
        }
        RankingFixture.publish(service, PRO, period, totals);
        return rankings.find(PRO, period).orElseThrow();
    }

    @Test
    void aDistrictSeesItsOwnEstatesWithTheirPlacesAndAnotherDistrictsNone() {
        RankingSummary ranking = cityRanking("2046-Q1");
        EstateListing hedongEstate = RankingFixture.estates(directory, "QH-HD", EstateCategory.PROFESSIONAL).get(0);
        EstateListing hexiEstate = RankingFixture.estates(directory, "QH-HX", EstateCategory.PROFESSIONAL).get(0);

        String hedong = as("hedong_admin").get("/rankings/" + ranking.id() + "?q=" + Browserless.enc(hedongEstate.name()))
                .body();
        assertThat(hedong).contains("data-estate=\"" + hedongEstate.id() + "\"");
        assertThat(as("hedong_admin").get("/rankings/" + ranking.id() + "?q=" + Browserless.enc(hexiEstate.name()))
                .body()).doesNotContain("data-estate=\"" + hexiEstate.id() + "\"");
        assertThat(hedong).contains("得分相同者名次相同");
        String hexi = as("hexi_admin").get("/rankings/" + ranking.id() + "?q=" + Browserless.enc(hedongEstate.name()))
                .body();
        assertThat(hexi).doesNotContain("data-estate=\"" + hedongEstate.id() + "\"").contains("没有符合条件的小区");
        assertThat(as("street_xh").get("/rankings/" + ranking.id() + "?q=" + Browserless.enc(hedongEstate.name())).body())
                .doesNotContain("data-estate=\"" + hedongEstate.id() + "\"");

        RankingEntry entry = rankings.entry(ranking.id(), hedongEstate.id()).orElseThrow();
        String filtered = as("city_admin").get("/rankings/" + ranking.id() + "?district=" + entry.districtId()
                + "&q=" + Browserless.enc(hedongEstate.name())).body();
        assertThat(filtered).contains("名次为区内名次").contains("第 " + entry.rankDistrict() + " 名 / 共 "
                + entry.peersDistrict() + " 个");
        assertThat(as("city_admin").get("/rankings").body()).contains("/rankings/" + ranking.id());
    }

    @Test
    void theApiNarrowsEntriesToTheCallersRegionOrCompany() {
        RankingSummary ranking = cityRanking("2046-Q3");
        long hedong = directory.regionByCode("QH-HD").orElseThrow().id();
        String hexi = cn.kaoping.support.ApiClient.as(port, "hexi_admin", Browserless.DEMO_PASSWORD)
                .get("/api/v1/rankings/" + ranking.id() + "/entries?size=200").body();
        assertThat(hexi).contains("河西区").doesNotContain("\"districtId\":" + hedong + ",");
        String city = cn.kaoping.support.ApiClient.as(port, "city_admin", Browserless.DEMO_PASSWORD)
                .get("/api/v1/rankings/" + ranking.id() + "/entries?size=200&district=" + hedong).body();
        assertThat(city).contains("河东区").contains("\"rankDistrict\":1,");
        long own = directory.firstCompanyId().orElseThrow();
        var company = cn.kaoping.support.ApiClient.as(port, "company_user", Browserless.DEMO_PASSWORD);
        String entries = company.get("/api/v1/rankings/" + ranking.id() + "/entries?size=200").body();
        assertThat(entries).contains("\"companyId\":" + own).doesNotContainPattern("\"companyId\":(?!" + own + ",)\\d+");
        assertThat(company.get("/api/v1/rankings/" + ranking.id() + "/streets").statusCode()).isEqualTo(404);
        assertThat(cn.kaoping.support.ApiClient.as(port, "committee_member", Browserless.DEMO_PASSWORD)
                .get("/api/v1/rankings").statusCode()).isEqualTo(404);
    }

    @Test
    void aCompanySeesOnlyItsOwnResultsAndItsPlaceAmongCompanies() {
        RankingSummary ranking = cityRanking("2046-Q2");
        long own = directory.firstCompanyId().orElseThrow();
        Browserless company = as("company_user");
        String page = company.get("/rankings/companies/" + own + "?ranking=" + ranking.id()).body();
        List<RankingEntry> ownEntries = rankings.entries(ranking.id(), new EntryFilter(null, null, null, own, null, null));
        assertThat(ownEntries).isNotEmpty();
        assertThat(page).contains(ownEntries.get(0).estateName()).contains("在物业服务企业中列第");

        RankingEntry other = rankings.entries(ranking.id(), EntryFilter.all()).stream()
                .filter(e -> e.companyId() != null && e.companyId() != own).findFirst().orElseThrow();
        assertThat(company.get("/rankings/companies/" + other.companyId()).statusCode()).isEqualTo(404);
        assertThat(company.get("/rankings/" + ranking.id() + "?q=" + Browserless.enc(other.estateName())).body())
                .doesNotContain("data-estate=\"" + other.estateId() + "\"");
    }

    @Test
    void theOwnersCommitteeReadsItsLetterAndPrintsIt() throws Exception {
        EstateRef estate = directory.firstEstateWithCommittee().orElseThrow();
        List<EstateListing> peers = directory.estatesUnder(estate.regionPath().substring(0,
                estate.regionPath().indexOf('/', estate.regionPath().indexOf('/', 1) + 1) + 1), null,
                estate.category(), false);
        Map<Long, BigDecimal> totals = new LinkedHashMap<>();
        for (int i = 0; i < peers.size(); i++) {
            totals.put(peers.get(i).id(), BigDecimal.valueOf(70 + i % 25));
        }
        totals.put(estate.id(), new BigDecimal("88.25"));
        RankingFixture.publish(service, PRO, "2047-Q1", totals);
        RankingSummary ranking = rankings.find(PRO, "2047-Q1").orElseThrow();
        RankingEntry entry = rankings.entry(ranking.id(), estate.id()).orElseThrow();

        Browserless committee = as("committee_member");
        String inbox = committee.get("/rankings/inbox").body();
        assertThat(inbox).contains("2047-Q1").contains("本小区得分 88.25");
        assertThat(committee.get("/rankings").statusCode()).as("redirected to the inbox").isIn(200, 302);

        String letter = committee.get("/rankings/" + ranking.id() + "/letter").body();
        assertThat(letter).contains(estate.name() + " 业主委员会").contains("88.25")
                .contains("第 " + entry.rankDistrict() + " 名（共 " + entry.peersDistrict() + " 个）")
                .contains("排名前 10 名").contains("排名后 10 名").contains(entry.streetName() + "办事处");
        assertThat(letters.inbox(estate.id()).stream().filter(l -> l.ranking().id() == ranking.id()).findFirst()
                .orElseThrow().read()).isTrue();

        HttpResponse<String> pdf = committee.get("/rankings/" + ranking.id() + "/letter.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).contains("application/pdf");
        byte[] bytes = letters.pdf(letters.content(ranking.id(), estate.id()).orElseThrow());
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text).contains("业主委员会").contains("88.25").contains(entry.streetName() + "办事处");
        }

        // another estate's letter is not the committee's to read; staff outside the district cannot open it either
        long other = peers.stream().filter(p -> p.id() != estate.id()).findFirst().orElseThrow().id();
        assertThat(committee.get("/rankings/" + ranking.id() + "/letter?estate=" + other).statusCode()).isEqualTo(404);
        String hexi = entry.districtName().equals("河西区") ? "hedong_admin" : "hexi_admin";
        assertThat(as(hexi).get("/rankings/" + ranking.id() + "/letter?estate=" + estate.id()).statusCode())
                .isEqualTo(404);
        assertThat(as("city_admin").get("/rankings/" + ranking.id() + "/letter?estate=" + estate.id()).body())
                .contains(estate.name() + " 业主委员会");
    }
}
