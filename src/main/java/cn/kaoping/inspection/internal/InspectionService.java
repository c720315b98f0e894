package cn.kaoping.inspection.internal;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.inspection.InspectionSubmitted;
import cn.kaoping.platform.storage.FileStore;
import cn.kaoping.platform.storage.StoredFile;
import cn.kaoping.platform.storage.UploadPolicy;
import cn.kaoping.scheme.engine.Evaluation;
import cn.kaoping.scheme.engine.Scheme;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.ValidationException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An estate's inspection: findings (autosaved), photo evidence, submission, review by the district, patrol records
 * carried in, and objections during publicity. Scope: a street officer of the estate's street edits; the leading
 * district reviews; the estate's company objects; everyone else who may not see the task gets 404.
 */
@Service
public class InspectionService {

    /** Evidence photos: JPEG, PNG or WebP by content, at most 10 MB each (issue 4). */
    public static final UploadPolicy PHOTOS = UploadPolicy.photos(10);

    private final Inspections inspections;
    private final Rounds rounds;
    private final Patrols patrols;
    private final Objections objections;
    private final RoundService roundService;
    private final Scoring scoring;
    private final FileStore files;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final InspectionScope scope;
    private final Clock clock;

    InspectionService(Inspections inspections, Rounds rounds, Patrols patrols, Objections objections,
                      RoundService roundService, Scoring scoring, FileStore files, AuditLog audit,
                      ApplicationEventPublisher events, InspectionScope scope, Clock clock) {
        this.inspections = inspections;
        this.rounds = rounds;
        this.patrols = patrols;
        this.objections = objections;
        this.roundService = roundService;
        this.scoring = scoring;
        this.files = files;
        this.audit = audit;
        this.events = events;
        this.scope = scope;
        this.clock = clock;
    }

    /** The inspection screen's content for the principal; 404 when the task lies outside his scope. */
    @Transactional(readOnly = true)
    public TaskView task(KaopingPrincipal p, long id) {
        Inspection inspection = inspections.find(id).orElseThrow(InspectionService::notFound);
        Round round = rounds.find(inspection.roundId()).orElseThrow(InspectionService::notFound);
        if (!Scope.sees(p, round, inspection)) {
            throw notFound();
        }
        Scheme scheme = scoring.scheme(round);
        List<Finding> found = inspections.findings(id);
        Map<String, Finding> byRule = found.stream()
                .collect(Collectors.toMap(Finding::key, f -> f, (a, b) -> a, LinkedHashMap::new));
        Map<String, List<Inspections.EvidenceRow>> evidence = inspections.evidence(id).stream()
                .collect(Collectors.groupingBy(Inspections.EvidenceRow::rule, LinkedHashMap::new, Collectors.toList()));
        boolean inspects = Scope.inspects(p, inspection);
        boolean canEdit = inspects && round.status() == RoundStatus.OPEN && inspection.editable();
        boolean leads = Scope.leads(p, round);
        List<Patrols.PatrolRow> patrolRows = inspects || leads ? patrols.within(inspection.estateId(),
                round.schemeCode(), round.period().start(), round.period().end()) : List.of();
        return new TaskView(round, inspection, RuleInput.of(scheme, round), byRule, evidence,
                scoring.evaluate(round, found), patrolRows, objections.ofInspection(id), canEdit,
                leads && round.status() == RoundStatus.OPEN && inspection.status() == InspectionStatus.SUBMITTED,
                Scope.mayObject(p, inspection) && round.takesObjections(today()),
                leads && round.status() == RoundStatus.PUBLICITY);
    }

    /**
     * Saves (autosaves) findings of an editable inspection and scores it again. Only the given rules change.
     *
     * @throws ValidationException listing every finding that does not fit the scheme; nothing is saved then
     */
    @Transactional
    public Evaluation saveFindings(KaopingPrincipal p, long id, Collection<Finding> findings) {
        InspectionScope.Editing e = scope.edit(p, id);
        List<Finding> typed = typedBy(id, findings);
        Scoring.check(scoring.scheme(e.round()), e.round(), typed);
        inspections.saveFindings(id, typed, p.username(), now());
        return roundService.rescore(e.round(), id);
    }

