package cn.kaoping.ranking.publication;

import cn.kaoping.ranking.EntryFilter;
import cn.kaoping.ranking.RankingScope;
import cn.kaoping.ranking.RankingSummary;
import cn.kaoping.ranking.ScopeView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A checked request for one published ranking: which district (or the whole city), which category (null = all) and
 * which search text, as the public page, the open data and the 公示 share them.
 */
record PublicQuery(RankingSummary ranking, Facets facets, Facets.District district, String category, String text,
                   int page) {

    /** The value of the category parameter that asks for every category. */
    static final String ALL = "ALL";

    EntryFilter filter() {
        return new EntryFilter(district == null ? null : district.id(), null, category, null, text, null);
    }

    /** What the page is about: the ranking's own region (a street, a district, the city) or the chosen district. */
    public ScopeView view() {
        return facets.view(district);
    }

    /** The places the page shows: those of its region when covered whole, else of the widest region below it. */
    RankingScope scope() {
        return view().places();
    }

    /** The filters as a query string ({@code ?district=…&category=…&q=…}), empty without filters. */
    String parameters(boolean withText) {
        List<String> p = new ArrayList<>();
        if (district != null) {
            p.add("district=" + enc(district.code()));
        }
        if (category != null) {
            p.add("category=" + category);
        } else if (ranking.separateByCategory()) {
            p.add("category=" + ALL); // a blank category means the first one on the page
        }
        if (withText && text != null) {
            p.add("q=" + enc(text));
        }
        return p.isEmpty() ? "" : "?" + String.join("&", p);
    }

    /** The public page of this ranking with these filters (a stable link). */
    public String pageLink() {
        return Links.page(ranking) + parameters(true);
    }

    /** The stable link as a person reads it (search text not percent-encoded). */
    public String pageLinkText() {
        return java.net.URLDecoder.decode(pageLink(), StandardCharsets.UTF_8);
    }

    public String pageLink(int page) {
        String link = pageLink();
        return page <= 1 ? link : link + (link.contains("?") ? "&" : "?") + "page=" + page;
    }

    public String csvLink() {
        return Links.csv(ranking) + parameters(true);
    }

    public String jsonLink() {
        return Links.json(ranking) + parameters(true);
    }

    public String gongshiLink() {
        return Links.gongshi(ranking) + parameters(false);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
