package cn.kaoping.ranking.publication;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.organisation.EstateCategory;
import cn.kaoping.organisation.EstateListing;
import cn.kaoping.organisation.EstatePlacement;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.ranking.RankingEntry;
import cn.kaoping.ranking.RankingFixture;
import cn.kaoping.ranking.RankingSummary;
import cn.kaoping.ranking.Rankings;
import cn.kaoping.ranking.internal.RankingService;
import cn.kaoping.support.IntegrationTest;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public ranking page of Shenyang's professional scheme, 2051-Q1, read without login: professional estates of
 * 河东区 (QH-HD) and 河西区 (QH-HX) with designed scores and ties, a few basic estates ranked apart, and every other
 * professional estate of both districts lower down so the list runs over several pages; one estate of each other
 * street of the city and category at 30, so the round covers the city whole and is a city ranking (issue 19).
 */
@IntegrationTest
class PublicRankingPageTests {

    static final String SCHEME = "shenyang-professional";
    static final String PAGE = "/public/rankings/" + SCHEME + "/2051-Q1";

    @LocalServerPort
    int port;
    @Autowired
    RankingService rankingService;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    PublicRankings publicRankings;
    @Autowired
    Rankings rankings;

    static List<EstateListing> hd;
    static List<EstateListing> hx;
    static List<EstateListing> basic;
    static Map<Long, BigDecimal> totals;
    static Set<Long> fillers;

    Visitor visitor;

    @BeforeEach
    void publishOnce() {
        visitor = new Visitor(port);
        if (totals != null) {
            return;
        }
        hd = RankingFixture.estates(directory, "QH-HD", EstateCategory.PROFESSIONAL);
        hx = RankingFixture.estates(directory, "QH-HX", EstateCategory.PROFESSIONAL);
        basic = RankingFixture.estates(directory, "QH-HD", EstateCategory.BASIC);
        Map<Long, BigDecimal> t = new LinkedHashMap<>();
        double[] hdScores = {95, 90, 90, 85, 80, 75};
        double[] hxScores = {92, 90, 70, 60};
        for (int i = 0; i < hd.size(); i++) {
            t.put(hd.get(i).id(), BigDecimal.valueOf(i < hdScores.length ? hdScores[i] : 40 + i % 15));
        }
        for (int i = 0; i < hx.size(); i++) {
            t.put(hx.get(i).id(), BigDecimal.valueOf(i < hxScores.length ? hxScores[i] : 40 + i % 15));
        }
        double[] basicScores = {88, 88, 77};
        for (int i = 0; i < basicScores.length; i++) {
            t.put(basic.get(i).id(), BigDecimal.valueOf(basicScores[i]));
        }
        Map<Long, BigDecimal> whole = RankingFixture.coveringWhole(directory, "QH", t, "30");
        RankingFixture.publish(rankingService, SCHEME, "2051-Q1", whole);
        fillers = RankingFixture.fillers(whole, t);
        totals = whole;
    }

    @Test
    void showsThePublishedRankingWithSharedPlacesAndTheTieRuleWithoutLogin() {
        HttpResponse<String> res = visitor.get(PAGE);
        assertThat(res.statusCode()).isEqualTo(200);
        String html = res.body();
        assertThat(html).contains("并列名次：得分相同者名次相同，下一名次顺延").contains("1、2、2、4")
                .contains(hd.get(0).name()).contains("全市排名").contains("专业化");
        Map<Long, String> places = Visitor.places(html);
        assertThat(places).hasSize(20);
        assertThat(List.copyOf(places.values()).subList(0, 10))
                .containsExactly("1", "2", "3", "3", "3", "6", "7", "8", "9", "10");
        assertThat(places).containsEntry(hd.get(0).id(), "1").containsEntry(hx.get(0).id(), "2")
                .containsEntry(hd.get(1).id(), "3").containsEntry(hd.get(2).id(), "3")
                .containsEntry(hx.get(1).id(), "3").containsEntry(hd.get(3).id(), "6")
                .containsEntry(hx.get(3).id(), "10");
        assertThat(tied(html, hd.get(1).id())).isTrue();
        assertThat(tied(html, hd.get(0).id())).isFalse();
        // basic estates are ranked apart and not listed among the professional ones
        assertThat(places).doesNotContainKey(basic.get(0).id());
        // the company and the district place are shown beside each estate
        EstatePlacement top = directory.placements(List.of(hd.get(0).id())).get(0);
        if (top.companyName() != null) {
            assertThat(row(html, top.id())).contains(top.companyName());
        }
        assertThat(row(html, top.id())).contains("区内第 1 名").contains("95.00");
    }