    /**
     * Autosave that loses nothing: the findings that fit the scheme are saved; a refused one (a negative count, a
     * rate above 100 %) keeps its stored numbers but saves the note typed with it, and is reported. Scores again.
     */
    @Transactional
    public Saved saveWhatFits(KaopingPrincipal p, long id, Collection<Finding> findings) {
        InspectionScope.Editing e = scope.edit(p, id);
        Scheme scheme = scoring.scheme(e.round());
        Map<String, Finding> stored = new LinkedHashMap<>();
        inspections.findings(id).forEach(f -> stored.put(f.key(), f));
        List<ValidationException.FieldProblem> problems = new java.util.ArrayList<>();
        List<Finding> fitting = new java.util.ArrayList<>();
        for (Finding f : typedBy(id, findings)) {
            try {
                Scoring.check(scheme, e.round(), List.of(f));
                fitting.add(f);
            } catch (ValidationException refused) {
                problems.addAll(refused.problems());
                if (Scoring.rule(scheme, f.rule()).isPresent()) {
                    Finding before = stored.get(f.key());
                    fitting.add(before == null
                            ? new Finding(f.rule(), null, false, null, f.note(), null, f.due(), null, null)
                            : new Finding(f.rule(), before.count(), before.holds(), before.value(), f.note(),
                                    before.sample(), before.due(), before.date(), null));
                }
            }
        }
        inspections.saveFindings(id, fitting, p.username(), now());
        return new Saved(roundService.rescore(e.round(), id), problems);
    }

    /** What an autosave stored: the new score, and the findings it refused (by field, with a Chinese message). */
    public record Saved(Evaluation evaluation, List<ValidationException.FieldProblem> problems) {
    }

    /** Stores a photo for a finding. A refused file changes nothing else (findings are saved separately). */
    @Transactional
    public long addEvidence(KaopingPrincipal p, long id, String rule, byte[] content, String filename) {
        InspectionScope.Editing e = scope.edit(p, id);
        requireRule(e.round(), rule);
        StoredFile file = files.store(content, filename, p.username(), PHOTOS);
        long evidenceId = inspections.addEvidence(id, rule, file.id(), p.username(), now());
        audit.record("CREATE", "evidence", evidenceId, "上传佐证照片：" + e.inspection().estateName() + " 规则 " + rule,
                null, Map.of("inspection", id, "rule", rule, "sha256", file.sha256(), "type", file.contentType(),
                        "size", file.size()));
        return evidenceId;
    }

    /** An evidence photo's description and bytes, for whoever may see the inspection. */
    @Transactional(readOnly = true)
    public Photo evidence(KaopingPrincipal p, long inspectionId, long evidenceId) {
        scope.visible(p, inspectionId);
        Inspections.EvidenceRow row = inspections.evidence(inspectionId).stream()
                .filter(e -> e.id() == evidenceId).findFirst().orElseThrow(InspectionService::notFound);
        return new Photo(row.contentType(), files.content(row.fileId()).orElseThrow(InspectionService::notFound));
    }

    /** Saves the last findings (if any) and hands the inspection to the district: one action. */
    @Transactional
    public Evaluation submit(KaopingPrincipal p, long id, Collection<Finding> findings) {
        InspectionScope.Editing e = scope.edit(p, id);
        Scheme scheme = scoring.scheme(e.round());
        if (findings != null && !findings.isEmpty()) {
            List<Finding> typed = typedBy(id, findings);
            Scoring.check(scheme, e.round(), typed);
            inspections.saveFindings(id, typed, p.username(), now());
        }
        Evaluation ev = roundService.rescore(e.round(), id);
        InspectionStatus before = e.inspection().status();
        e.inspection().submit();
        if (e.inspection().assignee() == null) {
            // who inspected is recorded: an unassigned task becomes the submitting officer's (issue 21)
            inspections.assign(id, p.username());
        }
        inspections.saveState(e.inspection(), p.username(), now());
        audit.record("SUBMIT", "inspection", id, "提交检查：" + e.inspection().estateName() + "，得分 " + ev.total(),
                Map.of("status", before), Map.of("status", e.inspection().status(), "total", ev.total(),
                        "findings", inspections.findings(id)));
        events.publishEvent(new InspectionSubmitted(id, e.round().roundId(), e.inspection().estateId(), ev.total(),
                p.username()));
        return ev;
    }

    @Transactional
    public void accept(KaopingPrincipal p, long id) {
        InspectionScope.Reviewing r = scope.review(p, id);
        r.inspection().accept();
        inspections.saveState(r.inspection(), p.username(), now());
        audit.record("ACCEPT", "inspection", id, "审核通过：" + r.inspection().estateName(),
                Map.of("status", InspectionStatus.SUBMITTED), Map.of("status", r.inspection().status()));
    }

