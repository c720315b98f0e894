package cn.kaoping.ranking.publication;

import cn.kaoping.ranking.RankingSummary;

/** The stable addresses of a published ranking (documented in docs/open-data.md; do not change them). */
final class Links {

    static final String PAGES = "/public/rankings";
    static final String OPEN_DATA = "/open-data/rankings";

    private Links() {
    }

    static String page(RankingSummary r) {
        return PAGES + "/" + r.schemeCode() + "/" + r.period();
    }

    static String scheme(String schemeCode) {
        return PAGES + "/" + schemeCode;
    }

    static String csv(RankingSummary r) {
        return OPEN_DATA + "/" + r.schemeCode() + "/" + r.period() + ".csv";
    }

    static String json(RankingSummary r) {
        return OPEN_DATA + "/" + r.schemeCode() + "/" + r.period() + ".json";
    }

    static String gongshi(RankingSummary r) {
        return page(r) + "/gongshi.pdf";
    }
}