    @Test
    void theListIsPagedWithPlainLinks() {
        int professional = hd.size() + hx.size();
        String html = visitor.get(PAGE + "?page=2").body();
        Map<Long, String> places = Visitor.places(html);
        assertThat(places).hasSize(Math.min(20, professional - 20));
        assertThat(places.keySet()).doesNotContain(hd.get(0).id());
        assertThat(html).contains("第 2/").contains("上一页");
        // the picked category stays in the links, so page 1 is the same list
        assertThat(html).contains("href=\"" + PAGE + "?category=PROFESSIONAL\"");
    }

    @Test
    void aDistrictFilterShowsThePlacesWithinTheDistrict() {
        String html = visitor.get(PAGE + "?district=QH-HD").body();
        Map<Long, String> places = Visitor.places(html);
        assertThat(List.copyOf(places.values()).subList(0, 6)).containsExactly("1", "2", "2", "4", "5", "6");
        assertThat(places).containsEntry(hd.get(0).id(), "1").containsEntry(hd.get(5).id(), "6");
        Set<Long> hxIds = hx.stream().map(EstateListing::id).collect(Collectors.toSet());
        assertThat(places.keySet()).doesNotContainAnyElementsOf(hxIds);
        assertThat(html).contains("区内排名").contains("河东区");
        // the same filter by the district's id (older links) gives the same page
        long hdId = directory.regionByCode("QH-HD").orElseThrow().id();
        assertThat(Visitor.places(visitor.get(PAGE + "?district=" + hdId).body())).isEqualTo(places);
    }

    @Test
    void theBasicCategoryHasItsOwnPlaces() {
        Map<Long, String> places = Visitor.places(visitor.get(PAGE + "?category=BASIC").body());
        assertThat(List.copyOf(places.entrySet()).subList(0, 3)).containsExactly(Map.entry(basic.get(0).id(), "1"),
                Map.entry(basic.get(1).id(), "1"), Map.entry(basic.get(2).id(), "3"));
        // the rest are the other streets' estates at 30, sharing 4th place
        assertThat(places).hasSize(3 + (int) fillers.stream().filter(places::containsKey).count());
        places.forEach((id, place) -> assertThat(fillers.contains(id) || place.equals("1") || place.equals("3"))
                .isTrue());
        fillers.stream().filter(places::containsKey).forEach(id -> assertThat(places.get(id)).isEqualTo("4"));
    }

