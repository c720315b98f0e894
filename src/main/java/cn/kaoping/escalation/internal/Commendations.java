package cn.kaoping.escalation.internal;

import cn.kaoping.escalation.CompanyCommended;
import cn.kaoping.escalation.internal.Views.Commendation;
import cn.kaoping.escalation.internal.Views.CommendedRanking;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.platform.database.SqlArrays;
import cn.kaoping.ranking.ListedEstate;
import cn.kaoping.ranking.RankingSummary;
import cn.kaoping.ranking.Rankings;
import cn.kaoping.ranking.TopRanked;
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
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commendation (seed 000 line 27: 对群众满意度较高、排名靠前的物业服务企业，优先推荐参与各级各类评比表彰、政府重大项目或企业大型项目招标活动):
 * the companies of the estates on each district's top list of a ranking, kept in step with the list (a corrected
 * ranking replaces it), printable per ranking.
 */
@Service
public class Commendations {

    private final JdbcClient jdbc;
    private final Rankings rankings;
    private final OrganisationDirectory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Commendations(JdbcClient jdbc, Rankings rankings, OrganisationDirectory directory,
                  ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.rankings = rankings;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    /** Replaces the commended companies of a district's top list; returns the companies newly commended. */
    @Transactional
    public List<Long> topRanked(TopRanked e) {
        Optional<RankingSummary> ranking = rankings.find(e.rankingId());
        if (ranking.isEmpty()) {
            return List.of();
        }
        String districtPath = directory.region(e.districtId()).map(r -> r.path()).orElse("");
        Map<Long, List<ListedEstate>> byCompany = e.estates().stream().filter(l -> l.companyId() != null)
                .collect(Collectors.groupingBy(ListedEstate::companyId, LinkedHashMap::new, Collectors.toList()));
        List<Long> before = jdbc.sql("""
                SELECT company_id FROM escalation_commendation
                WHERE ranking_id = :r AND district_id = :d AND category = :c""")
                .param("r", e.rankingId()).param("d", e.districtId()).param("c", e.category())
                .query(Long.class).list();
        jdbc.sql("""
                DELETE FROM escalation_commendation WHERE ranking_id = :r AND district_id = :d AND category = :c
                  AND NOT (company_id = ANY (CAST(:keep AS bigint[])))""")
                .param("r", e.rankingId()).param("d", e.districtId()).param("c", e.category())
                .param("keep", SqlArrays.ids(byCompany.keySet())).update();
        List<Long> added = new ArrayList<>();
        byCompany.forEach((company, listed) -> {
            ListedEstate best = listed.stream().min(Comparator.comparingInt(ListedEstate::rank)).orElseThrow();
            String estates = listed.stream().map(l -> l.estateName() + "（第 " + l.rank() + " 名）")
                    .collect(Collectors.joining("、"));
            jdbc.sql("""
                    INSERT INTO escalation_commendation (ranking_id, scheme_code, scheme_title, period, kind,
                           district_id, district_name, district_path, category, company_id, company_name, estates,
                           best_place, best_score, listed_at)
                    VALUES (:r, :scheme, :title, :period, :kind, :d, :dname, :dpath, :c, :company, :cname, :estates,
                            :place, :score, :at)
                    ON CONFLICT (ranking_id, district_id, category, company_id) DO UPDATE SET estates = EXCLUDED.estates,
                           best_place = EXCLUDED.best_place, best_score = EXCLUDED.best_score""")
                    .param("r", e.rankingId()).param("scheme", e.schemeCode())
                    .param("title", ranking.get().schemeTitle()).param("period", e.period())
                    .param("kind", e.kind().name()).param("d", e.districtId()).param("dname", e.districtName())
                    .param("dpath", districtPath).param("c", e.category()).param("company", company)
                    .param("cname", best.companyName()).param("estates", estates).param("place", best.rank())
                    .param("score", best.score()).param("at", OffsetDateTime.now(clock)).update();
            if (!before.contains(company)) {
                added.add(company);
                events.publishEvent(new CompanyCommended(e.rankingId(), e.schemeCode(), e.period(), e.kind(),
                        e.districtId(), e.category(), company, best.companyName(), best.rank()));
            }
        });
        return added;
    }

    private static Map.Entry<String, Map<String, Object>> scope(KaopingPrincipal p) {
        return switch (p.role()) {
            case COMPANY_USER -> Map.entry("m.company_id = :scope",
                    Map.of("scope", p.companyId() == null ? -1L : p.companyId()));
            case COMMITTEE_MEMBER -> Map.entry("FALSE", Map.of());
            // a district and the city see their districts' lists; a street office sees its district's list
            default -> Map.entry("(m.district_path LIKE :scope || '%' OR :scope LIKE m.district_path || '%')",
                    Map.of("scope", p.regionPath()));
        };
    }

    /** The rankings with commendations in the principal's scope, newest first. */
    @Transactional(readOnly = true)
    public List<CommendedRanking> rankings(KaopingPrincipal p) {
        var s = scope(p);
        var spec = jdbc.sql("""
                SELECT ranking_id, min(scheme_title) AS scheme_title, min(period) AS period, min(kind) AS kind,
                       max(listed_at) AS listed_at
                FROM escalation_commendation m
                WHERE""" + " " + s.getKey() + " GROUP BY ranking_id ORDER BY min(period) DESC, max(listed_at) DESC");
        s.getValue().forEach(spec::param);
        return spec.query((rs, i) -> new CommendedRanking(rs.getLong("ranking_id"),
                rs.getString("scheme_title"), rs.getString("period"), rs.getString("kind"))).list();
    }

    /** One ranking's commended companies in the principal's scope, by district, category and place. */
    @Transactional(readOnly = true)
    public List<Commendation> list(KaopingPrincipal p, long rankingId) {
        var s = scope(p);
        var spec = jdbc.sql("""
                SELECT id, ranking_id, scheme_title, period, kind, district_name, category, company_id, company_name,
                       estates, best_place, best_score FROM escalation_commendation m
                WHERE ranking_id = :r AND""" + " " + s.getKey()
                + " ORDER BY district_name, category, best_place, company_name").param("r", rankingId);
        s.getValue().forEach(spec::param);
        return spec.query((rs, i) -> new Commendation(rs.getLong("id"), rs.getLong("ranking_id"),
                rs.getString("scheme_title"), rs.getString("period"), rs.getString("kind"),
                rs.getString("district_name"), rs.getString("category"), rs.getLong("company_id"),
                rs.getString("company_name"), rs.getString("estates"), rs.getInt("best_place"),
                rs.getBigDecimal("best_score"))).list();
    }
}
