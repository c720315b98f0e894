package cn.kaoping.escalation.internal;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.escalation.ExitReason;
import cn.kaoping.escalation.ExitRecommended;
import cn.kaoping.escalation.internal.Forms.Check;
import cn.kaoping.escalation.internal.Forms.ExitForm;
import cn.kaoping.escalation.internal.Views.Exit;
import cn.kaoping.organisation.EstateListing;
import cn.kaoping.organisation.EstatePlacement;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.ranking.BottomRanked;
import cn.kaoping.ranking.PeriodKind;
import cn.kaoping.ranking.RankingEntry;
import cn.kaoping.ranking.RankingSummary;
import cn.kaoping.ranking.Rankings;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exit recommendations (seed 000 lines 20–26: 建立市场化的退出机制 … 建议由街道办事处指导业委会召开业主大会对是否选聘（续聘）进行决议).
 * Reason (2) is raised automatically from the year rankings (two consecutive years in a district's bottom 3 with the
 * same company, {@link ConsecutiveBottom}); reason (1) waits for the credit ranking of issue 8, which will call
 * {@link #raiseConsecutive} with {@link ExitReason#CREDIT_BOTTOM_TWO_YEARS}; reasons (3)–(6) are raised by a street
 * office or the district with the facts. Each becomes a letter to the estate's owners' committee.
 */
@Service
public class Exits {

    /** Seed 000 items (1) and (2): 排名后3名. */
    static final int BOTTOM = 3;

    private final JdbcClient jdbc;
    private final Rankings rankings;
    private final OrganisationDirectory directory;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Exits(JdbcClient jdbc, Rankings rankings, OrganisationDirectory directory, AuditLog audit,
          ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.rankings = rankings;
        this.directory = directory;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A complete year ranking's bottom list of a district and category arrived: compares its bottom 3 with the year
     * before and the year after (whichever exist and are complete), so the order in which years arrive does not matter.
     */
    @Transactional
    public List<Long> yearBottom(BottomRanked e) {
        if (e.kind() != PeriodKind.YEAR) {
            return List.of();
        }
        Optional<RankingSummary> ranking = rankings.find(e.rankingId()).filter(RankingSummary::complete);
        if (ranking.isEmpty() || !e.period().matches("\\d{4}")) {
            return List.of();
        }
        int year = Integer.parseInt(e.period());
        List<Long> raised = new ArrayList<>();
        for (int first : new int[] {year - 1, year}) {
            Optional<RankingSummary> earlier = year(e.schemeCode(), first);
            Optional<RankingSummary> later = year(e.schemeCode(), first + 1);
            if (earlier.isPresent() && later.isPresent()) {
                raised.addAll(compare(earlier.get(), later.get(), e.districtId(), e.districtName(), e.category()));
            }
        }
        return raised;
    }

    private Optional<RankingSummary> year(String scheme, int year) {
        return rankings.find(scheme, String.valueOf(year))
                .filter(r -> r.kind() == PeriodKind.YEAR && r.complete());
    }

    private List<Long> compare(RankingSummary earlier, RankingSummary later, long districtId, String districtName,
                               String category) {
        List<RankingEntry> a = rankings.bottom(earlier.id(), districtId, category, BOTTOM);
        List<RankingEntry> b = rankings.bottom(later.id(), districtId, category, BOTTOM);
        List<Long> raised = new ArrayList<>();
        for (ConsecutiveBottom.Repeat r : ConsecutiveBottom.repeats(places(a), places(b))) {
            RankingEntry entry = b.stream().filter(x -> x.estateId() == r.later().estateId()).findFirst().orElseThrow();
            String scope = districtName + ("ALL".equals(category) || category == null ? ""
                    : ("PROFESSIONAL".equals(category) ? "专业化" : "保障型"));
            String facts = String.join("\n",
                    "%s（%s 服务）在“%s”日常考评的 %s 年度、%s 年度排名中，连续两年位列%s小区后 %d 名。".formatted(
                            entry.estateName(), entry.companyName(), later.schemeTitle(), earlier.period(),
                            later.period(), scope, BOTTOM),
                    line(earlier.period(), r.earlier()),
                    line(later.period(), r.later()));
            raiseConsecutive(ExitReason.DAILY_BOTTOM_TWO_YEARS, "daily:" + later.schemeCode() + ":" + entry.estateId()
                    + ":" + entry.companyId() + ":" + later.period(), entry.estateId(), later.schemeTitle(), facts)
                    .ifPresent(raised::add);
        }
        return raised;
    }

    private static String line(String period, ConsecutiveBottom.Place p) {
        return "%s 年度：第 %d 名（共 %d 个），得分 %s。".formatted(period, p.place(), p.peers(),
                p.score() == null ? "—" : p.score().toPlainString());
    }

    private static List<ConsecutiveBottom.Place> places(List<RankingEntry> entries) {
        return entries.stream().map(e -> new ConsecutiveBottom.Place(e.estateId(), e.companyId(),
                e.rankDistrict() == null ? 0 : e.rankDistrict(), e.peersDistrict(), e.score())).toList();
    }

    /**
     * Raises an automatic recommendation once per {@code key} (the rule, scheme, estate, company and year); the hook
     * for the credit ranking (reason 1) too. Returns the new recommendation's id, or empty when it existed.
     */
    @Transactional
    public Optional<Long> raiseConsecutive(ExitReason reason, String key, long estateId, String schemeTitle,
                                           String facts) {
        EstatePlacement e = directory.placements(List.of(estateId)).stream().findFirst().orElseThrow();
        if (e.companyId() == null) {
            return Optional.empty();
        }
        Optional<Long> id = insert(key, reason, e, schemeTitle, facts, EscalationAccess.SYSTEM);
        id.ifPresent(x -> {
            audit.recordAs(EscalationAccess.SYSTEM, "EXIT_RECOMMENDED", "escalation_exit", x,
                    "建议业主大会对是否续聘 " + e.companyName() + " 进行表决（" + e.name() + "）", null, find(x).orElseThrow());
            publish(x);
        });
        return id;
    }

    /** Reasons (3)–(6), raised by a street office or the district with the facts. */
    @Transactional
    public long raise(KaopingPrincipal p, ExitForm f) {
        if (!EscalationAccess.raisesExits(p)) {
            throw new ForbiddenException("退出建议由街道办事处或区房产主管部门提出");
        }
        Check check = new Check().required("estateId", f.estateId(), "请选择小区")
                .required("reason", f.reason(), "请选择建议退出的情形")
                .text("facts", f.facts(), "事实与依据", Forms.LONG, true);
        if (f.reason() != null) {
            check.that(f.reason().manual(), "reason", "该情形由系统根据连续两年的排名自动提出");
        }
        check.orThrow();
        EstatePlacement e = directory.placements(List.of(f.estateId())).stream().findFirst()
                .filter(x -> p.covers(x.regionPath())).orElseThrow(() -> new NotFoundException("小区不存在"));
        new Check().that(e.companyId() != null, "estateId", "该小区没有物业服务企业").orThrow();
        long id = insert(null, f.reason(), e, null, f.facts().strip(), p.username()).orElseThrow();
        Exit x = find(id).orElseThrow();
        audit.record("EXIT_RECOMMENDED", "escalation_exit", id,
                "建议业主大会对是否续聘 " + e.companyName() + " 进行表决（" + e.name() + "）", null, x);
        publish(id);
        return id;
    }

    private Optional<Long> insert(String key, ExitReason reason, EstatePlacement e, String schemeTitle, String facts,
                                  String by) {
        return jdbc.sql("""
                INSERT INTO escalation_exit (trigger_key, reason, estate_id, estate_name, region_path, street_name,
                       company_id, company_name, district_id, district_name, scheme_title, facts, raised_on, raised_by,
                       raised_at)
                VALUES (:key, :reason, :estate, :estateName, :path, :street, :company, :companyName, :district,
                        :districtName, :scheme, :facts, :on, :by, :at)
                ON CONFLICT (trigger_key) DO NOTHING RETURNING id""")
                .param("key", key).param("reason", reason.name()).param("estate", e.id()).param("estateName", e.name())
                .param("path", e.regionPath()).param("street", e.streetName()).param("company", e.companyId())
                .param("companyName", e.companyName()).param("district", e.districtId())
                .param("districtName", e.districtName()).param("scheme", schemeTitle).param("facts", facts)
                .param("on", LocalDate.now(clock)).param("by", by).param("at", OffsetDateTime.now(clock))
                .query(Long.class).optional();
    }

    private void publish(long id) {
        Exit x = find(id).orElseThrow();
        events.publishEvent(new ExitRecommended(id, x.reason(), x.estateId(), x.estateName(), x.companyId(),
                x.companyName(), x.districtId(), x.raisedOn()));
    }

    private static final String COLUMNS = """
            SELECT id, reason, estate_id, estate_name, street_name, company_id, company_name, district_id,
                   district_name, scheme_title, facts, raised_on, raised_by FROM escalation_exit x""";
    private static final RowMapper<Exit> EXIT = (rs, i) -> new Exit(rs.getLong("id"),
            ExitReason.valueOf(rs.getString("reason")), rs.getLong("estate_id"), rs.getString("estate_name"),
            rs.getString("street_name"), rs.getLong("company_id"), rs.getString("company_name"),
            rs.getLong("district_id"), rs.getString("district_name"), rs.getString("scheme_title"),
            rs.getString("facts"), rs.getObject("raised_on", LocalDate.class), rs.getString("raised_by"));

    Optional<Exit> find(long id) {
        return jdbc.sql(COLUMNS + " WHERE id = :id").param("id", id).query(EXIT).optional();
    }

    /** The scope of exits: regional users by estate path, a company its own, a committee member its estate's. */
    private static Map.Entry<String, Map<String, Object>> scope(KaopingPrincipal p) {
        return switch (p.role()) {
            case COMPANY_USER -> Map.entry("x.company_id = :scope",
                    Map.of("scope", p.companyId() == null ? -1L : p.companyId()));
            case COMMITTEE_MEMBER -> Map.entry("x.estate_id = :scope",
                    Map.of("scope", p.estateId() == null ? -1L : p.estateId()));
            default -> Map.entry("x.region_path LIKE :scope", Map.of("scope", p.regionPath() + "%"));
        };
    }

    /** The recommendations the principal may see, newest first; for a committee member, its letters. */
    @Transactional(readOnly = true)
    public List<Exit> list(KaopingPrincipal p) {
        var s = scope(p);
        var spec = jdbc.sql(COLUMNS + " WHERE " + s.getKey() + " ORDER BY raised_on DESC, id DESC LIMIT 500");
        s.getValue().forEach(spec::param);
        return spec.query(EXIT).list();
    }

    @Transactional(readOnly = true)
    public Exit get(KaopingPrincipal p, long id) {
        var s = scope(p);
        var spec = jdbc.sql(COLUMNS + " WHERE id = :id AND " + s.getKey()).param("id", id);
        s.getValue().forEach(spec::param);
        return spec.query(EXIT).optional().orElseThrow(() -> new NotFoundException("退出建议不存在"));
    }

    /** The estates with a company a street office or district may raise a recommendation for. */
    @Transactional(readOnly = true)
    public List<EstateListing> estates(KaopingPrincipal p) {
        return directory.estatesUnder(p.regionPath(), null, null, false).stream()
                .filter(e -> e.companyId() != null).toList();
    }
}
