package cn.kaoping.ranking.publication;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.organisation.EstateListing;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.ranking.RankingFixture;
import cn.kaoping.ranking.internal.RankingService;
import cn.kaoping.support.ApiClient;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What is not published stays off the public site: 东风街道 (河东区) has open Erqi rounds for 2055-H1 and 2055-H2
 * whose results are not published, while the 2055-H1 ranking published only estates of 河西区. Neither the page,
 * nor search, nor the open data, nor the 公示 shows a 东风街道 estate or anything of the unpublished half-year, and
 * nothing personal (company contacts, project managers, owners) appears beside the published estates.
 */
@IntegrationTest
class NothingUnpublishedLeaksTests {

    static final String PAGE = "/public/rankings/erqi-old-estate/2055-H1";
    private static final Pattern ESTATE_ID = Pattern.compile("\"estateId\":(\\d+)");

    @LocalServerPort
    int port;
    @Autowired
    RankingService rankingService;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    JdbcClient jdbc;

    static List<EstateListing> dongfeng;
    static Map<Long, BigDecimal> published;

    Visitor visitor;

    @BeforeEach
    void setUpOnce() {
        visitor = new Visitor(port);
        if (published != null) {
            return;
        }
        String dfPath = directory.regionByCode("QH-HD-DF").orElseThrow().path();
        dongfeng = directory.estatesUnder(dfPath, null, null, false);
        openRound("2055-H1");
        openRound("2055-H2");
        List<EstateListing> hexi = directory.estatesUnder(directory.regionByCode("QH-HX").orElseThrow().path(), null,
                null, false);
        Map<Long, BigDecimal> totals = new LinkedHashMap<>();
        for (int i = 0; i < 8; i++) {
            totals.put(hexi.get(i).id(), BigDecimal.valueOf(70 + i * 3));
        }
        RankingFixture.publish(rankingService, "erqi-old-estate", "2055-H1", totals);
        published = totals;
    }

    private void openRound(String period) {
        long street = directory.regionByCode("QH-HD-DF").orElseThrow().id();
        ApiClient admin = ApiClient.as(port, "hedong_admin", Browserless.DEMO_PASSWORD);
        int year = Integer.parseInt(period.substring(0, 4));
        HttpResponse<String> res = admin.send("POST", "/api/v1/rounds", """
                {"name": "东风街道未公布轮次 %s %d", "schemeCode": "erqi-old-estate", "schemeVersion": 1,
                 "period": "%s", "streetId": %d, "oldEstatesOnly": false, "inspectionDue": "%d-12-15",
                 "reviewDue": "%d-12-31", "publicityDays": 5, "confirmOverlap": true}""".formatted(period, System.nanoTime(), period, street,
                year, year));
        assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(res.body());
        assertThat(id.find()).isTrue();
        assertThat(admin.send("POST", "/api/v1/rounds/" + id.group(1) + "/open", null).statusCode()).isEqualTo(200);
    }

    @Test
    void estatesOfAnOpenRoundAppearNowhereOnThePublicSite() {
        Set<Long> df = new HashSet<>();
        dongfeng.forEach(e -> df.add(e.id()));
        assertThat(df).isNotEmpty().doesNotContainAnyElementsOf(published.keySet());

        Set<Long> shown = new HashSet<>(Visitor.places(visitor.get(PAGE + "?category=ALL").body()).keySet());
        for (EstateListing e : dongfeng.subList(0, Math.min(5, dongfeng.size()))) {
            String q = "?category=ALL&q=" + Visitor.enc(e.name());
            shown.addAll(Visitor.places(visitor.get(PAGE + q).body()).keySet());
            shown.addAll(ids(visitor.get("/open-data/rankings/erqi-old-estate/2055-H1.json" + q).body()));
        }
        shown.addAll(ids(visitor.get("/open-data/rankings/erqi-old-estate/2055-H1.json").body()));
        String csv = new String(visitor.bytes("/open-data/rankings/erqi-old-estate/2055-H1.csv").body(),
                StandardCharsets.UTF_8);
        csv.lines().skip(1).forEach(line -> shown.add(Long.parseLong(line.split(",", -1)[6])));

        assertThat(shown).containsExactlyInAnyOrderElementsOf(published.keySet());
        assertThat(shown).doesNotContainAnyElementsOf(df);
    }

    @Test
    void aHalfYearWithOnlyOpenRoundsHasNoPublicPageNoDataAndNoNotice() {
        for (String path : List.of("/public/rankings/erqi-old-estate/2055-H2",
                "/public/rankings/erqi-old-estate/2055-H2/gongshi.pdf",
                "/open-data/rankings/erqi-old-estate/2055-H2.csv",
                "/open-data/rankings/erqi-old-estate/2055-H2.json")) {
            HttpResponse<String> res = visitor.get(path);
            assertThat(res.statusCode()).as(path).isEqualTo(404);
            assertThat(res.body()).as(path).contains("未找到该排名");
        }
        assertThat(visitor.get("/open-data/rankings.json").body()).doesNotContain("2055-H2");
        assertThat(visitor.get("/public/rankings/erqi-old-estate").body()).doesNotContain("2055-H2")
                .contains("2055-H1");
    }

    @Test
    void noPersonalDataOrPhotosBesideThePublishedEstates() {
        List<String> personal = new ArrayList<>();
        for (long estate : published.keySet()) {
            jdbc.sql("""
                    SELECT pc.contact_person, pc.contact_phone, pc.address, pc.credit_code, pm.name, pm.phone,
                           pm.certificate_no, e.address
                    FROM estate e LEFT JOIN property_company pc ON pc.id = e.company_id
                    LEFT JOIN project_manager pm ON pm.id = e.project_manager_id WHERE e.id = :id""")
                    .param("id", estate).query((rs, i) -> {
                        for (int c = 1; c <= 8; c++) {
                            String v = rs.getString(c);
                            if (v != null && v.trim().length() >= 2) {
                                personal.add(v.trim());
                            }
                        }
                        return 1;
                    }).list();
        }
        assertThat(personal).isNotEmpty();
        String page = visitor.get(PAGE + "?category=ALL").body();
        String json = visitor.get("/open-data/rankings/erqi-old-estate/2055-H1.json").body();
        String csv = new String(visitor.bytes("/open-data/rankings/erqi-old-estate/2055-H1.csv").body(),
                StandardCharsets.UTF_8);
        for (String v : personal) {
            assertThat(page).as("page").doesNotContain(v);
            assertThat(json).as("json").doesNotContain(v);
            assertThat(csv).as("csv").doesNotContain(v);
        }
        assertThat(page).doesNotContain("<img").doesNotContain("<script");
        // the public site sets no session cookie
        assertThat(visitor.get(PAGE).headers().allValues("Set-Cookie")).isEmpty();
    }

    private static Set<Long> ids(String json) {
        Set<Long> ids = new HashSet<>();
        Matcher m = ESTATE_ID.matcher(json);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }
}
