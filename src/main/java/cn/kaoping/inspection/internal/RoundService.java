package cn.kaoping.inspection.internal;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.inspection.Period;
import cn.kaoping.inspection.PublishedResults;
import cn.kaoping.inspection.RoundPublished;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionLevel;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.scheme.engine.Evaluation;
import cn.kaoping.scheme.engine.Scheme;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.Role;
import cn.kaoping.shared.ValidationException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** The life of a round: opening, scoring, publicity, publication and corrections, each audited. */
@Service
public class RoundService {

    private final Rounds rounds;
    private final Inspections inspections;
    private final Scoring scoring;
    private final OrganisationDirectory directory;
    private final PublishedResults published;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final RoundSettings settings;
    private final Clock clock;
    private final Rescore rescore;
    private final SurveyFacts surveyFacts;

    RoundService(Rounds rounds, Inspections inspections, Scoring scoring, OrganisationDirectory directory,
                 PublishedResults published, AuditLog audit, ApplicationEventPublisher events, JsonMapper json,
                 RoundSettings settings, Clock clock, Rescore rescore, SurveyFacts surveyFacts) {
        this.settings = settings;
        this.rescore = rescore;
        this.surveyFacts = surveyFacts;
        this.rounds = rounds;
        this.inspections = inspections;
        this.scoring = scoring;
        this.directory = directory;
        this.published = published;
        this.audit = audit;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    public static boolean opensRounds(Role role) {
        return role == Role.DISTRICT_ADMIN || role == Role.CITY_ADMIN;
    }

    /** Streets the principal may choose from when opening a round. */
    @Transactional(readOnly = true)
    public List<RegionRef> streets(KaopingPrincipal p) {
        return directory.regions(RegionLevel.STREET).stream().filter(r -> p.covers(r.path())).toList();
    }

    /** Opens a draft round over the estates of the principal's region that match the form's filter. */
    @Transactional
    public Round create(KaopingPrincipal p, RoundForm form) {
        if (!opensRounds(p.role())) {
            throw new ForbiddenException("只有区、市房产主管部门可以发起考评轮次");
        }
        Period period;
        try {
            period = Period.parse(form.period());
        } catch (IllegalArgumentException e) {
            throw new ValidationException("period", e.getMessage());
        }
        Scheme scheme;
        try {
            scheme = scoring.scheme(form.schemeCode(), form.schemeVersion());
        } catch (NotFoundException e) {
            throw new ValidationException("schemeCode", e.getMessage());
        }
        if (scheme.assesses() != Scheme.Subject.ESTATE) {
            throw new ValidationException("schemeCode", "《" + scheme.title() + "》用于考核" + scheme.assesses().label()
                    + "，不能用于小区考评轮次");
        }
        if (form.streetId() != null && directory.region(form.streetId())
                .filter(r -> r.level() == RegionLevel.STREET && p.covers(r.path())).isEmpty()) {
            throw new ValidationException("streetId", "请选择您辖区内的街道");
        }
        Round draft = Round.draft(form.name().strip(), form.schemeCode(), form.schemeVersion(), period,
                p.regionId(), p.regionPath(), form.inspectionDue(), form.reviewDue(), form.publicityDays(),
                settings.minPublicityDays());
        long id = rounds.insert(draft, p.username(), now());
        int tasks = inspections.createTasks(id, directory.estatesUnder(p.regionPath(), form.streetId(),
                form.category(), form.oldEstatesOnly()));
        if (tasks == 0) {
            throw new ValidationException("streetId", "没有符合条件的小区，请调整范围");
        }
        List<Rounds.Overlap> overlaps = rounds.overlapping(id);
        if (!overlaps.isEmpty() && !form.confirmOverlap()) {
            // rolled back with the transaction: the form shows the clash and asks to confirm (issue 21)
            Rounds.Overlap o = overlaps.get(0);
            throw new ValidationException("confirmOverlap", "已有轮次「" + o.name() + "」按同一考评标准和周期考评其中 "
                    + o.estates() + " 个小区" + (overlaps.size() > 1 ? "（另有 " + (overlaps.size() - 1) + " 个轮次）" : "")
                    + "。确需再发起一轮，请勾选确认后重新提交");
        }
        audit.record("CREATE", "round", id, "发起考评轮次 " + draft.name() + "（" + tasks + " 个小区）", null, form);
        return rounds.find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<Rounds.RoundSummary> list(KaopingPrincipal p) {
        return rounds.list(p);
    }

    /** A round the principal may see; 404 otherwise. */
    @Transactional(readOnly = true)
    public Round get(KaopingPrincipal p, long id) {
        if (!rounds.visible(p, id)) {
            throw notFound();
        }
        return rounds.find(id).orElseThrow(RoundService::notFound);
    }

    @Transactional(readOnly = true)
    public List<Inspections.TaskRow> tasks(KaopingPrincipal p, long id) {
        get(p, id);
        return inspections.ofRound(p, id);
    }

    @Transactional(readOnly = true)
    public Map<String, Object> counts(long id) {
        return rounds.counts(id);
    }

    @Transactional(readOnly = true)
    public List<Rounds.RoundResult> results(KaopingPrincipal p, long id) {
        get(p, id);
        return rounds.results(id);
    }

    @Transactional
    public Round open(KaopingPrincipal p, long id) {
        Round round = lead(p, id);
        round.open(inspections.countTasks(id));
        rounds.saveState(round);
        // surveys of the period that closed before the round opened (seed 004, row 20)
        surveyFacts.pull(round);
        audit.record("OPEN", "round", id, "启动考评轮次 " + round.name(), RoundStatus.DRAFT, round.status());
        return round;
    }

    /** Scores every inspection again and starts publicity, once all are accepted. */
    @Transactional
    public Round startPublicity(KaopingPrincipal p, long id) {
        Round round = lead(p, id);
        round.startPublicity(today(), inspections.countNotAccepted(id));
        scoreAll(round);
        rounds.saveState(round);
        audit.record("PUBLICITY", "round", id, "考评结果公示 " + round.publicityStart() + " 至 "
                + round.lastObjectionDay(), RoundStatus.OPEN, round.status());
        return round;
    }

    /** Publishes the results as revision 1 of an immutable snapshot and tells other modules. */
    @Transactional
    public Rounds.RoundResult publish(KaopingPrincipal p, long id) {
        Round round = lead(p, id);
        round.publish(today(), rounds.openObjections(id));
        rounds.saveState(round);
        Rounds.RoundResult result = rounds.snapshot(id, null, p.username(), now());
        audit.record("PUBLISH", "round", id, "公布考评结果 " + round.name() + "（第 1 版，SHA-256 "
                + result.contentHash() + "）", RoundStatus.PUBLICITY, Map.of("revision", 1, "hash", result.contentHash()));
        announce(round, result);
        return result;
    }

    /**
     * Corrects a published result: one finding changes, the estate is scored again and a new revision is stored
     * beside the old ones, with the reason.
     */
    @Transactional
    public Rounds.RoundResult revise(KaopingPrincipal p, long id, RevisionForm form) {
        Round round = lead(p, id);
        String reason = round.revise(form.reason());
        if (form.inspectionId() == null || form.rule() == null || form.rule().isBlank()) {
            throw new ValidationException("rule", "请选择要更正的小区和规则");
        }
        Inspection inspection = inspections.find(form.inspectionId()).filter(i -> i.roundId() == id)
                .orElseThrow(() -> new ValidationException("inspectionId", "该小区不在本轮次中"));
        Scheme scheme = scoring.scheme(round);
        Finding corrected = form.finding();
        Scoring.check(scheme, round, List.of(corrected));
        List<Finding> before = inspections.findings(inspection.id());
        inspections.saveFindings(inspection.id(), List.of(corrected), p.username(), now());
        rescore(round, inspection.id());
        Rounds.RoundResult previous = rounds.results(id).get(0);
        Rounds.RoundResult result = rounds.snapshot(id, reason, p.username(), now());
        audit.record("REVISE", "round", id, "更正考评结果（第 " + result.revision() + " 版）：" + inspection.estateName()
                        + " 规则 " + corrected.rule() + "。理由：" + reason,
                Map.of("revision", previous.revision(), "hash", previous.contentHash(), "findings", before),
                Map.of("revision", result.revision(), "hash", result.contentHash(), "finding", corrected,
                        "reason", reason));
        announce(round, result);
        return result;
    }

    private void announce(Round round, Rounds.RoundResult result) {
        var latest = published.latest(round.roundId()).orElseThrow();
        events.publishEvent(new RoundPublished(round.roundId(), result.revision(), result.reason(),
                result.contentHash(), round.schemeCode(), round.schemeVersion(), round.period(), round.regionId(),
                latest.results()));
    }

    /** Scores every inspection of a round against its pinned scheme; returns how many were scored. */
    @Transactional
    public int scoreAll(long roundId) {
        return scoreAll(rounds.find(roundId).orElseThrow(RoundService::notFound));
    }

    /** Scores a whole round again, for one who leads it. */
    @Transactional
    public int scoreAll(KaopingPrincipal p, long roundId) {
        return scoreAll(lead(p, roundId));
    }

    private int scoreAll(Round round) {
        Scheme scheme = scoring.scheme(round);
        List<Map<String, Object>> scores = new ArrayList<>();
        for (Map.Entry<Long, List<Finding>> e : inspections.findingsOfRound(round.id()).entrySet()) {
            Evaluation ev = scoring.evaluate(scheme, round, e.getValue());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", e.getKey());
            row.put("total", ev.total());
            row.put("grade", ev.grade());
            row.put("gradeLabel", ev.gradeLabel());
            row.put("passed", ev.passed());
            row.put("evaluation", ev);
            scores.add(row);
        }
        return scores.isEmpty() ? 0 : inspections.saveScores(json.writeValueAsString(scores));
    }

    /** Scores one inspection from its stored findings and stores the result. */
    Evaluation rescore(Round round, long inspectionId) {
        return rescore.inspection(round, inspectionId);
    }

    /** The round locked for a transition by one who leads it; 404 when not visible, 403 when only visible. */
    Round lead(KaopingPrincipal p, long id) {
        if (!rounds.visible(p, id)) {
            throw notFound();
        }
        Round round = rounds.lock(id).orElseThrow(RoundService::notFound);
        if (!Scope.leads(p, round)) {
            throw new ForbiddenException("只有发起轮次的区（市）房产主管部门可以执行此操作");
        }
        return round;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    static NotFoundException notFound() {
        return new NotFoundException("考评轮次不存在");
    }
}
