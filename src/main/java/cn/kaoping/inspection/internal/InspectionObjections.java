package cn.kaoping.inspection.internal;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.platform.storage.FileStore;
import cn.kaoping.platform.storage.StoredFile;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.ValidationException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Objections during publicity: the estate's company objects to a finding with a reason and a photo; the leading
 * district upholds it (the finding is corrected and the estate scored again) or rejects it; both sides see it.
 */
@Service
public class InspectionObjections {

    private final InspectionScope scope;
    private final Inspections inspections;
    private final Rounds rounds;
    private final RoundService roundService;
    private final Objections objections;
    private final Scoring scoring;
    private final FileStore files;
    private final AuditLog audit;
    private final Clock clock;

    InspectionObjections(InspectionScope scope, Inspections inspections, Rounds rounds, RoundService roundService,
                         Objections objections, Scoring scoring, FileStore files, AuditLog audit, Clock clock) {
        this.scope = scope;
        this.inspections = inspections;
        this.rounds = rounds;
        this.roundService = roundService;
        this.objections = objections;
        this.scoring = scoring;
        this.files = files;
        this.audit = audit;
        this.clock = clock;
    }

    /** The estate's company objects to a finding during publicity, with a reason and an optional photo. */
    @Transactional
    public long object(KaopingPrincipal p, long id, String rule, String reason, byte[] photo, String filename) {
        Inspection inspection = scope.visible(p, id);
        Round round = rounds.lock(inspection.roundId()).orElseThrow(InspectionScope::notFound);
        if (!Scope.mayObject(p, inspection)) {
            throw new ForbiddenException("只有该小区的物业服务企业可以提出异议");
        }
        if (!round.takesObjections(LocalDate.now(clock))) {
            throw new ConflictException("不在公示期内，不能提出异议");
        }
        requireRule(round, rule);
        if (reason == null || reason.isBlank()) {
            throw new ValidationException("reason", "请写明异议理由");
        }
        UUID fileId = photo == null || photo.length == 0 ? null
                : files.store(photo, filename, p.username(), InspectionService.PHOTOS).id();
        long objectionId = objections.insert(round.id(), id, rule, reason.strip(), fileId, p.username(),
                OffsetDateTime.now(clock));
        audit.record("OBJECT", "objection", objectionId, "对 " + inspection.estateName() + " 规则 " + rule
                + " 提出异议：" + reason.strip(), null, Map.of("inspection", id, "rule", rule, "reason", reason.strip()));
        return objectionId;
    }

    /**
     * The district decides an objection during publicity. Upheld: the finding changes to {@code corrected} and the
     * estate is scored again; rejected: the reason is recorded. Both sides see the decision.
     */
    @Transactional
    public void decide(KaopingPrincipal p, long objectionId, boolean upheld, String decision, Finding corrected) {
        Objections.ObjectionRow o = objections.lock(objectionId).orElseThrow(InspectionScope::notFound);
        Inspection inspection = scope.visible(p, o.inspectionId());
        Round round = roundService.lead(p, inspection.roundId());
        if (round.status() != RoundStatus.PUBLICITY) {
            throw new ConflictException("只有公示期间可以处理异议");
        }
        if (!o.open()) {
            throw new ConflictException("该异议已处理");
        }
        if (decision == null || decision.isBlank()) {
            throw new ValidationException("decision", "请写明处理意见");
        }
        List<Finding> before = inspections.findings(inspection.id());
        if (upheld) {
            if (corrected == null) {
                throw new ValidationException("count", "异议成立时请填写更正后的检查结果");
            }
            corrected = new Finding(o.rule(), corrected.count(), corrected.holds(), corrected.value(),
                    corrected.note());
            Scoring.check(scoring.scheme(round), round, List.of(corrected));
            inspections.saveFindings(inspection.id(), List.of(corrected), p.username(), OffsetDateTime.now(clock));
            roundService.rescore(round, inspection.id());
        }
        objections.decide(objectionId, upheld, decision.strip(), p.username(), OffsetDateTime.now(clock));
        audit.record(upheld ? "OBJECTION_UPHELD" : "OBJECTION_REJECTED", "objection", objectionId,
                (upheld ? "异议成立，更正 " : "异议不成立：") + inspection.estateName() + " 规则 " + o.rule() + "。"
                        + decision.strip(), before, upheld ? inspections.findings(inspection.id()) : decision.strip());
    }

    /** The round's objections on inspections the principal may see (the company its own, the district all). */
    @Transactional(readOnly = true)
    public List<Objections.RoundObjection> objectionsOfRound(KaopingPrincipal p, long roundId) {
        return objections.ofRound(p, roundId);
    }

    /** The photo attached to an objection, for whoever may see the inspection (both sides). */
    @Transactional(readOnly = true)
    public InspectionService.Photo objectionPhoto(KaopingPrincipal p, long inspectionId, long objectionId) {
        scope.visible(p, inspectionId);
        Objections.ObjectionRow o = objections.ofInspection(inspectionId).stream()
                .filter(row -> row.id() == objectionId && row.fileId() != null).findFirst()
                .orElseThrow(InspectionScope::notFound);
        StoredFile file = files.find(o.fileId()).orElseThrow(InspectionScope::notFound);
        return new InspectionService.Photo(file.contentType(),
                files.content(o.fileId()).orElseThrow(InspectionScope::notFound));
    }

    private void requireRule(Round round, String rule) {
        if (rule == null || Scoring.rule(scoring.scheme(round), rule).isEmpty()) {
            throw new ValidationException("rule", "请选择考评标准中的一条规则");
        }
    }
}
