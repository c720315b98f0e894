package cn.kaoping.ranking.publication;

import cn.kaoping.ranking.RankingEntry;
import cn.kaoping.ranking.RankingScope;
import cn.kaoping.ranking.RankingSummary;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The open-data shapes of published rankings (JSON field names = CSV column names). Their fields are a stability
 * promise documented in docs/open-data.md: add fields, never rename or remove one.
 */
final class OpenData {

    static final String LICENCE = "政府公开数据";
    static final String DOCUMENTATION = "docs/open-data.md";

    private OpenData() {
    }

    /** {@code /open-data/rankings.json}. */
    record Index(String licence, String documentation, int count, List<Ranking> rankings) {
    }

    /**
     * A published ranking and its addresses (root-relative). {@code scope} is the level of the region it is about
     * (the narrowest holding every estate its rounds covered: STREET for a one-street round), {@code scopeName} that
     * region, {@code scopeComplete} whether the rounds covered it whole and {@code missingStreets} what they lack.
     */
    record Ranking(String scheme, String schemeTitle, int schemeVersion, String period, String periodLabel,
                   String kind, LocalDate periodStart, LocalDate periodEnd, String method, boolean separateByCategory,
                   boolean complete, List<String> missingPeriods, int estates, int revision,
                   OffsetDateTime firstPublishedAt, OffsetDateTime updatedAt, String page, String csv, String json,
                   String gongshi, String scope, String scopeName, boolean scopeComplete,
                   List<String> missingStreets) {

        static Ranking of(RankingSummary r, String periodLabel) {
            return new Ranking(r.schemeCode(), r.schemeTitle(), r.schemeVersion(), r.period(), periodLabel,
                    r.kind().name(), r.periodStart(), r.periodEnd(), r.method(), r.separateByCategory(), r.complete(),
                    r.missingPeriods(), r.estates(), r.revision(), r.firstComputedAt(), r.computedAt(), Links.page(r),
                    Links.csv(r), Links.json(r), Links.gongshi(r), r.scope().name(), r.scopeName(),
                    r.scopeComplete(), r.missingStreets());
        }
    }

    /**
     * {@code /open-data/rankings/{scheme}/{period}.json}. {@code scope} is the level whose places {@code place}
     * holds; {@code region}, {@code regionLevel}, {@code regionComplete} and {@code regionMissingStreets} say what the
     * selection is about (the ranking's region, or the district asked for) and whether it was assessed whole.
     */
    record Entries(String licence, String documentation, String tieRule, Ranking ranking, Filter filter, String scope,
                   int count, List<Entry> entries, String region, String regionLevel, boolean regionComplete,
                   List<String> regionMissingStreets) {
    }

    /** The filters the entries were read with (null = none). */
    record Filter(String district, String category, String q) {
    }

    /**
     * One estate. {@code place}, {@code tied} and {@code peers} are in the scope named by {@code placeScope}: the
     * district asked for, else the ranking's region, when its rounds covered it whole, else the street (issue 19);
     * within the category when the ranking ranks categories apart. {@code placeCity} and {@code placeDistrict} are
     * empty where the city or district was not covered whole.
     */
    record Entry(Integer place, boolean tied, int peers, Integer placeCity, Integer placeDistrict,
                 Integer placeStreet, long estateId, String estate, String category, String categoryLabel,
                 Long companyId, String company, String street, String districtCode, String district, String city,
                 BigDecimal score, String grade, String gradeLabel, List<String> periodsUsed,
                 List<String> periodsMissing, BigDecimal satisfaction, Boolean satisfactionValid,
                 String placeScope) {

        static final List<String> COLUMNS = List.of("place", "tied", "peers", "placeCity", "placeDistrict",
                "placeStreet", "estateId", "estate", "category", "categoryLabel", "companyId", "company", "street",
                "districtCode", "district", "city", "score", "grade", "gradeLabel", "periodsUsed", "periodsMissing",
                "satisfaction", "satisfactionValid", "placeScope");

        static Entry of(RankingEntry e, RankingScope scope, Facets facets, Map<String, String> categoryLabels) {
            return new Entry(e.rank(scope), e.tied(scope), e.peers(scope), e.rankCity(), e.rankDistrict(),
                    e.rankStreet(), e.estateId(), e.estateName(), e.category(),
                    categoryLabels.getOrDefault(e.category(), e.category()), e.companyId(), e.companyName(),
                    e.streetName(), facets.district(e.districtId()).map(Facets.District::code).orElse(null),
                    e.districtName(), e.cityName(), e.score(), e.grade(), e.gradeLabel(), e.periodsUsed(),
                    e.periodsMissing(), e.satisfaction(), e.satisfactionValid(), scope.name());
        }

        /** The CSV cells, in {@link #COLUMNS} order; lists joined with ";". */
        List<Object> cells() {
            return java.util.Arrays.asList(place, tied, peers, placeCity, placeDistrict, placeStreet, estateId, estate,
                    category, categoryLabel, companyId, company, street, districtCode, district, city,
                    score, grade, gradeLabel, String.join(";", periodsUsed),
                    String.join(";", periodsMissing), satisfaction, satisfactionValid, placeScope);
        }
    }

    /** RFC 4180 CSV, UTF-8 with a byte-order mark so Excel opens Chinese correctly. */
    static byte[] csv(List<Entry> entries) {
        StringBuilder out = new StringBuilder(256 + entries.size() * 200);
        out.append('\uFEFF');
        row(out, List.copyOf(Entry.COLUMNS));
        for (Entry e : entries) {
            row(out, e.cells());
        }
        return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder out, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object v = cells.get(i);
            if (v == null) {
                continue;
            }
            String s = v instanceof BigDecimal d ? d.toPlainString() : v.toString();
            // a leading = + - @ would be read as a formula by a spreadsheet: quote it with a leading apostrophe
            if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !(v instanceof Number)) {
                s = "'" + s;
            }
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                out.append('"').append(s.replace("\"", "\"\"")).append('"');
            } else {
                out.append(s);
            }
        }
        out.append("\r\n");
    }
}
