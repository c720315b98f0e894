package cn.kaoping.rectification.internal;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.inspection.EstateFindings;
import cn.kaoping.organisation.EstatePlacement;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.platform.database.SqlArrays;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The drafts a round's bottom list raises, one per listed estate, withdrawn again when a correction unlists it. */
@Service
class DraftFromRanking {


    private final Notices notices;
    private final JdbcClient jdbc;
    private final OrganisationDirectory directory;
    private final EstateFindings findings;
    private final NoticeTemplates templates;
    private final AuditLog audit;
    private final Clock clock;

    DraftFromRanking(Notices notices, JdbcClient jdbc, OrganisationDirectory directory, EstateFindings findings,
                     NoticeTemplates templates, AuditLog audit, Clock clock) {
        this.notices = notices;
        this.jdbc = jdbc;
        this.directory = directory;
        this.findings = findings;
        this.templates = templates;
        this.audit = audit;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- drafts

    /**
     * Drafts for a bottom list (seed 000: 对每次考评排名后10名的住宅小区物业企业下达《整改通知书》): one per listed
     * estate with a company, prefilled with the estate's deductions in the ranking's rounds. A corrected ranking
     * creates no second draft for an estate, and withdraws the drafts of estates no longer listed.
     */
    @Transactional
    public List<Long> draftsFor(cn.kaoping.ranking.BottomRanked list) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Long> created = new ArrayList<>();
        Map<Long, EstatePlacement> places = directory.placements(list.estates().stream()
                        .map(cn.kaoping.ranking.ListedEstate::estateId).toList()).stream()
                .collect(Collectors.toMap(EstatePlacement::id, e -> e));
        Template template = templates.template(list.districtId(), list.districtName());
        for (cn.kaoping.ranking.ListedEstate e : list.estates()) {
            EstatePlacement place = places.get(e.estateId());
            if (e.companyId() == null || place == null) {
                continue;
            }
            String reason = "%s考评排名后 %d 名：得分 %s 分，%s第 %d 名".formatted(list.period(), list.n(),
                    e.score() == null ? "—" : e.score().stripTrailingZeros().toPlainString(),
                    list.districtName(), e.rank());
            Notice.Header h = new Notice.Header("RANKING", list.rankingId(), list.schemeCode(), list.period(),
                    list.category(), e.estateId(), e.estateName(), place.regionPath(), e.streetId(), e.streetName(),
                    list.districtId(), list.districtName(), e.companyId(),
                    e.companyName() == null ? place.companyName() : e.companyName(), reason, template.issuingBody(),
                    template.numberPrefix(), template.heading(), template.body(), template.deadlineDays(),
                    template.acceptanceMethod(), Notices.SYSTEM);
            Optional<Long> id = notices.insertDraft(h, now);
            if (id.isEmpty()) {
                continue;
            }
            List<EstateFindings.Deduction> deductions = findings.deductions(e.estateId(), list.schemeCode(),
                    list.period());
            for (EstateFindings.Deduction d : deductions) {
                long problem = notices.insertProblem(id.get(), d.ruleCode(), FindingText.describe(d),
                        d.pointsLost(), "FINDING");
                d.files().forEach(f -> notices.addPhoto(problem, "FINDING", f, Notices.SYSTEM, now));
            }
            if (deductions.isEmpty()) {
                notices.insertProblem(id.get(), null, reason + "，服务质量未达要求，请对照考评标准全面自查整改",
                        null, "RANKING");
            }
            notices.step(id.get(), null, "DRAFTED", reason, Notices.SYSTEM, now);
            audit.recordAs(Notices.SYSTEM, "DRAFT", "rectification_notice", id.get(),
                    "生成整改通知书草稿：" + e.estateName() + "（" + reason + "）", null,
                    Map.of("ranking", list.rankingId(), "estate", e.estateId(), "problems",
                            Math.max(1, deductions.size())));
            created.add(id.get());
        }
        List<Long> listed = list.estates().stream().map(cn.kaoping.ranking.ListedEstate::estateId).toList();
        List<Long> dropped = jdbc.sql("""
                UPDATE rectification_notice SET status = 'WITHDRAWN'
                WHERE ranking_id = :ranking AND district_id = :district AND category = :category AND status = 'DRAFT'
                  AND NOT (estate_id = ANY (CAST(:listed AS bigint[])))
                RETURNING id""")
                .param("ranking", list.rankingId()).param("district", list.districtId())
                .param("category", list.category())
                .param("listed", SqlArrays.ids(listed))
                .query(Long.class).list();
        for (long id : dropped) {
            notices.step(id, null, "WITHDRAWN", "更正后的排名不再列入后 " + list.n() + " 名", Notices.SYSTEM, now);
            audit.recordAs(Notices.SYSTEM, "WITHDRAW", "rectification_notice", id, "排名更正后撤回整改通知书草稿", null,
                    Map.of("ranking", list.rankingId()));
        }
        return created;
    }
}