    @Transactional
    public void returnWithComments(KaopingPrincipal p, long id, String comments) {
        InspectionScope.Reviewing r = scope.review(p, id);
        r.inspection().returnWithComments(comments);
        inspections.saveState(r.inspection(), p.username(), now());
        audit.record("RETURN", "inspection", id, "退回检查：" + r.inspection().estateName() + "。意见：" + comments.strip(),
                Map.of("status", InspectionStatus.SUBMITTED), Map.of("status", r.inspection().status(),
                        "comment", comments.strip()));
    }

    /**
     * Carries the period's patrol records not yet used into the inspection in one step: each record's count is
     * added to its rule's finding, its note appended and its photo attached. Returns how many were carried.
     */
    @Transactional
    public int carryPatrols(KaopingPrincipal p, long id) {
        InspectionScope.Editing e = scope.edit(p, id);
        Scheme scheme = scoring.scheme(e.round());
        List<Patrols.PatrolRow> rows = patrols.within(e.inspection().estateId(), e.round().schemeCode(),
                e.round().period().start(), e.round().period().end()).stream()
                .filter(r -> r.carriedInto() == null && Scoring.rule(scheme, r.rule()).isPresent()).toList();
        if (rows.isEmpty()) {
            return 0;
        }
        Map<String, Finding> current = new LinkedHashMap<>();
        inspections.findings(id).forEach(f -> current.put(f.rule(), f));
        Map<String, Finding> changed = new LinkedHashMap<>();
        for (Patrols.PatrolRow r : rows) {
            Finding f = changed.getOrDefault(r.rule(), current.getOrDefault(r.rule(),
                    new Finding(r.rule(), 0, false, null, null)));
            String line = r.kind().label() + " " + r.recordedOn() + "：" + r.count() + " 处"
                    + (r.note() == null || r.note().isBlank() ? "" : "，" + r.note());
            String note = f.note() == null || f.note().isBlank() ? line : f.note() + "；" + line;
            boolean condition = Scoring.rule(scheme, r.rule()).orElseThrow()
                    instanceof cn.kaoping.scheme.engine.Condition;
            changed.put(r.rule(), condition ? new Finding(r.rule(), f.count(), true, f.value(), note)
                    : new Finding(r.rule(), (f.count() == null ? 0 : f.count()) + r.count(), f.holds(), f.value(), note));
            if (r.fileId() != null) {
                inspections.addEvidence(id, r.rule(), r.fileId(), p.username(), now());
            }
        }
        Scoring.check(scheme, e.round(), changed.values());
        inspections.saveFindings(id, changed.values(), p.username(), now());
        int carried = patrols.markCarried(rows.stream().map(Patrols.PatrolRow::id).toList(), id);
        roundService.rescore(e.round(), id);
        audit.record("CARRY_PATROLS", "inspection", id, "带入巡查记录 " + carried + " 条：" + e.inspection().estateName(),
                current.values(), changed.values());
        return carried;
    }

    /** Open tasks of the principal's street, earliest due first. */
    @Transactional(readOnly = true)
    public List<Inspections.TaskRow> openTasks(KaopingPrincipal p) {
        return inspections.openTasks(p);
    }

    /**
     * What a person typed: a source a client claims is dropped, and a rule filled by a module (the survey's
     * satisfaction) cannot be overwritten by hand — a correction goes through the survey or, once published, a
     * revision.
     */
    private List<Finding> typedBy(long id, Collection<Finding> findings) {
        Map<String, Finding> filled = inspections.findings(id).stream().filter(Finding::fromModule)
                .collect(Collectors.toMap(Finding::key, f -> f, (a, b) -> a));
        List<cn.kaoping.shared.ValidationException.FieldProblem> problems = new java.util.ArrayList<>();
        List<Finding> typed = new java.util.ArrayList<>();
        for (Finding f : findings) {
            if (f == null) {
                problems.add(new cn.kaoping.shared.ValidationException.FieldProblem("rule", "检查记录不能为空"));
                continue;
            }
            Finding module = filled.get(f.key());
            if (module != null) {
                problems.add(new cn.kaoping.shared.ValidationException.FieldProblem("value:" + f.rule(), f.rule()
                        + "：本项由" + SurveyFacts.describe(module.source()) + "自动填入，不能手工修改"));
                continue;
            }
            typed.add(f.typed());
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return typed;
    }

    private void requireRule(Round round, String rule) {
        if (rule == null || Scoring.rule(scoring.scheme(round), rule).isEmpty()) {
            throw new ValidationException("rule", "请选择考评标准中的一条规则");
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    static NotFoundException notFound() {
        return InspectionScope.notFound();
    }

    /** A photo's detected content type and bytes. */
    public record Photo(String contentType, byte[] content) {
    }
}
