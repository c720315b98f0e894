package cn.kaoping.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.organisation.EstateCategory;
import cn.kaoping.organisation.EstateListing;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.ranking.internal.RankingService;
import cn.kaoping.support.IntegrationTest;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Issue 19, rankings at the scope assessed (years 2081–2085 belong to this class): a street round ranks its street,
 * street rounds that together cover a district make a district ranking, and only a district covered whole has a
 * bottom list.
 */
@IntegrationTest
@RecordApplicationEvents
class RankingScopeTests {

    private static final String PRO = "shenyang-professional";

    @Autowired
    RankingService service;
    @Autowired
    Rankings rankings;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    ApplicationEvents events;
    @LocalServerPort
    int port;

    private List<EstateListing> street(String code) {
        return RankingFixture.street(directory, code, EstateCategory.PROFESSIONAL);
    }

    private static Map<Long, BigDecimal> scores(List<EstateListing> estates, int from) {
        Map<Long, BigDecimal> totals = new LinkedHashMap<>();
        for (int i = 0; i < estates.size(); i++) {
            totals.put(estates.get(i).id(), BigDecimal.valueOf(from - i));
        }
        return totals;
    }

    private long bottomLists(String period) {
        return events.stream(BottomRanked.class).filter(e -> e.period().equals(period)).count();
    }

    private long topLists(String period) {
        return events.stream(TopRanked.class).filter(e -> e.period().equals(period)).count();
    }

    @Test
    void aOneStreetRoundPublishesAStreetRankingAndNoListsForNotices() {
        List<EstateListing> dongfeng = street("QH-HD-DF");
        assertThat(dongfeng.size()).isGreaterThan(2);
        RankingFixture.publish(service, PRO, "2081-Q1", scores(dongfeng, 90));

        RankingSummary ranking = rankings.find(PRO, "2081-Q1").orElseThrow();
        assertThat(ranking.scope()).isEqualTo(RankingScope.STREET);
        assertThat(ranking.scopeName()).isEqualTo("东风街道");
        assertThat(ranking.scopeComplete()).isTrue();
        List<RankingEntry> entries = rankings.entries(ranking.id(), EntryFilter.all());
        assertThat(entries).extracting(RankingEntry::rankStreet).startsWith(1, 2, 3);
        assertThat(entries).allMatch(e -> e.rankCity() == null && e.rankDistrict() == null)
                .as("no place in a district or city the round did not cover");
        assertThat(rankings.view(ranking.id(), EntryFilter.all()).places()).isEqualTo(RankingScope.STREET);
        assertThat(bottomLists("2081-Q1")).isZero();
        assertThat(topLists("2081-Q1")).isZero();
        assertThat(rankings.bottom(ranking.id(), dongfeng.get(0).streetId(), "PROFESSIONAL")).isEmpty();

        // the public page, the open data and the index say 东风街道 街道排名, never 全市
        String page = get("/public/rankings/" + PRO + "/2081-Q1");
        assertThat(page).contains("东风街道").contains("街道排名").contains("街道第 1 名")
                .doesNotContain("全市排名").doesNotContain("全市第").doesNotContain("区内第");
        String json = get("/open-data/rankings/" + PRO + "/2081-Q1.json");
        assertThat(json).contains("\"scope\":\"STREET\"").contains("\"scopeName\":\"东风街道\"")
                .contains("\"placeCity\":null");
        assertThat(get("/public/rankings/" + PRO)).contains("东风街道 街道排名");
    }

