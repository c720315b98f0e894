package cn.kaoping.rectification.internal;

import cn.kaoping.inspection.EstateFindings;
import cn.kaoping.organisation.EstatePlacement;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.ranking.BottomRanked;
import cn.kaoping.ranking.ListedEstate;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The drafts a round's bottom list raises, one per listed estate, withdrawn again when a correction unlists it. */
@Service
class DraftFromRanking {

    private final Notices notices;
    private final OrganisationDirectory directory;
    private final EstateFindings findings;
    private final NoticeTemplates templates;
    private final NoticeTransitions transitions;
    private final Clock clock;

    DraftFromRanking(Notices notices, OrganisationDirectory directory, EstateFindings findings,
                     NoticeTemplates templates, NoticeTransitions transitions, Clock clock) {
        this.notices = notices;
        this.directory = directory;
        this.findings = findings;
        this.templates = templates;
        this.transitions = transitions;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- drafts

    /**
     * Drafts for a bottom list (seed 000: 对每次考评排名后10名的住宅小区物业企业下达《整改通知书》): one per listed
     * estate with a company, prefilled with the estate's deductions in the ranking's rounds. A corrected ranking
     * creates no second draft for an estate, and withdraws the drafts of estates no longer listed.
     */
    @Transactional
    public List<Long> draftsFor(BottomRanked list) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Long> created = new ArrayList<>();
        Map<Long, EstatePlacement> places = directory.placements(list.estates().stream()
                        .map(ListedEstate::estateId).toList()).stream()
                .collect(Collectors.toMap(EstatePlacement::id, e -> e));
        Template template = templates.template(list.districtId(), list.districtName());
        for (ListedEstate e : list.estates()) {
            EstatePlacement place = places.get(e.estateId());
            if (e.companyId() == null || place == null) {
                continue;
            }
            String reason = "%s考评排名后 %d 名：得分 %s 分，%s第 %d 名".formatted(list.period(), list.n(),
                    e.score() == null ? "—" : e.score().stripTrailingZeros().toPlainString(),
                    list.districtName(), e.rank());
            Notice.Header h = Notice.Header.builder().source("RANKING").rankingId(list.rankingId())
                    .schemeCode(list.schemeCode()).period(list.period()).category(list.category())
                    .estate(e.estateId(), e.estateName()).estatePath(place.regionPath())
                    .street(e.streetId(), e.streetName()).district(list.districtId(), list.districtName())
                    .company(e.companyId(), e.companyName() == null ? place.companyName() : e.companyName())
                    .reason(reason).template(template).createdBy(Notices.SYSTEM).build();
            Optional<Long> id = notices.insertDraft(h, now);
            if (id.isEmpty()) {
                continue;
            }
            List<Problem> listed = new ArrayList<>();
            for (EstateFindings.Deduction d : findings.deductions(e.estateId(), list.schemeCode(), list.period())) {
                Problem problem = notices.insertProblem(id.get(), d.ruleCode(), FindingText.describe(d),
                        d.pointsLost(), "FINDING");
                d.files().forEach(f -> notices.addPhoto(problem.id(), "FINDING", f, Notices.SYSTEM, now));
                listed.add(problem);
            }
            if (listed.isEmpty()) {
                listed.add(notices.insertProblem(id.get(), null, reason + "，服务质量未达要求，请对照考评标准全面自查整改",
                        null, "RANKING"));
            }
            transitions.recordForSystem(Notice.drafted(id.get(), h, listed, NoticeEvent.Origin.RANKING, reason));
            created.add(id.get());
        }
        List<Long> listed = list.estates().stream().map(ListedEstate::estateId).toList();
        for (Notice dropped : notices.unlistedDrafts(list.rankingId(), list.districtId(), list.category(), listed)) {
            dropped.withdrawUnlisted(list.n());
            transitions.recordForSystem(dropped);
        }
        return created;
    }
}
