package cn.kaoping.ranking.publication;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.organisation.EstateCategory;
import cn.kaoping.organisation.EstateListing;
import cn.kaoping.organisation.EstatePlacement;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.ranking.RankingFixture;
import cn.kaoping.ranking.internal.RankingService;
import cn.kaoping.support.IntegrationTest;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open data of a known ranking (Shenyang professional, 2052-Q1): three professional estates of 河东区 at 90, 90 and
 * 80, one of 河西区 at 85, and one basic estate of 河东区 at 70, as CSV and JSON with the public page's filters; one
 * estate of every other street of the city and category at 10, so the round covers the city whole (issue 19).
 */
@IntegrationTest
class OpenDataTests {

    static final String SCHEME = "shenyang-professional";
    static final String BASE = "/open-data/rankings/" + SCHEME + "/2052-Q1";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    RankingService rankingService;
    @Autowired
    OrganisationDirectory directory;

    static EstatePlacement hd90a;
    static EstatePlacement hd90b;
    static EstatePlacement hd80;
    static EstatePlacement hx85;
    static EstatePlacement basic70;
    static Map<Long, EstatePlacement> fillers;

    Visitor visitor;

    @BeforeEach
    void publishOnce() {
        visitor = new Visitor(port);
        if (hd90a != null) {
            return;
        }
        List<EstateListing> hd = RankingFixture.estates(directory, "QH-HD", EstateCategory.PROFESSIONAL);
        EstateListing hx = RankingFixture.estates(directory, "QH-HX", EstateCategory.PROFESSIONAL).get(0);
        EstateListing basic = RankingFixture.estates(directory, "QH-HD", EstateCategory.BASIC).get(0);
        Map<Long, BigDecimal> totals = new LinkedHashMap<>();
        totals.put(hd.get(0).id(), new BigDecimal("90"));
        totals.put(hd.get(1).id(), new BigDecimal("90.00"));
        totals.put(hd.get(2).id(), new BigDecimal("80.5"));
        totals.put(hx.id(), new BigDecimal("85"));
        totals.put(basic.id(), new BigDecimal("70"));
        Map<Long, BigDecimal> whole = RankingFixture.coveringWhole(directory, "QH", totals, "10");
        RankingFixture.publish(rankingService, SCHEME, "2052-Q1", whole);
        fillers = directory.placements(RankingFixture.fillers(whole, totals)).stream()
                .collect(Collectors.toMap(EstatePlacement::id, p -> p));
        Map<Long, EstatePlacement> placed = directory.placements(totals.keySet()).stream()
                .collect(Collectors.toMap(EstatePlacement::id, p -> p));
        hd90b = placed.get(hd.get(1).id());
        hd80 = placed.get(hd.get(2).id());
        hx85 = placed.get(hx.id());
        basic70 = placed.get(basic.id());
        hd90a = placed.get(hd.get(0).id());
    }