    private String get(String path) {
        try {
            HttpResponse<String> res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(res.statusCode()).as(path).isEqualTo(200);
            return res.body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void streetRoundsCoveringTheWholeDistrictCombineIntoADistrictRankingAndOnlyThenListTheBottomN() {
        List<EstateListing> dongfeng = street("QH-HD-DF");
        List<EstateListing> chaoyang = street("QH-HD-CY");
        List<EstateListing> guangming = street("QH-HD-GM");
        long hedong = directory.regionByCode("QH-HD").orElseThrow().id();

        // 东风 and 朝阳 first: 河东区 is still missing 光明街道
        Map<Long, BigDecimal> first = scores(dongfeng, 70);
        first.putAll(scores(chaoyang, 60));
        RankingFixture.publish(service, PRO, "2082-Q1", first);
        RankingSummary partial = rankings.find(PRO, "2082-Q1").orElseThrow();
        assertThat(partial.scope()).isEqualTo(RankingScope.DISTRICT);
        assertThat(partial.scopeName()).isEqualTo("河东区");
        assertThat(partial.scopeComplete()).isFalse();
        assertThat(partial.missingStreets()).containsExactly("光明街道");
        ScopeView view = rankings.view(partial.id(), EntryFilter.district(hedong, null));
        assertThat(view.complete()).isFalse();
        assertThat(view.places()).isEqualTo(RankingScope.STREET);
        assertThat(rankings.entries(partial.id(), EntryFilter.all())).allMatch(e -> e.rankDistrict() == null);
        assertThat(bottomLists("2082-Q1")).as("no bottom list from a district missing a street").isZero();
        assertThat(get("/public/rankings/" + PRO + "/2082-Q1")).contains("河东区").contains("区内排名")
                .contains("不完整").contains("尚缺：光明街道").doesNotContain("区内第").doesNotContain("全市第");

        // 光明 completes the district: places 1, 2, 2, 4 over all three streets
        Map<Long, BigDecimal> second = scores(guangming, 50);
        second.put(guangming.get(0).id(), new BigDecimal("99"));
        second.put(guangming.get(1).id(), new BigDecimal("98.5"));
        second.put(guangming.get(2).id(), new BigDecimal("98.50"));
        second.put(guangming.get(3).id(), new BigDecimal("97"));
        RankingFixture.publish(service, PRO, "2082-Q1", second);
        RankingSummary whole = rankings.find(PRO, "2082-Q1").orElseThrow();
        assertThat(whole.scope()).isEqualTo(RankingScope.DISTRICT);
        assertThat(whole.scopeComplete()).isTrue();
        assertThat(whole.missingStreets()).isEmpty();
        List<RankingEntry> district = rankings.entries(whole.id(), EntryFilter.district(hedong, "PROFESSIONAL"));
        int size = dongfeng.size() + chaoyang.size() + guangming.size();
        assertThat(district).hasSize(size);
        assertThat(district).extracting(RankingEntry::rankDistrict).startsWith(1, 2, 2, 4);
        assertThat(district).allMatch(e -> e.peersDistrict() == size && e.rankCity() == null);

        List<BottomRanked> bottoms = events.stream(BottomRanked.class).filter(e -> e.period().equals("2082-Q1"))
                .toList();
        assertThat(bottoms).hasSize(1);
        BottomRanked bottom = bottoms.get(0);
        assertThat(bottom.districtName()).isEqualTo("河东区");
        assertThat(bottom.estates()).hasSizeLessThanOrEqualTo(bottom.n())
                .allMatch(l -> l.rank() > size - bottom.n()).as("every listed estate is within the bottom N");
        assertThat(topLists("2082-Q1")).isEqualTo(1);
        events.stream(TopRanked.class).filter(e -> e.period().equals("2082-Q1")).forEach(t ->
                assertThat(t.estates()).hasSizeLessThanOrEqualTo(t.n()).allMatch(l -> l.rank() <= t.n()));
    }

    @Test
    void aTieAcrossTheBoundaryOfTheBottomTenIsLeftOutSoTheListNeverHoldsMoreThanTen() {
        long hedong = directory.regionByCode("QH-HD").orElseThrow().id();
        List<EstateListing> all = RankingFixture.estates(directory, "QH-HD", EstateCategory.PROFESSIONAL);
        Map<Long, BigDecimal> totals = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            totals.put(all.get(i).id(), BigDecimal.valueOf(100 - i)); // the last estate is the worst
        }
        int size = all.size();
        // the 10th- and 11th-worst share a score: neither fits a bottom 10 alone
        totals.put(all.get(size - 11).id(), totals.get(all.get(size - 10).id()));
        RankingFixture.publish(service, PRO, "2083-Q1", totals);

        BottomRanked bottom = events.stream(BottomRanked.class).filter(e -> e.period().equals("2083-Q1"))
                .findFirst().orElseThrow();
        assertThat(bottom.estates()).hasSize(9);
        assertThat(bottom.estates()).extracting(ListedEstate::estateId)
                .doesNotContain(all.get(size - 10).id(), all.get(size - 11).id());
        RankingSummary ranking = rankings.find(PRO, "2083-Q1").orElseThrow();
        assertThat(rankings.bottom(ranking.id(), hedong, "PROFESSIONAL")).hasSize(9);
    }
}
