package cn.kaoping.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.organisation.EstateCategory;
import cn.kaoping.organisation.EstateListing;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.ranking.internal.RankingService;
import cn.kaoping.support.IntegrationTest;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Rankings computed from published totals over the demo city's estates (years 2041–2050 belong to this class). */
@IntegrationTest
@RecordApplicationEvents
class RankingComputationTests {

    @Autowired
    RankingService service;
    @Autowired
    Rankings rankings;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    ApplicationEvents events;

    private static final String PRO = "shenyang-professional";

    private List<EstateListing> hedong(EstateCategory category) {
        return RankingFixture.estates(directory, "QH-HD", category);
    }

    private static Map<Long, BigDecimal> totals(List<EstateListing> estates, String... scores) {
        Map<Long, BigDecimal> totals = new LinkedHashMap<>();
        for (int i = 0; i < scores.length; i++) {
            totals.put(estates.get(i).id(), new BigDecimal(scores[i]));
        }
        return totals;
    }

    @Test
    void equalScoresShareAPlaceAndTheNextPlaceIsSkipped() {
        List<EstateListing> pro = hedong(EstateCategory.PROFESSIONAL);
        RankingFixture.publish(service, PRO, "2041-Q1", totals(pro, "90", "85.5", "85.50", "80"));
        RankingSummary ranking = rankings.find(PRO, "2041-Q1").orElseThrow();
        long district = directory.regionByCode("QH-HD").orElseThrow().id();

        List<RankingEntry> entries = rankings.entries(ranking.id(), EntryFilter.district(district, "PROFESSIONAL"));
        assertThat(entries).extracting(RankingEntry::rankDistrict).containsExactly(1, 2, 2, 4);
        assertThat(entries).extracting(RankingEntry::tiedDistrict).containsExactly(false, true, true, false);
        assertThat(entries).allMatch(e -> e.peersDistrict() == 4);
        assertThat(entries.get(0).estateName()).isEqualTo(pro.get(0).name()).as("names come from the registry");
        assertThat(entries.get(0).districtName()).isEqualTo("河东区");
        assertThat(ranking.kind()).isEqualTo(PeriodKind.ROUND);
        assertThat(ranking.complete()).isTrue();
    }

    @Test
    void professionalAndBasicEstatesAreRankedApart() {
        List<EstateListing> pro = hedong(EstateCategory.PROFESSIONAL);
        List<EstateListing> basic = hedong(EstateCategory.BASIC);
        // the whole city is assessed (city places need it): 50 points everywhere but the four estates compared
        Map<Long, BigDecimal> all = new LinkedHashMap<>();
        List<EstateListing> cityPro = RankingFixture.estates(directory, "QH", EstateCategory.PROFESSIONAL);
        cityPro.forEach(e -> all.put(e.id(), new BigDecimal("50")));
        RankingFixture.estates(directory, "QH", EstateCategory.BASIC).forEach(e -> all.put(e.id(), new BigDecimal("50")));
        all.putAll(totals(pro, "80", "70"));
        all.putAll(totals(basic, "60", "95"));
        RankingFixture.publish(service, PRO, "2042-Q1", all);
        RankingSummary ranking = rankings.find(PRO, "2042-Q1").orElseThrow();

        RankingEntry bestBasic = rankings.entry(ranking.id(), basic.get(1).id()).orElseThrow();
        RankingEntry bestPro = rankings.entry(ranking.id(), pro.get(0).id()).orElseThrow();
        assertThat(bestBasic.rankCity()).isEqualTo(1);
        assertThat(bestPro.rankCity()).as("the basic estate's 95 does not push it down").isEqualTo(1);
        assertThat(rankings.entry(ranking.id(), basic.get(0).id()).orElseThrow().rankDistrict()).isEqualTo(2);
        assertThat(bestPro.peersCity()).isEqualTo(cityPro.size());
    }