    @Test
    void searchFindsEstatesByNameAndByCompanyAcrossCategories() {
        EstateListing wanted = hd.get(3);
        String html = visitor.get(PAGE + "?q=" + Visitor.enc(wanted.name())).body();
        Map<Long, String> places = Visitor.places(html);
        assertThat(places).containsEntry(wanted.id(), "6");
        Map<Long, EstatePlacement> placed = directory.placements(totals.keySet()).stream()
                .collect(Collectors.toMap(EstatePlacement::id, p -> p));
        assertThat(places.keySet()).allMatch(id -> placed.get(id).name().contains(wanted.name())
                || (placed.get(id).companyName() != null && placed.get(id).companyName().contains(wanted.name())));

        // a basic estate is found without choosing its category, with its place among basic estates
        EstateListing b = basic.get(2);
        assertThat(Visitor.places(visitor.get(PAGE + "?q=" + Visitor.enc(b.name())).body()))
                .containsEntry(b.id(), "3");

        EstatePlacement withCompany = placed.values().stream().filter(p -> p.companyName() != null)
                .filter(p -> p.id() == hd.get(0).id() || p.id() == hx.get(0).id()).findFirst()
                .orElse(placed.values().stream().filter(p -> p.companyName() != null).findFirst().orElseThrow());
        Map<Long, String> byCompany = new LinkedHashMap<>();
        for (int page = 1; page <= 20; page++) {
            String body = visitor.get(PAGE + "?q=" + Visitor.enc(withCompany.companyName()) + "&page=" + page)
                    .body();
            Map<Long, String> rows = Visitor.places(body);
            byCompany.putAll(rows);
            if (!body.contains("下一页")) {
                break;
            }
        }
        Set<Long> expected = placed.values().stream()
                .filter(p -> p.companyName() != null && p.companyName().contains(withCompany.companyName())
                        || p.name().contains(withCompany.companyName()))
                .map(EstatePlacement::id).collect(Collectors.toSet());
        assertThat(byCompany.keySet()).containsExactlyInAnyOrderElementsOf(expected);

        String none = visitor.get(PAGE + "?q=" + Visitor.enc("没有这个小区名字")).body();
        assertThat(Visitor.places(none)).isEmpty();
        assertThat(none).contains("没有符合条件的小区");
    }

    @Test
    void anAggregateNamesTheMissingQuartersAndSaysItIsIncomplete() {
        String html = visitor.get("/public/rankings/" + SCHEME + "/2051-H1").body();
        assertThat(html).contains("2051年上半年").contains("半年排名").contains("本排名不完整")
                .contains("缺少 2051-Q2 的考评结果");
        String row = row(html, hd.get(0).id());
        assertThat(row).contains("缺少 2051-Q2 的考评结果，未参与排名");
        assertThat(Visitor.places(html)).containsEntry(hd.get(0).id(), "-");
        assertThat(visitor.get("/public/rankings/" + SCHEME + "/2051").body())
                .contains("缺少 2051-Q2, 2051-Q3, 2051-Q4 的考评结果");
        // a complete ranking says nothing of the kind
        assertThat(visitor.get(PAGE).body()).doesNotContain("本排名不完整");
    }

    @Test
    void theIndexListsPublishedRankingsWithStableLinks() {
        String index = visitor.get("/public/rankings").body();
        assertThat(index).contains("href=\"" + PAGE + "\"").contains("2051年第一季度")
                .contains("href=\"/open-data/rankings/" + SCHEME + "/2051-Q1.csv\"")
                .contains("href=\"" + PAGE + "/gongshi.pdf\"");
        assertThat(visitor.get("/public/rankings/" + SCHEME).body()).contains("href=\"" + PAGE + "\"")
                .contains("2051年度");
        assertThat(visitor.get("/public").statusCode()).isEqualTo(302);
        // the page offers its own filters as a stable link and as downloads
        String filtered = visitor.get(PAGE + "?district=QH-HD&category=PROFESSIONAL&q=" + Visitor.enc("花"))
                .body();
        assertThat(filtered).contains(PAGE + "?district=QH-HD&amp;category=PROFESSIONAL&amp;q=%E8%8A%B1")
                .contains("/open-data/rankings/" + SCHEME + "/2051-Q1.csv?district=QH-HD&amp;category=PROFESSIONAL")
                .contains(PAGE + "/gongshi.pdf?district=QH-HD&amp;category=PROFESSIONAL\"");
    }

