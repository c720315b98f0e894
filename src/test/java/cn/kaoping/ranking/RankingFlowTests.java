package cn.kaoping.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.inspection.RoundFixture;
import cn.kaoping.organisation.EstateCategory;
import cn.kaoping.organisation.EstateListing;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.ranking.internal.RankingService;
import cn.kaoping.support.ApiClient;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import cn.kaoping.survey.EstateSatisfaction;
import cn.kaoping.survey.SatisfactionFormula;
import cn.kaoping.survey.SurveyClosed;
import cn.kaoping.survey.SurveyId;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Rankings fed by the other modules' events: a real round published through the API, a closed survey (2048–2050). */
@IntegrationTest
class RankingFlowTests {

    @LocalServerPort
    int port;
    @Autowired
    Rankings rankings;
    @Autowired
    RankingService service;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    cn.kaoping.inspection.PublishedResults results;

    private ApiClient admin() {
        return ApiClient.as(port, "hedong_admin", Browserless.DEMO_PASSWORD);
    }

    private ApiClient officer() {
        return ApiClient.as(port, "street_df", Browserless.DEMO_PASSWORD);
    }

    private static void ok(HttpResponse<String> res) {
        assertThat(res.statusCode()).as(res.body()).isBetween(200, 201);
    }

    @Test
    void aPublishedRoundBecomesARankingWithGradesWithoutAnyoneAskingForIt() {
        long street = directory.regionByCode("QH-HD-DF").orElseThrow().id();
        HttpResponse<String> created = admin().send("POST", "/api/v1/rounds", """
                {"name": "东风街道2048年上半年考核", "schemeCode": "erqi-old-estate", "schemeVersion": 1,
                 "period": "2048-H1", "streetId": %d, "oldEstatesOnly": false, "inspectionDue": "2048-07-15",
                 "reviewDue": "2048-07-31", "publicityDays": 0, "confirmOverlap": true}""".formatted(street));
        ok(created);
        long round = RoundFixture.json(created).get("id").asLong();
        ok(admin().send("POST", "/api/v1/rounds/" + round + "/open", null));
        List<Long> tasks = RoundFixture.inspections(officer(), round);
        long first = tasks.get(0);
        ok(officer().send("PUT", "/api/v1/inspections/" + first + "/findings", "[{\"rule\": \"10.a\", \"count\": 4}]"));
        for (long t : tasks) {
            ok(officer().send("POST", "/api/v1/inspections/" + t + "/submit", null));
            ok(admin().send("POST", "/api/v1/inspections/" + t + "/accept", null));
        }
        ok(admin().send("POST", "/api/v1/rounds/" + round + "/publicity", null));
        assertThat(rankings.find("erqi-old-estate", "2048-H1")).as("nothing before publication").isEmpty();
        ok(admin().send("POST", "/api/v1/rounds/" + round + "/publish", null));

        RankingSummary ranking = Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> rankings.find("erqi-old-estate", "2048-H1"), java.util.Optional::isPresent).orElseThrow();
        assertThat(ranking.estates()).isEqualTo(tasks.size());
        List<RankingEntry> entries = rankings.entries(ranking.id(), EntryFilter.all());
        assertThat(entries).allMatch(e -> e.gradeLabel() != null && e.ranked());
        RankingEntry last = entries.get(entries.size() - 1); // the estate with four 10.a findings
        cn.kaoping.inspection.EstateResult published = results.latest(new cn.kaoping.inspection.RoundId(round))
                .orElseThrow().results().stream().filter(r -> r.estateId() == last.estateId()).findFirst()
                .orElseThrow();
        assertThat(last.score()).isEqualByComparingTo(published.total()).isLessThan(entries.get(0).score());
        assertThat(last.streetName()).isEqualTo("东风街道");
        assertThat(last.rankStreet()).as("last of its category in the street, the others share first place")
                .isEqualTo(last.peersStreet());
        assertThat(entries.get(0).rankStreet()).isEqualTo(1);
        assertThat(entries.get(0).tiedStreet()).isTrue();
    }

    @Test
    void aClosedSurveyPutsSatisfactionBesideTheScoreAndSaysWhenTooFewAnswered() {
        List<EstateListing> pro = RankingFixture.estates(directory, "QH-HD", EstateCategory.PROFESSIONAL);
        Map<Long, BigDecimal> totals = new LinkedHashMap<>();
        totals.put(pro.get(0).id(), new BigDecimal("90"));
        totals.put(pro.get(1).id(), new BigDecimal("80"));
        totals.put(pro.get(2).id(), new BigDecimal("70")); // the third of 河东区's streets: the district is whole
        RankingFixture.publish(service, "shenyang-professional", "2049-Q1", totals);

        List<EstateSatisfaction> results = List.of(
                satisfaction(pro.get(0), 100, 45, "91.50", true),
                satisfaction(pro.get(1), 100, 12, "70.00", false));
        service.surveyClosed(new SurveyClosed(new SurveyId(RankingFixture.nextRoundId()), "2049年第一季度满意度调查",
                "shenyang-professional", "shenyang-professional", null, LocalDate.of(2049, 2, 1),
                LocalDate.of(2049, 3, 15), Instant.parse("2049-03-16T02:00:00Z"), results));

        RankingSummary ranking = rankings.find("shenyang-professional", "2049-Q1").orElseThrow();
        RankingEntry first = rankings.entry(ranking.id(), pro.get(0).id()).orElseThrow();
        assertThat(first.satisfaction()).isEqualByComparingTo("91.50");
        assertThat(first.satisfactionValid()).isTrue();
        RankingEntry second = rankings.entry(ranking.id(), pro.get(1).id()).orElseThrow();
        assertThat(second.satisfactionValid()).isFalse();
        assertThat(second.rankDistrict()).as("satisfaction stands beside the score, it does not move places")
                .isEqualTo(2);
        assertThat(rankings.entry(rankings.find("shenyang-professional", "2049-H1").orElseThrow().id(),
                pro.get(0).id()).orElseThrow().satisfaction()).isEqualByComparingTo("91.50");
    }

    private static EstateSatisfaction satisfaction(EstateListing e, int households, int respondents, String score,
                                                   boolean valid) {
        BigDecimal participation = BigDecimal.valueOf(respondents).divide(BigDecimal.valueOf(households));
        return new EstateSatisfaction(e.id(), e.name(), households, respondents, 0, 0, participation,
                new BigDecimal("0.30"), valid, SatisfactionFormula.values()[0], new BigDecimal(score),
                new BigDecimal(score).movePointLeft(2), null, null);
    }
}