    @Test
    void aHalfYearNamesTheMissingQuarterAndLeavesThatEstateUnranked() {
        List<EstateListing> pro = hedong(EstateCategory.PROFESSIONAL);
        Map<Long, BigDecimal> q1 = totals(pro, "80", "90", "70");
        q1.put(pro.get(4).id(), new BigDecimal("60")); // 河东区's three streets are each assessed in both quarters
        RankingFixture.publish(service, PRO, "2043-Q1", q1);
        List<RankingSummary> afterQ1 = rankings.list(PRO, null).stream().filter(r -> r.period().startsWith("2043"))
                .toList();
        assertThat(afterQ1).extracting(RankingSummary::period).containsExactlyInAnyOrder("2043-Q1", "2043-H1", "2043");
        RankingSummary h1Partial = rankings.find(PRO, "2043-H1").orElseThrow();
        assertThat(h1Partial.complete()).isFalse();
        assertThat(h1Partial.missingPeriods()).containsExactly("2043-Q2");

        // Q2: the second estate was not assessed
        Map<Long, BigDecimal> q2 = totals(pro, "90");
        q2.put(pro.get(2).id(), new BigDecimal("75"));
        q2.put(pro.get(4).id(), new BigDecimal("60"));
        RankingFixture.publish(service, PRO, "2043-Q2", q2);

        RankingSummary h1 = rankings.find(PRO, "2043-H1").orElseThrow();
        assertThat(h1.kind()).isEqualTo(PeriodKind.HALF_YEAR);
        assertThat(h1.complete()).isTrue();
        assertThat(h1.method()).isEqualTo("mean-of-all-quarters");
        RankingEntry first = rankings.entry(h1.id(), pro.get(0).id()).orElseThrow();
        assertThat(first.score()).isEqualByComparingTo("85.00");
        assertThat(first.periodsUsed()).containsExactly("2043-Q1", "2043-Q2");
        RankingEntry second = rankings.entry(h1.id(), pro.get(1).id()).orElseThrow();
        assertThat(second.ranked()).isFalse();
        assertThat(second.rankDistrict()).isNull();
        assertThat(second.periodsMissing()).containsExactly("2043-Q2");
        RankingEntry third = rankings.entry(h1.id(), pro.get(2).id()).orElseThrow();
        assertThat(third.score()).isEqualByComparingTo("72.50");
        assertThat(third.rankDistrict()).isEqualTo(2).as("the unranked estate takes no place");

        RankingSummary year = rankings.find(PRO, "2043").orElseThrow();
        assertThat(year.complete()).isFalse();
        assertThat(year.missingPeriods()).containsExactly("2043-Q3", "2043-Q4");
    }

    @Test
    void bottomAndTopListsAreAnnouncedOncePerChangeAndOnlyForCompleteRankings() {
        List<EstateListing> pro = hedong(EstateCategory.PROFESSIONAL);
        assertThat(pro.size()).isGreaterThan(12);
        Map<Long, BigDecimal> scores = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            scores.put(pro.get(i).id(), BigDecimal.valueOf(70 + i)); // 70 … 81, the first estate is the worst
        }
        scores.put(pro.get(11).id(), new BigDecimal("72")); // ties with the third worst
        long round = RankingFixture.nextRoundId();
        RankingFixture.publish(service, round, 1, null, PRO, "2044-Q1", scores);

        List<BottomRanked> bottoms = events.stream(BottomRanked.class).filter(e -> e.period().equals("2044-Q1"))
                .toList();
        assertThat(bottoms).hasSize(1).as("one district and category");
        BottomRanked bottom = bottoms.get(0);
        assertThat(bottom.n()).isEqualTo(10);
        assertThat(bottom.category()).isEqualTo("PROFESSIONAL");
        assertThat(bottom.estates()).hasSize(10);
        assertThat(bottom.estates().get(0).estateId()).isEqualTo(pro.get(0).id());
        assertThat(bottom.estates().get(0).rank()).isEqualTo(12);
        assertThat(events.stream(TopRanked.class).filter(e -> e.period().equals("2044-Q1"))).hasSize(1);
        assertThat(events.stream(BottomRanked.class).filter(e -> e.period().startsWith("2044-H")
                || e.period().equals("2044"))).as("aggregates wait for their quarters").isEmpty();