    @Test
    void unknownRankingsAnswerAPlain404AndBadParametersAPlainMessage() {
        List<String> missing = new ArrayList<>(List.of("/public/rankings/no-such-scheme/2051-Q1",
                "/public/rankings/" + SCHEME + "/2051-Q3", "/public/rankings/" + SCHEME + "/not-a-period",
                "/public/rankings/no-such-scheme", "/public/rankings/" + SCHEME + "/2051-Q1/nothing-here",
                "/public/nothing"));
        for (String path : missing) {
            HttpResponse<String> res = visitor.get(path);
            assertThat(res.statusCode()).as(path).isEqualTo(404);
            assertThat(res.body()).as(path).contains("未找到该排名").doesNotContain("Exception");
        }
        Map<String, String> bad = Map.of(
                PAGE + "?page=abc", "页码应为正整数",
                PAGE + "?page=-1", "页码应为正整数",
                PAGE + "?district=NOWHERE", "该排名中没有区域“NOWHERE”",
                PAGE + "?category=GOLD", "类别应为",
                PAGE + "?q=" + "长".repeat(51), "查询文字不能超过 50 个字",
                "/public/rankings?page=x", "页码应为正整数");
        bad.forEach((path, message) -> {
            HttpResponse<String> res = visitor.get(path);
            assertThat(res.statusCode()).as(path).isEqualTo(400);
            assertThat(res.body()).as(path).contains(message).doesNotContain("Exception").doesNotContain("at cn.");
        });
        // a page beyond the end shows the last page rather than an error
        assertThat(visitor.get(PAGE + "?page=999").statusCode()).isEqualTo(200);
    }

    @Test
    void theHeldRankingListsTheSameRowsInTheSameOrderAsTheRankingsFacade() {
        RankingSummary r = publicRankings.ranking(SCHEME, "2051-Q1");
        String company = directory.placements(List.of(hd.get(0).id())).get(0).companyName();
        String[][] cases = {{null, null, null}, {"QH-HD", null, null}, {"QH-HX", "PROFESSIONAL", null},
                {null, "BASIC", null}, {null, "ALL", hd.get(2).name().substring(0, 1)},
                {"QH-HD", "ALL", company == null ? "x" : company}, {null, "ALL", "没有"}};
        for (String[] c : cases) {
            PublicQuery q = publicRankings.query(r, c[0], c[1], c[2], null, false);
            List<Long> held = publicRankings.all(q).stream().map(RankingEntry::estateId).toList();
            List<Long> facade = rankings.entries(r.id(), q.filter()).stream().map(RankingEntry::estateId).toList();
            assertThat(held).as(String.join(",", Arrays.asList(c))).isEqualTo(facade);
        }
    }

    @Test
    void aRecomputedRankingIsShownAsRecomputed() {
        long a = hd.get(0).id();
        long b = hd.get(1).id();
        String page = "/public/rankings/" + SCHEME + "/2053-Q1";
        // 河东区 whole (its third street at 10), so the page shows district places
        RankingFixture.publish(rankingService, SCHEME, "2053-Q1", RankingFixture.coveringWhole(directory, "QH-HD",
                Map.of(a, new BigDecimal("80"), b, new BigDecimal("70")), "10"));
        HttpResponse<String> first = visitor.get(page);
        assertThat(List.copyOf(Visitor.places(first.body()).entrySet()).subList(0, 2))
                .containsExactly(Map.entry(a, "1"), Map.entry(b, "2"));
        assertThat(first.body()).contains("河东区").contains("区内排名").doesNotContain("全市排名");
        assertThat(first.headers().firstValue("X-Cache")).hasValue("MISS");
        assertThat(visitor.get(page).headers().firstValue("X-Cache")).hasValue("HIT");
        // a later round of the same quarter corrects b's total: the page follows at once
        RankingFixture.publish(rankingService, SCHEME, "2053-Q1", Map.of(b, new BigDecimal("90")));
        HttpResponse<String> corrected = visitor.get(page);
        assertThat(corrected.headers().firstValue("X-Cache")).hasValue("MISS");
        assertThat(List.copyOf(Visitor.places(corrected.body()).entrySet()).subList(0, 2))
                .containsExactly(Map.entry(b, "1"), Map.entry(a, "2"));
    }

    static String row(String html, long estateId) {
        int start = html.indexOf("<tr data-estate=\"" + estateId + "\">");
        assertThat(start).as("row of estate " + estateId).isGreaterThanOrEqualTo(0);
        return html.substring(start, html.indexOf("</tr>", start));
    }

    static boolean tied(String html, long estateId) {
        return Pattern.compile("<td class=\"place\">\\s*<span>[^<]*</span>\\s*<div[^>]*>并列</div>")
                .matcher(row(html, estateId)).find();
    }
}
