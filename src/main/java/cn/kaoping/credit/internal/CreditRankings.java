package cn.kaoping.credit.internal;

import cn.kaoping.credit.CreditScore;
import cn.kaoping.escalation.ExitRecommendations;
import cn.kaoping.organisation.EstateListing;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionLevel;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.ranking.rules.Ranked;
import cn.kaoping.ranking.rules.Standings;
import cn.kaoping.shared.KaopingPrincipal;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The credit ranking of a year per district and for the city: companies serving an estate there, by their credit
 * score on the year's score date, competition ranks (1, 2, 2, 4; {@link Standings}). Computing a year stores it
 * (table credit_ranking) and compares each district's bottom 3 with the stored year before and after: a company in
 * both raises exit recommendation (1) 连续两年信用考核排名后3名 for each of its estates in the district.
 */
@Service
public class CreditRankings {

    /** Seed 000 line 21: 后3名. */
    public static final int BOTTOM = 3;
    /** district_id of the city-wide ranking. */
    public static final long CITY = 0;

    /** A company's place. */
    public record Row(long companyId, String companyName, BigDecimal score, int rank, boolean tied, int peers) {
    }

    /** When a year's ranking was computed and stored, by which rule set version. */
    public record Computed(int year, OffsetDateTime at, int ruleVersion) {
    }

    private final CreditService credit;
    private final OrganisationDirectory directory;
    private final ExitRecommendations exits;
    private final JdbcClient jdbc;
    private final Clock clock;

