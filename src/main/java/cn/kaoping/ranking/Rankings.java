package cn.kaoping.ranking;

import cn.kaoping.ranking.internal.RankingStore;
import cn.kaoping.ranking.rules.Ranked;
import cn.kaoping.ranking.rules.Standings;
import cn.kaoping.shared.Paged;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Published rankings for screens, the public site, exports and other modules (rectification, credit). Everything
 * here comes from published rounds, so it carries no unpublished score; callers narrow it to a user's scope with
 * {@link EntryFilter#regionPath()} or {@link EntryFilter#companyId()}.
 */
@Service
@Transactional(readOnly = true)
public class Rankings {

    private final JdbcClient jdbc;

    Rankings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Rankings, newest period first; scheme and kind may be null for all. */
    public List<RankingSummary> list(String schemeCode, PeriodKind kind) {
        return jdbc.sql("""
                SELECT * FROM ranking
                WHERE (CAST(:scheme AS text) IS NULL OR scheme_code = CAST(:scheme AS text))
                  AND (CAST(:kind AS text) IS NULL OR period_kind = CAST(:kind AS text))
                ORDER BY period_end DESC, period_start DESC, scheme_code""")
                .param("scheme", schemeCode).param("kind", kind == null ? null : kind.name())
                .query(RankingStore.SUMMARY).list();
    }

    public Optional<RankingSummary> find(long id) {
        return jdbc.sql("SELECT * FROM ranking WHERE id = :id").param("id", id).query(RankingStore.SUMMARY)
                .optional();
    }

    public Optional<RankingSummary> find(String schemeCode, String period) {
        return jdbc.sql("SELECT * FROM ranking WHERE scheme_code = :scheme AND period = :period")
                .param("scheme", schemeCode).param("period", period).query(RankingStore.SUMMARY).optional();
    }

    /** The rankings in which a company has an estate (under a region path, when given), newest period first. */
    public List<RankingSummary> withCompany(long companyId, String regionPath) {
        return jdbc.sql("""
                SELECT * FROM ranking r
                WHERE EXISTS (SELECT 1 FROM ranking_entry e JOIN ranking_score s ON s.round_id = e.source_round_id
                                   AND s.estate_id = e.estate_id
                              WHERE e.ranking_id = r.id AND e.company_id = :company
                              AND (CAST(:path AS text) IS NULL OR s.region_path LIKE CAST(:path AS text) || '%'))
                ORDER BY period_end DESC, period_start DESC, scheme_code""")
                .param("company", companyId).param("path", regionPath).query(RankingStore.SUMMARY).list();
    }

    /** What the districts and the city of a ranking covered, city first. */
    public List<RegionCoverage> coverage(long rankingId) {
        return jdbc.sql("SELECT * FROM ranking_coverage WHERE ranking_id = :id ORDER BY level, region_name")
                .param("id", rankingId).query(RankingStore.COVERAGE).list();
    }

    /**
     * What a view of a ranking is about and which places it shows: a street (when the filter names one), a district
     * (when it names one), else the ranking's own region.
     */
    public ScopeView view(long rankingId, EntryFilter filter) {
        RankingSummary r = find(rankingId).orElseThrow();
        List<RegionCoverage> coverage = coverage(rankingId);
        if (filter.streetId() != null) {
            String name = jdbc.sql("SELECT s.street_name FROM " + RankingStore.ENTRIES
                            + " WHERE e.ranking_id = :id AND e.street_id = :street LIMIT 1")
                    .param("id", rankingId).param("street", filter.streetId()).query(String.class).optional()
                    .orElse("");
            return new ScopeView(RankingScope.STREET, name, true, List.of(), RankingScope.STREET);
        }
        if (filter.districtId() != null) {
            return coverage.stream().filter(c -> c.regionId() == filter.districtId()).findFirst()
                    .map(c -> new ScopeView(RankingScope.DISTRICT, c.name(), c.complete(), c.missingStreets(),
                            c.complete() ? RankingScope.DISTRICT : RankingScope.STREET))
                    .orElse(new ScopeView(RankingScope.DISTRICT, districts(rankingId).getOrDefault(
                            filter.districtId(), ""), false, List.of(), RankingScope.STREET));
        }
        RankingScope places = r.scopeComplete() ? r.scope() : switch (r.scope()) {
            case CITY -> coverage.stream().filter(c -> c.level() == RankingScope.DISTRICT)
                    .allMatch(RegionCoverage::complete) ? RankingScope.DISTRICT : RankingScope.STREET;
            case DISTRICT, STREET -> RankingScope.STREET;
        };
        return new ScopeView(r.scope(), r.scopeName(), r.scopeComplete(), r.missingStreets(), places);
    }

    /** One page of a ranking's entries, in the order of the places its view shows ({@link #view}). */
    public Paged<RankingEntry> entries(long rankingId, EntryFilter filter, int page, int size) {
        Where w = where(rankingId, filter);
        String order = order(view(rankingId, filter).places(), filter);
        long total = w.bind(jdbc.sql("SELECT count(*) FROM " + RankingStore.ENTRIES + " WHERE " + w.sql)).query(Long.class)
                .single();
        List<RankingEntry> rows = w.bind(jdbc.sql("SELECT " + RankingStore.ENTRY_COLUMNS + " FROM " + RankingStore.ENTRIES
                        + " WHERE " + w.sql + order + " LIMIT :limit OFFSET :offset"))
                .param("limit", size).param("offset", (long) (page - 1) * size)
                .query(RankingStore.ENTRY).list();
        return new Paged<>(rows, page, size, total);
    }

    /** Every entry of a ranking that passes the filter, in the order of the places its view shows. */
    public List<RankingEntry> entries(long rankingId, EntryFilter filter) {
        Where w = where(rankingId, filter);
        return w.bind(jdbc.sql("SELECT " + RankingStore.ENTRY_COLUMNS + " FROM " + RankingStore.ENTRIES
                + " WHERE " + w.sql + order(view(rankingId, filter).places(), filter)))
                .query(RankingStore.ENTRY).list();
    }

    /** An estate's entry in one ranking. */
    public Optional<RankingEntry> entry(long rankingId, long estateId) {
        return jdbc.sql("SELECT " + RankingStore.ENTRY_COLUMNS + " FROM " + RankingStore.ENTRIES
                        + " WHERE e.ranking_id = :id AND e.estate_id = :estate")
                .param("id", rankingId).param("estate", estateId).query(RankingStore.ENTRY).optional();
    }

    /** An estate's entries over all rankings, oldest period first (its trend). */
    public List<EstateStanding> history(long estateId) {
        Map<Long, RankingSummary> summaries = new HashMap<>();
        jdbc.sql("""
                SELECT r.* FROM ranking r WHERE r.id IN (SELECT ranking_id FROM ranking_entry WHERE estate_id = :e)""")
                .param("e", estateId).query(RankingStore.SUMMARY).list()
                .forEach(s -> summaries.put(s.id(), s));
        return jdbc.sql("SELECT " + RankingStore.ENTRY_COLUMNS + " FROM " + RankingStore.ENTRIES
                        + " WHERE e.estate_id = :e").param("e", estateId)
                .query(RankingStore.ENTRY).list().stream()
                .map(en -> new EstateStanding(summaries.get(en.rankingId()), en))
                .sorted(Comparator.comparing((EstateStanding s) -> s.ranking().periodEnd())
                        .thenComparing(s -> s.ranking().periodStart(), Comparator.reverseOrder())
                        .thenComparing(s -> s.ranking().schemeCode()))
                .toList();
    }

    /**
     * Companies by the mean score of their ranked estates in a ranking (optionally within one district and category,
     * or within a region path), best first, with shared places.
     */
    public List<CompanyStanding> companies(long rankingId, EntryFilter filter) {
        Where w = where(rankingId, filter);
        record Row(long id, String name, int estates, BigDecimal average, BigDecimal best, BigDecimal worst) {
        }
        List<Row> rows = w.bind(jdbc.sql("""
                SELECT e.company_id AS id, min(s.company_name) AS name, count(*) AS estates,
                       round(avg(e.score), 2) AS average, max(e.score) AS best, min(e.score) AS worst
                FROM""" + " " + RankingStore.ENTRIES
                + " WHERE e.company_id IS NOT NULL AND e.score IS NOT NULL" + " AND " + w.sql
                + " GROUP BY e.company_id"))
                .query((rs, i) -> new Row(rs.getLong("id"), rs.getString("name"), rs.getInt("estates"),
                        rs.getBigDecimal("average"), rs.getBigDecimal("best"), rs.getBigDecimal("worst")))
                .list();
        Map<Long, BigDecimal> averages = new HashMap<>();
        Map<Long, Row> byId = new HashMap<>();
        rows.forEach(r -> {
            averages.put(r.id(), r.average());
            byId.put(r.id(), r);
        });
        List<CompanyStanding> result = new ArrayList<>();
        for (Ranked<Long> r : Standings.rank(averages, Comparator.comparing(id -> byId.get(id).name()))) {
            Row row = byId.get(r.key());
            result.add(new CompanyStanding(row.id(), row.name(), row.estates(), row.average(), row.best(),
                    row.worst(), r.rank(), r.tied(), rows.size()));
        }
        return result;
    }

    /** The mean score of each street office's ranked estates, best first (feeds street-office assessment). */
    public List<StreetAverage> streets(long rankingId, EntryFilter filter) {
        Where w = where(rankingId, filter);
        return w.bind(jdbc.sql("""
                SELECT e.street_id AS street_id, min(s.street_name) AS street_name, min(e.district_id) AS district_id,
                       min(s.district_name) AS district_name, count(*) AS estates,
                       round(avg(e.score), 2) AS average, max(e.score) AS best, min(e.score) AS worst
                FROM""" + " " + RankingStore.ENTRIES
                + " WHERE e.score IS NOT NULL" + " AND " + w.sql
                + " GROUP BY e.street_id ORDER BY average DESC, min(s.street_name)"))
                .query((rs, i) -> new StreetAverage(rs.getLong("street_id"), rs.getString("street_name"),
                        rs.getLong("district_id"), rs.getString("district_name"), rs.getInt("estates"),
                        rs.getBigDecimal("average"), rs.getBigDecimal("best"), rs.getBigDecimal("worst")))
                .list();
    }

    /** The districts (id → name) and categories present in a ranking, for filters. */
    public Map<Long, String> districts(long rankingId) {
        Map<Long, String> result = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                SELECT DISTINCT e.district_id, s.district_name FROM""" + " " + RankingStore.ENTRIES
                + " WHERE e.ranking_id = :id ORDER BY s.district_name")
                .param("id", rankingId)
                .query((rs, i) -> result.put(rs.getLong("district_id"), rs.getString("district_name"))).list();
        return result;
    }

    public List<String> categories(long rankingId) {
        return jdbc.sql("SELECT DISTINCT category FROM ranking_entry WHERE ranking_id = :id ORDER BY category")
                .param("id", rankingId).query(String.class).list();
    }

    /**
     * The top N of a district (and category, when the ranking separates them), best first: empty unless the district
     * was covered whole; a tie across place N is left out ({@link Standings#top}).
     */
    public List<RankingEntry> top(long rankingId, long districtId, String category) {
        RankingSummary r = find(rankingId).orElseThrow();
        List<RankingEntry> ranked = districtPlaced(r, districtId, category);
        return Standings.top(places(ranked), r.listSize()).stream().map(p -> byId(ranked).get(p.key())).toList();
    }

    /** The bottom N of a district (and category), worst first, under the same rules as {@link #top}. */
    public List<RankingEntry> bottom(long rankingId, long districtId, String category) {
        return bottom(rankingId, districtId, category, find(rankingId).orElseThrow().listSize());
    }

    /**
     * The bottom {@code n} of a district (and category, when the ranking separates them), worst first: empty unless
     * the district was covered whole, never more than {@code n} estates (a tie across the boundary is left out);
     * seed 000's exit rule asks for the bottom 3 whatever the list size of the scheme.
     */
    public List<RankingEntry> bottom(long rankingId, long districtId, String category, int n) {
        RankingSummary r = find(rankingId).orElseThrow();
        List<RankingEntry> ranked = districtPlaced(r, districtId, category);
        return Standings.bottom(places(ranked), n).stream().map(p -> byId(ranked).get(p.key())).toList();
    }

    private List<RankingEntry> districtPlaced(RankingSummary r, long districtId, String category) {
        return entries(r.id(), EntryFilter.district(districtId, r.separateByCategory() ? category : null)).stream()
                .filter(e -> e.ranked() && e.rankDistrict() != null).toList();
    }

    private static List<Ranked<Long>> places(List<RankingEntry> ranked) {
        return ranked.stream().map(e -> new Ranked<>(e.estateId(), e.score(), e.rankDistrict(), e.tiedDistrict()))
                .toList();
    }

    private static Map<Long, RankingEntry> byId(List<RankingEntry> entries) {
        Map<Long, RankingEntry> byId = new HashMap<>();
        entries.forEach(e -> byId.put(e.estateId(), e));
        return byId;
    }

    private static String order(RankingScope places, EntryFilter f) {
        String rank = switch (places) {
            case STREET -> (f.streetId() != null ? "" : "s.district_name, e.district_id, s.street_name, e.street_id, ")
                    + "e.rank_street";
            case DISTRICT -> (f.districtId() != null ? "" : "s.district_name, e.district_id, ") + "e.rank_district";
            case CITY -> "e.rank_city";
        };
        return " ORDER BY " + rank + " NULLS LAST, e.category, s.estate_name, e.estate_id";
    }

    private record Where(String sql, Map<String, Object> params) {
        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
            params.forEach(spec::param);
            return spec;
        }
    }

    private static Where where(long rankingId, EntryFilter f) {
        StringBuilder sql = new StringBuilder("e.ranking_id = :ranking");
        Map<String, Object> p = new HashMap<>();
        p.put("ranking", rankingId);
        if (f.districtId() != null) {
            sql.append(" AND e.district_id = :district");
            p.put("district", f.districtId());
        }
        if (f.streetId() != null) {
            sql.append(" AND e.street_id = :street");
            p.put("street", f.streetId());
        }
        if (f.category() != null && !f.category().isBlank()) {
            sql.append(" AND e.category = :category");
            p.put("category", f.category());
        }
        if (f.companyId() != null) {
            sql.append(" AND e.company_id = :company");
            p.put("company", f.companyId());
        }
        if (f.regionPath() != null) {
            sql.append(" AND s.region_path LIKE :path");
            p.put("path", f.regionPath() + "%");
        }
        if (f.text() != null && !f.text().isBlank()) {
            sql.append(" AND (s.estate_name ILIKE :text OR s.company_name ILIKE :text)");
            p.put("text", "%" + f.text().trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return new Where(sql.toString(), p);
    }
}
