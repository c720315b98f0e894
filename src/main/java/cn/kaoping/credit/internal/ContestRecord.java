package cn.kaoping.credit.internal;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.credit.CreditDispute;
import cn.kaoping.credit.CreditRecord;
import cn.kaoping.platform.storage.FileStore;
import cn.kaoping.platform.storage.StoredFile;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.ValidationException;
import cn.kaoping.shared.ValidationException.FieldProblem;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 异议: the company contests a record of its credit file, the district upholds or annuls it; a contested record waits,
 * an annulled one stops counting.
 */
@Service
public class ContestRecord {

    private final CreditService credit;
    private final CreditStore store;
    private final FileStore files;
    private final AuditLog audit;
    private final Clock clock;

    ContestRecord(CreditService credit, CreditStore store, FileStore files, AuditLog audit, Clock clock) {
        this.credit = credit;
        this.store = store;
        this.files = files;
        this.audit = audit;
        this.clock = clock;
    }

    /** The company contests a record of its file with a reason and, optionally, one evidence file. */
    @Transactional
    public long contest(KaopingPrincipal p, long recordId, String reason, byte[] evidence, String evidenceName) {
        CreditRecord r = credit.record(p, recordId);
        if (!CreditAccess.mayContest(p)) {
            throw new ForbiddenException("异议由被记录的企业提出");
        }
        List<FieldProblem> problems = new ArrayList<>();
        CreditService.text(problems, "reason", reason, "异议理由");
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        if (r.annulled() || r.contested()) {
            throw new ConflictException(r.annulled() ? "该记录已撤销" : "该记录已有待处理的异议");
        }
        StoredFile f = evidence == null || evidence.length == 0 ? null
                : files.store(evidence, evidenceName == null ? "evidence" : evidenceName, p.username(),
                        CreditService.EVIDENCE);
        long id = store.insertDispute(r.id(), reason.strip(), f == null ? null : f.id(),
                f == null ? null : f.originalName(), p.username(), p.displayName(), OffsetDateTime.now(clock));
        store.status(r.id(), "CONTESTED");
        audit.record("CREDIT_CONTEST", "credit_dispute", id, "对信用记录 " + r.id() + " 提出异议", null,
                store.dispute(id).orElseThrow());
        return id;
    }

    /** The district upholds (the record stands) or annuls (it stops counting) a contested record, with a reason. */
    @Transactional
    public void decide(KaopingPrincipal p, long disputeId, Boolean annul, String reason) {
        CreditDispute d = store.dispute(disputeId).orElseThrow(() -> new NotFoundException("异议不存在"));
        CreditRecord r = credit.record(p, d.recordId());
        if (!CreditAccess.mayDecide(p)) {
            throw new ForbiddenException("异议由区房产主管部门处理");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (annul == null) {
            problems.add(new FieldProblem("decision", "请选择维持或撤销"));
        }
        CreditService.text(problems, "reason", reason, "处理理由");
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        String decision = annul ? "ANNULLED" : "UPHELD";
        if (!store.decide(disputeId, decision, reason.strip(), p.username(), p.displayName(),
                OffsetDateTime.now(clock))) {
            throw new ConflictException("该异议已处理");
        }
        store.status(r.id(), annul ? "ANNULLED" : "ACTIVE");
        audit.record(annul ? "CREDIT_ANNUL" : "CREDIT_UPHOLD", "credit_dispute", disputeId,
                (annul ? "撤销信用记录 " : "维持信用记录 ") + r.id(), d, store.dispute(disputeId).orElseThrow());
    }
}
