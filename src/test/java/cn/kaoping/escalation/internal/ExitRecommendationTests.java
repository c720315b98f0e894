package cn.kaoping.escalation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.organisation.EstateCategory;
import cn.kaoping.organisation.EstateListing;
import cn.kaoping.organisation.EstatePlacement;
import cn.kaoping.organisation.EstateRef;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.ranking.RankingFixture;
import cn.kaoping.ranking.internal.RankingService;
import cn.kaoping.support.ApiClient;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Seed 000 exit reason (2), two consecutive years in a district's bottom 3 (years 2066–2068), with the letter to the
 * owners' committee, and a reason raised by hand.
 */
@IntegrationTest
class ExitRecommendationTests {

    @LocalServerPort
    int port;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    RankingService rankingService;
    @Autowired
    JdbcClient jdbc;

    private void year(String scheme, int year, List<EstateListing> estates, int... bottom) {
        Map<Long, BigDecimal> totals = new LinkedHashMap<>();
        for (int i = 0; i < estates.size(); i++) {
            totals.put(estates.get(i).id(), new BigDecimal(80 + i));
        }
        for (int i = 0; i < bottom.length; i++) {
            totals.put(estates.get(bottom[i]).id(), new BigDecimal(50 + i));
        }
        for (int q = 1; q <= 4; q++) {
            RankingFixture.publish(rankingService, scheme, year + "-Q" + q, totals);
        }
    }

    private List<Long> exits(String scheme, EstateListing e, int year) {
        return jdbc.sql("SELECT id FROM escalation_exit WHERE trigger_key LIKE :k")
                .param("k", "daily:" + scheme + ":" + e.id() + ":%:" + year).query(Long.class).list();
    }

    private long awaitExit(String scheme, EstateListing e, int year) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> exits(scheme, e, year),
                l -> !l.isEmpty()).get(0);
    }

    @Test
    void twoConsecutiveYearsInTheBottomThreeRaiseAnExitOneYearOrTwoApartDoNot() {
        EstateRef committeeEstate = directory.firstEstateWithCommittee().orElseThrow();
        EstatePlacement placed = directory.placements(List.of(committeeEstate.id())).get(0);
        String district = directory.region(placed.districtId()).orElseThrow().code();
        String scheme = placed.category() == EstateCategory.PROFESSIONAL ? "shenyang-professional" : "shenyang-basic";
        List<EstateListing> estates = new ArrayList<>();
        RankingFixture.estates(directory, district, placed.category()).stream()
                .filter(e -> e.id() == committeeEstate.id()).forEach(estates::add);
        RankingFixture.estates(directory, district, placed.category()).stream()
                .filter(e -> e.companyId() != null && e.id() != committeeEstate.id()).limit(7).forEach(estates::add);
        assertThat(estates.get(0).companyId()).as("the committee's estate has a company").isNotNull();

        year(scheme, 2066, estates, 0, 1, 2);
        year(scheme, 2067, estates, 0, 3, 4);
        long raised = awaitExit(scheme, estates.get(0), 2067);
        assertThat(exits(scheme, estates.get(1), 2067)).as("2066 only").isEmpty();
        assertThat(exits(scheme, estates.get(2), 2067)).as("2066 only").isEmpty();
        assertThat(exits(scheme, estates.get(3), 2067)).as("2067 only").isEmpty();

        year(scheme, 2068, estates, 3, 1, 5);
        awaitExit(scheme, estates.get(3), 2068);
        assertThat(exits(scheme, estates.get(1), 2068)).as("2066 and 2068, not consecutive").isEmpty();
        assertThat(exits(scheme, estates.get(5), 2068)).isEmpty();
        assertThat(exits(scheme, estates.get(0), 2068)).as("out of the bottom 3 in 2068").isEmpty();
        assertThat(exits(scheme, estates.get(0), 2067)).as("raised once").hasSize(1);

        // the owners' committee reads the letter, with the years, places and scores
        Browserless committee = Browserless.signIn(port, "committee_member", Browserless.DEMO_PASSWORD);
        assertThat(committee.get("/escalation/letters").body()).contains("/escalation/exits/" + raised);
        String letter = committee.get("/escalation/exits/" + raised).body();
        assertThat(letter).contains("业主大会").contains("2066 年度：第").contains("2067 年度：第").contains("50");
        HttpResponse<String> pdf = committee.get("/escalation/exits/" + raised + "/letter.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).contains("pdf");
        long other = exits(scheme, estates.get(3), 2068).get(0);
        assertThat(committee.get("/escalation/exits/" + other).statusCode()).as("another estate's letter")
                .isEqualTo(404);
    }

    @Test
    void aStreetOfficerRaisesAnExitForPoorServiceWithTheFactsButNotTheAutomaticReasons() {
        String path = directory.regionByCode("QH-HD-DF").orElseThrow().path();
        EstateListing estate = directory.estatesUnder(path, null, null, false).stream()
                .filter(e -> e.companyId() != null).findFirst().orElseThrow();
        ApiClient officer = ApiClient.as(port, "street_df", Browserless.DEMO_PASSWORD);
        HttpResponse<String> automatic = officer.send("POST", "/api/v1/escalation/exits",
                "{\"estateId\": %d, \"reason\": \"DAILY_BOTTOM_TWO_YEARS\", \"facts\": \"x\"}".formatted(estate.id()));
        assertThat(automatic.statusCode()).isEqualTo(400);
        assertThat(automatic.body()).contains("reason");
        HttpResponse<String> noFacts = officer.send("POST", "/api/v1/escalation/exits",
                "{\"estateId\": %d, \"reason\": \"POOR_SERVICE\"}".formatted(estate.id()));
        assertThat(noFacts.statusCode()).isEqualTo(400);
        assertThat(noFacts.body()).contains("facts");
        HttpResponse<String> raised = officer.send("POST", "/api/v1/escalation/exits",
                "{\"estateId\": %d, \"reason\": \"POOR_SERVICE\", \"facts\": \"2066年以来业主投诉 120 件，电梯停运 30 天\"}"
                        .formatted(estate.id()));
        assertThat(raised.statusCode()).as(raised.body()).isEqualTo(201);
        assertThat(raised.body()).contains("电梯停运 30 天").contains(estate.name());
        assertThat(ApiClient.as(port, "street_xh", Browserless.DEMO_PASSWORD).send("POST", "/api/v1/escalation/exits",
                "{\"estateId\": %d, \"reason\": \"POOR_SERVICE\", \"facts\": \"x\"}".formatted(estate.id()))
                .statusCode()).as("another district's estate").isEqualTo(404);
    }
}