        // the same result again announces nothing; a correction that changes the list announces it again
        RankingFixture.publish(service, round, 1, null, PRO, "2044-Q1", scores);
        assertThat(events.stream(BottomRanked.class).filter(e -> e.period().equals("2044-Q1"))).hasSize(1);
        scores.put(pro.get(0).id(), new BigDecimal("99"));
        RankingFixture.publish(service, round, 2, "复核后更正第1项扣分", PRO, "2044-Q1", scores);
        List<BottomRanked> after = events.stream(BottomRanked.class).filter(e -> e.period().equals("2044-Q1"))
                .toList();
        assertThat(after).hasSize(2);
        assertThat(after.get(1).estates()).extracting(ListedEstate::estateId).doesNotContain(pro.get(0).id());

        RankingSummary corrected = rankings.find(PRO, "2044-Q1").orElseThrow();
        assertThat(corrected.revision()).isEqualTo(2);
        assertThat(corrected.correction()).isEqualTo("复核后更正第1项扣分");
        assertThat(rankings.entry(corrected.id(), pro.get(0).id()).orElseThrow().rankDistrict()).isEqualTo(1);
    }

    @Test
    void companiesAreRankedByTheMeanOfTheirEstatesAndStreetsAveraged() {
        List<EstateListing> pro = hedong(EstateCategory.PROFESSIONAL);
        Map<Long, BigDecimal> scores = new LinkedHashMap<>();
        for (int i = 0; i < pro.size(); i++) {
            scores.put(pro.get(i).id(), BigDecimal.valueOf(60 + (i * 7) % 40));
        }
        RankingFixture.publish(service, PRO, "2045-Q1", scores);
        RankingSummary ranking = rankings.find(PRO, "2045-Q1").orElseThrow();
        List<RankingEntry> entries = rankings.entries(ranking.id(), EntryFilter.all());

        List<CompanyStanding> companies = rankings.companies(ranking.id(), EntryFilter.all());
        assertThat(companies).isNotEmpty();
        CompanyStanding best = companies.get(0);
        BigDecimal expected = entries.stream().filter(e -> best.companyId() == e.companyId())
                .map(RankingEntry::score).reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(best.estates()), 2, java.math.RoundingMode.HALF_UP);
        assertThat(best.average()).isEqualByComparingTo(expected);
        assertThat(best.rank()).isEqualTo(1);
        assertThat(companies).isSortedAccordingTo((a, b) -> b.average().compareTo(a.average()));

        List<StreetAverage> streets = rankings.streets(ranking.id(), EntryFilter.all());
        StreetAverage street = streets.get(0);
        List<BigDecimal> ofStreet = entries.stream().filter(e -> e.streetId() == street.streetId())
                .map(RankingEntry::score).toList();
        assertThat(street.estates()).isEqualTo(ofStreet.size());
        assertThat(street.average()).isEqualByComparingTo(ofStreet.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(ofStreet.size()), 2, java.math.RoundingMode.HALF_UP));
        assertThat(streets).isSortedAccordingTo((a, b) -> b.average().compareTo(a.average()));
        assertThat(streets.stream().mapToInt(StreetAverage::estates).sum()).isEqualTo(pro.size());
    }

    @Test
    void theDemoCityShows2025RankedWithTheEstatesThatMissedAQuarterNamed() {
        RankingSummary year = rankings.find("shenyang-professional", "2025").orElseThrow();
        assertThat(year.kind()).isEqualTo(PeriodKind.YEAR);
        assertThat(year.complete()).isTrue();
        assertThat(year.scope()).as("the demo rounds cover the whole city").isEqualTo(RankingScope.CITY);
        assertThat(year.scopeComplete()).isTrue();
        assertThat(rankings.coverage(year.id())).hasSize(4).allMatch(RegionCoverage::complete);
        List<RankingEntry> entries = rankings.entries(year.id(), EntryFilter.all());
        assertThat(entries).filteredOn(RankingEntry::ranked)
                .allMatch(e -> e.rankCity() != null && e.rankDistrict() != null && e.rankStreet() != null);
        assertThat(entries).extracting(RankingEntry::category).containsOnly("PROFESSIONAL");
        assertThat(entries).filteredOn(e -> !e.ranked()).isNotEmpty()
                .allMatch(e -> e.periodsMissing().equals(List.of("2025-Q3")));
        assertThat(rankings.find("shenyang-basic", "2025-H2")).isPresent();
    }
}