    @Test
    void csvHoldsEveryEntryWithItsPlacesInUtf8WithAByteOrderMark() {
        HttpResponse<byte[]> res = visitor.bytes(BASE + ".csv");
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv")
                .containsIgnoringCase("charset=UTF-8");
        assertThat(res.headers().firstValue("Content-Disposition").orElse(""))
                .contains("shenyang-professional-2052-Q1.csv");
        byte[] body = res.body();
        assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<String> lines = new String(body, 3, body.length - 3, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo("place,tied,peers,placeCity,placeDistrict,placeStreet,estateId,estate,"
                + "category,categoryLabel,companyId,company,street,districtCode,district,city,score,grade,gradeLabel,"
                + "periodsUsed,periodsMissing,satisfaction,satisfactionValid,placeScope");
        Map<Long, Map<String, String>> rows = rows(lines);
        assertThat(rows).hasSize(5 + fillers.size());
        String professional = Long.toString(4 + fillers(EstateCategory.PROFESSIONAL, null).size());
        String basic = Long.toString(1 + fillers(EstateCategory.BASIC, null).size());

        Map<String, String> a = rows.get(hd90a.id());
        assertThat(a).containsEntry("place", "1").containsEntry("tied", "true").containsEntry("peers", professional)
                .containsEntry("placeScope", "CITY")
                .containsEntry("placeCity", "1").containsEntry("placeDistrict", "1")
                .containsEntry("estate", hd90a.name()).containsEntry("category", "PROFESSIONAL")
                .containsEntry("categoryLabel", "专业化").containsEntry("street", hd90a.streetName())
                .containsEntry("districtCode", "QH-HD").containsEntry("district", "河东区")
                .containsEntry("city", hd90a.cityName()).containsEntry("score", "90.00")
                .containsEntry("periodsUsed", "2052-Q1").containsEntry("periodsMissing", "")
                .containsEntry("company", hd90a.companyName() == null ? "" : hd90a.companyName());
        assertThat(rows.get(hd90b.id())).containsEntry("place", "1").containsEntry("tied", "true");
        assertThat(rows.get(hx85.id())).containsEntry("place", "3").containsEntry("tied", "false")
                .containsEntry("placeDistrict", "1").containsEntry("districtCode", "QH-HX");
        assertThat(rows.get(hd80.id())).containsEntry("place", "4").containsEntry("placeDistrict", "3")
                .containsEntry("score", "80.50");
        assertThat(rows.get(basic70.id())).containsEntry("place", "1").containsEntry("peers", basic)
                .containsEntry("category", "BASIC").containsEntry("categoryLabel", "保障型");
    }

    @Test
    void csvTakesTheSameFiltersAsThePage() {
        Map<Long, Map<String, String>> district = csv(BASE + ".csv?district=QH-HD&category=PROFESSIONAL");
        assertThat(district.keySet()).containsExactlyInAnyOrder(hd90a.id(), hd90b.id(), hd80.id());
        assertThat(district.get(hd80.id())).containsEntry("place", "3").containsEntry("peers", "3");

        assertThat(csv(BASE + ".csv?category=BASIC").keySet()).first().isEqualTo(basic70.id());
        assertThat(csv(BASE + ".csv?category=BASIC").keySet()).containsExactlyInAnyOrderElementsOf(
                java.util.stream.Stream.concat(java.util.stream.Stream.of(basic70.id()),
                        fillers(EstateCategory.BASIC, null).stream()).toList());
        assertThat(csv(BASE + ".csv?q=" + Visitor.enc(hx85.name())).keySet()).contains(hx85.id())
                .doesNotContain(hd90a.id());
        assertThat(visitor.bytes(BASE + ".csv?district=QH-HD").headers().firstValue("Content-Disposition")
                .orElse("")).contains("shenyang-professional-2052-Q1-QH-HD.csv");
    }

    @Test
    void jsonHoldsTheRankingTheTieRuleAndTheSameEntries() {
        HttpResponse<String> res = visitor.get(BASE + ".json?district=QH-HD");
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode doc = JSON.readTree(res.body());
        assertThat(doc.get("licence").asString()).isEqualTo("政府公开数据");
        assertThat(doc.get("tieRule").asString()).contains("得分相同者名次相同");
        assertThat(doc.get("scope").asString()).isEqualTo("DISTRICT");
        assertThat(doc.get("filter").get("district").asString()).isEqualTo("QH-HD");
        JsonNode ranking = doc.get("ranking");
        assertThat(ranking.get("scheme").asString()).isEqualTo(SCHEME);
        assertThat(ranking.get("period").asString()).isEqualTo("2052-Q1");
        assertThat(ranking.get("periodLabel").asString()).isEqualTo("2052年第一季度");
        assertThat(ranking.get("kind").asString()).isEqualTo("ROUND");
        assertThat(ranking.get("periodStart").asString()).isEqualTo("2052-01-01");
        assertThat(ranking.get("periodEnd").asString()).isEqualTo("2052-03-31");
        assertThat(ranking.get("complete").asBoolean()).isTrue();
        assertThat(ranking.get("csv").asString()).isEqualTo(BASE + ".csv");
        assertThat(ranking.get("gongshi").asString()).isEqualTo("/public/rankings/" + SCHEME + "/2052-Q1/gongshi.pdf");
        assertThat(doc.get("region").asString()).isEqualTo("河东区");
        assertThat(doc.get("regionComplete").asBoolean()).isTrue();
        assertThat(ranking.get("scope").asString()).isEqualTo("CITY");
        assertThat(ranking.get("scopeComplete").asBoolean()).isTrue();
        List<Long> hdFillers = fillers(null, "河东区");
        assertThat(doc.get("count").asInt()).isEqualTo(4 + hdFillers.size());
        Map<Long, JsonNode> entries = new HashMap<>();
        doc.get("entries").forEach(e -> entries.put(e.get("estateId").asLong(), e));
        List<Long> expected = new ArrayList<>(List.of(hd90a.id(), hd90b.id(), hd80.id(), basic70.id()));
        expected.addAll(hdFillers);
        assertThat(entries.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        JsonNode e = entries.get(hd80.id());
        assertThat(e.get("place").asInt()).isEqualTo(3);
        assertThat(e.get("placeCity").asInt()).isEqualTo(4);
        assertThat(e.get("tied").asBoolean()).isFalse();
        assertThat(e.get("score").decimalValue()).isEqualByComparingTo("80.50");
        assertThat(e.get("estate").asString()).isEqualTo(hd80.name());
        assertThat(e.get("periodsMissing").isArray()).isTrue();
        assertThat(e.has("grade")).isTrue();
        assertThat(entries.get(hd90a.id()).get("tied").asBoolean()).isTrue();
    }

    @Test
    void theIndexListsEachPublishedRankingWithItsAddresses() {
        HttpResponse<String> res = visitor.get("/open-data/rankings.json");
        assertThat(res.statusCode()).isEqualTo(200);
        JsonNode doc = JSON.readTree(res.body());
        assertThat(doc.get("licence").asString()).isEqualTo("政府公开数据");
        List<JsonNode> mine = new ArrayList<>();
        doc.get("rankings").forEach(r -> {
            if (r.get("scheme").asString().equals(SCHEME) && r.get("period").asString().startsWith("2052")) {
                mine.add(r);
            }
        });
        assertThat(mine).extracting(r -> r.get("period").asString())
                .containsExactlyInAnyOrder("2052-Q1", "2052-H1", "2052");
        JsonNode half = mine.stream().filter(r -> r.get("period").asString().equals("2052-H1")).findFirst()
                .orElseThrow();
        assertThat(half.get("complete").asBoolean()).isFalse();
        assertThat(half.get("missingPeriods").get(0).asString()).isEqualTo("2052-Q2");
        assertThat(half.get("json").asString()).isEqualTo("/open-data/rankings/" + SCHEME + "/2052-H1.json");
        assertThat(half.get("page").asString()).isEqualTo("/public/rankings/" + SCHEME + "/2052-H1");

        // the aggregate names the missing quarter per estate and leaves it unranked
        JsonNode entries = JSON.readTree(visitor.get("/open-data/rankings/" + SCHEME + "/2052-H1.json").body())
                .get("entries");
        assertThat(entries.size()).isEqualTo(5 + fillers.size());
        entries.forEach(e -> {
            assertThat(e.get("periodsMissing").get(0).asString()).isEqualTo("2052-Q2");
            assertThat(e.get("score").isNull()).isTrue();
            assertThat(e.get("place").isNull()).isTrue();
        });
    }

    @Test
    void unknownRankingsAndBadParametersAnswerAPlainMessage() {
        HttpResponse<String> json = visitor.get("/open-data/rankings/" + SCHEME + "/2052-Q3.json");
        assertThat(json.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(json.body()).get("detail").asString()).contains("未找到该排名");
        HttpResponse<String> csv = visitor.get("/open-data/rankings/no-such-scheme/2052-Q1.csv");
        assertThat(csv.statusCode()).isEqualTo(404);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(csv.body()).contains("未找到该排名");
        assertThat(visitor.get("/open-data/whatever").statusCode()).isEqualTo(404);
        HttpResponse<String> bad = visitor.get(BASE + ".csv?district=QH-XX");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("该排名中没有区域").doesNotContain("Exception");
        assertThat(visitor.get(BASE + ".json?category=nope").statusCode()).isEqualTo(400);
    }

    /** The filler estates of a category and district (null: any). */
    private static List<Long> fillers(EstateCategory category, String district) {
        return fillers.values().stream().filter(p -> category == null || p.category() == category)
                .filter(p -> district == null || p.districtName().equals(district)).map(EstatePlacement::id).toList();
    }

    private Map<Long, Map<String, String>> csv(String path) {
        byte[] body = visitor.bytes(path).body();
        return rows(new String(body, 3, body.length - 3, StandardCharsets.UTF_8).lines().toList());
    }

    /** Rows by estate id, cells by column name (the test data hold no commas or quotes). */
    static Map<Long, Map<String, String>> rows(List<String> lines) {
        String[] header = lines.get(0).split(",", -1);
        Map<Long, Map<String, String>> rows = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertThat(cells).hasSize(header.length);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i]);
            }
            rows.put(Long.parseLong(row.get("estateId")), row);
        }
        return rows;
    }
}
