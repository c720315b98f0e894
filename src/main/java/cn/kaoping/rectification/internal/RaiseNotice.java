package cn.kaoping.rectification.internal;

import cn.kaoping.inspection.EstateFindings;
import cn.kaoping.organisation.EstatePlacement;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.ValidationException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A notice raised by hand: what an estate's draft may list (its published deductions and patrol records), and the
 * draft itself from the chosen records and the officer's own problem (seed 000: 下达《整改通知书》，限期整改).
 */
@Service
public class RaiseNotice {

    private final NoticeQueries queries;
    private final Notices notices;
    private final OrganisationDirectory directory;
    private final EstateFindings findings;
    private final NoticeTemplates templates;
    private final NoticeTransitions transitions;
    private final Clock clock;

    RaiseNotice(NoticeQueries queries, Notices notices, OrganisationDirectory directory, EstateFindings findings,
                NoticeTemplates templates, NoticeTransitions transitions, Clock clock) {
        this.queries = queries;
        this.notices = notices;
        this.directory = directory;
        this.findings = findings;
        this.templates = templates;
        this.transitions = transitions;
        this.clock = clock;
    }

    /** What a notice raised by hand may list for an estate: its published deductions and its patrol records. */
    @Transactional(readOnly = true)
    public List<Views.Candidate> candidates(KaopingPrincipal p, long estateId) {
        placement(p, estateId);
        List<Views.Candidate> result = new ArrayList<>();
        for (EstateFindings.Deduction d : findings.deductions(estateId)) {
            result.add(new Views.Candidate("F" + d.inspectionId() + ":" + d.ruleCode(),
                    d.roundName() + " · " + d.ruleCode() + " · " + FindingText.describe(d) + " · -"
                            + d.pointsLost().toPlainString(),
                    d.ruleCode(), FindingText.describe(d), d.pointsLost(), d.files()));
        }
        for (EstateFindings.PatrolEntry r : findings.patrols(estateId)) {
            String text = (r.kind().equals("WEEKLY") ? "周巡查" : "月考核") + " " + r.recordedOn() + "：规则 "
                    + r.ruleCode() + " " + r.count() + " 处" + (r.note() == null || r.note().isBlank() ? ""
                    : "，" + r.note().strip());
            result.add(new Views.Candidate("P" + r.id(), text, r.ruleCode(), text, null,
                    r.fileId() == null ? List.of() : List.of(r.fileId())));
        }
        return result;
    }

    /** The estate as a notice would name it, after checking the principal may raise notices for it. */
    @Transactional(readOnly = true)
    public EstatePlacement placement(KaopingPrincipal p, long estateId) {
        EstatePlacement place = directory.placements(List.of(estateId)).stream().findFirst()
                .filter(e -> Access.official(p) && p.covers(e.regionPath()))
                .orElseThrow(() -> new NotFoundException("小区不存在"));
        if (!Access.issues(p)) {
            throw new ForbiddenException("只有街道办事处和区房产主管部门可以下达整改通知书");
        }
        return place;
    }

    /**
     * Raises a draft by hand from chosen findings or patrol records (their keys from {@link #candidates}) and/or a
     * problem written by the officer.
     */
    @Transactional
    public long raise(KaopingPrincipal p, long estateId, List<String> chosen, String written) {
        EstatePlacement place = placement(p, estateId);
        if (place.companyId() == null) {
            throw new ValidationException("estate", "该小区没有物业服务企业，不能下达整改通知书");
        }
        Map<String, Views.Candidate> byKey = candidates(p, estateId).stream()
                .collect(Collectors.toMap(Views.Candidate::key, c -> c, (a, b) -> a));
        List<Views.Candidate> picked = new ArrayList<>();
        for (String key : chosen == null ? List.<String>of() : chosen) {
            Views.Candidate c = byKey.get(key);
            if (c == null) {
                throw new ValidationException("findings", "所选的检查记录不存在或不属于该小区");
            }
            picked.add(c);
        }
        String text = written == null ? "" : written.strip();
        if (picked.isEmpty() && text.isEmpty()) {
            throw new ValidationException("problem", "请至少选择一条检查记录或填写一个问题");
        }
        if (text.length() > 1000) {
            throw new ValidationException("problem", "问题描述不能超过 1000 字");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Notice.Header h = header(p, place);
        long id = notices.insertDraft(h, now).orElseThrow();
        List<Problem> listed = new ArrayList<>();
        for (Views.Candidate c : picked) {
            Problem problem = notices.insertProblem(id, c.ruleCode(), c.description(), c.pointsLost(),
                    c.key().startsWith("P") ? "PATROL" : "FINDING");
            c.files().forEach(f -> notices.addPhoto(problem.id(), "FINDING", f, p.username(), now));
            listed.add(problem);
        }
        if (!text.isEmpty()) {
            listed.add(notices.insertProblem(id, null, text, null, "MANUAL"));
        }
        transitions.record(p, Notice.drafted(id, h, listed, NoticeEvent.Origin.BY_HAND, "手工发起"));
        return id;
    }

    /**
     * A new draft (source MANUAL) for the estate with the district's current template, for a problem another module
     * reports; it registers {@link NoticeEvent.Drafted} with the note, and the use case adds the problem.
     */
    Notice draftForReport(KaopingPrincipal p, EstatePlacement place, String note, OffsetDateTime now) {
        Notice.Header h = header(p, place);
        return Notice.drafted(notices.insertDraft(h, now).orElseThrow(), h, List.of(), NoticeEvent.Origin.REPORT,
                note);
    }

    /** The header of a draft raised by hand for the estate, with the district's current template. */
    private Notice.Header header(KaopingPrincipal p, EstatePlacement place) {
        return Notice.Header.builder().source("MANUAL").category(place.category().name())
                .estate(place.id(), place.name()).estatePath(place.regionPath())
                .street(place.streetId(), place.streetName()).district(place.districtId(), place.districtName())
                .company(place.companyId(), place.companyName())
                .template(templates.template(place.districtId(), place.districtName())).createdBy(p.username())
                .build();
    }
}