    CreditRankings(CreditService credit, OrganisationDirectory directory, ExitRecommendations exits, JdbcClient jdbc,
                   Clock clock) {
        this.credit = credit;
        this.directory = directory;
        this.exits = exits;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** When the year's ranking was last computed; empty when it never was. */
    @Transactional(readOnly = true)
    public Optional<Computed> computed(int year) {
        return jdbc.sql("""
                SELECT max(computed_at) AS computed_at, max(rule_version) AS rule_version FROM credit_ranking
                WHERE year = :y HAVING count(*) > 0""")
                .param("y", year)
                .query((rs, i) -> new Computed(year, rs.getObject("computed_at", OffsetDateTime.class),
                        rs.getInt("rule_version")))
                .optional();
    }

    /** The ranking of the companies serving estates under a region path (a district, or the city), computed now. */
    @Transactional(readOnly = true)
    public List<Row> rank(int year, String regionPath) {
        List<Long> ids = List.copyOf(credit.companiesUnder(regionPath));
        Map<Long, CreditScore> scores = credit.scores(ids, credit.scoreDate(year));
        Map<Long, BigDecimal> values = new LinkedHashMap<>();
        scores.forEach((id, s) -> values.put(id, s.score()));
        Map<Long, String> names = scores.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().subjectName()));
        List<Ranked<Long>> ranked = Standings.rank(values, Comparator.comparing(names::get));
        return ranked.stream().map(r -> new Row(r.key(), names.get(r.key()), r.score(), r.rank(), r.tied(),
                ranked.size())).toList();
    }

    /** The bottom N (ties at the boundary included), worst first. */
    public static List<Row> bottom(List<Row> rows, int n) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, BigDecimal> values = new LinkedHashMap<>();
        rows.forEach(r -> values.put(r.companyId(), r.score()));
        Map<Long, Row> byId = rows.stream().collect(Collectors.toMap(Row::companyId, r -> r));
        Map<Long, Integer> order = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            order.put(rows.get(i).companyId(), i);
        }
        return Standings.bottom(Standings.rank(values, Comparator.comparing(order::get)), n).stream()
                .map(r -> byId.get(r.key())).toList();
    }

    /**
     * Computes and stores a year's ranking for every district and the city, then raises exit recommendation (1)
     * where a company is in a district's bottom 3 in this year and the stored year before or after. Returns the ids
     * of recommendations raised.
     */
    @Transactional
    public List<Long> compute(int year) {
        jdbc.sql("DELETE FROM credit_ranking WHERE year = :y").param("y", year).update();
        OffsetDateTime at = OffsetDateTime.now(clock);
        int version = credit.ruleSets().on(credit.scoreDate(year)).version();
        directory.city().ifPresent(c -> store(year, CITY, rank(year, c.path()), version, at));
        List<Long> raised = new ArrayList<>();
        for (RegionRef d : directory.regions(RegionLevel.DISTRICT)) {
            List<Row> rows = rank(year, d.path());
            store(year, d.id(), rows, version, at);
            for (int first : new int[] {year - 1, year}) {
                raised.addAll(compare(d, first));
            }
        }
        return raised;
    }

    private void store(int year, long district, List<Row> rows, int version, OffsetDateTime at) {
        for (Row r : rows) {
            jdbc.sql("""
                    INSERT INTO credit_ranking (year, district_id, company_id, company_name, score, rank, peers,
                                                rule_version, computed_at)
                    VALUES (:y, :d, :c, :n, :s, :r, :p, :v, :at)""")
                    .param("y", year).param("d", district).param("c", r.companyId()).param("n", r.companyName())
                    .param("s", r.score()).param("r", r.rank()).param("p", r.peers()).param("v", version)
                    .param("at", at).update();
        }
    }

    /** The stored ranking of a year and district (or {@link #CITY}), best first; empty when not computed. */
    @Transactional(readOnly = true)
    public List<Row> stored(int year, long district) {
        return jdbc.sql("""
                SELECT company_id, company_name, score, rank, peers,
                       count(*) OVER (PARTITION BY rank) > 1 AS tied
                FROM credit_ranking WHERE year = :y AND district_id = :d ORDER BY rank, company_name""")
                .param("y", year).param("d", district)
                .query((rs, i) -> new Row(rs.getLong("company_id"), rs.getString("company_name"),
                        rs.getBigDecimal("score"), rs.getInt("rank"), rs.getBoolean("tied"), rs.getInt("peers"))).list();
    }

    /**
     * Only companies below the base score can be 后3名: when most files are clean, the companies tied at 100 would
     * otherwise all share the third-last place and every one of them would be recommended for exit.
     */
    private List<Row> blemished(int year, List<Row> bottom) {
        BigDecimal base = credit.ruleSets().on(credit.scoreDate(year)).base();
        return bottom.stream().filter(r -> r.score().compareTo(base) < 0).toList();
    }

    private List<Long> compare(RegionRef district, int firstYear) {
        List<Row> earlier = blemished(firstYear, bottom(stored(firstYear, district.id()), BOTTOM));
        List<Row> later = blemished(firstYear + 1, bottom(stored(firstYear + 1, district.id()), BOTTOM));
        if (earlier.isEmpty() || later.isEmpty()) {
            return List.of();
        }
        Map<Long, Row> before = earlier.stream().collect(Collectors.toMap(Row::companyId, r -> r));
        List<Long> raised = new ArrayList<>();
        for (Row l : later) {
            Row e = before.get(l.companyId());
            if (e == null) {
                continue;
            }
            String facts = String.join("\n",
                    "%s 在 %s %d 年度、%d 年度信用考核排名中，连续两年位列后 %d 名。".formatted(l.companyName(),
                            district.name(), firstYear, firstYear + 1, BOTTOM),
                    "%d 年度：第 %d 名（共 %d 家），信用分 %s。".formatted(firstYear, e.rank(), e.peers(),
                            e.score().toPlainString()),
                    "%d 年度：第 %d 名（共 %d 家），信用分 %s。".formatted(firstYear + 1, l.rank(), l.peers(),
                            l.score().toPlainString()));
            Set<Long> estates = directory.estatesUnder(district.path(), null, null, false).stream()
                    .filter(x -> x.companyId() != null && x.companyId() == l.companyId()).map(EstateListing::id)
                    .collect(Collectors.toSet());
            for (long estate : estates) {
                exits.creditBottomTwoYears(district.id() + ":" + l.companyId() + ":" + estate + ":" + (firstYear + 1),
                        estate, "信用考核排名", facts).ifPresent(raised::add);
            }
        }
        return raised;
    }
}
