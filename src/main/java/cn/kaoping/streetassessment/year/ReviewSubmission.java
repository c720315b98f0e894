package cn.kaoping.streetassessment.year;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.ValidationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The department owning a row reviews a street's submission (issue 15): accepted — the node is met at the
 * submission's time — or returned with a reason, after which the street submits again (late when after the node).
 */
@Service
public class ReviewSubmission {

    private final AssessmentStore store;
    private final Years years;
    private final AuditLog audit;
    private final Clock clock;

    ReviewSubmission(AssessmentStore store, Years years, AuditLog audit, Clock clock) {
        this.store = store;
        this.years = years;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void accept(KaopingPrincipal p, long nodeId, long submissionId) {
        decide(p, nodeId, submissionId, null);
    }

    @Transactional
    public void send(KaopingPrincipal p, long nodeId, long submissionId, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw new ValidationException("reason", "退回须写明原因（最多 1000 字）");
        }
        decide(p, nodeId, submissionId, reason.strip());
    }

    /** Accepts the submission, or returns it when a reason is given. */
    private void decide(KaopingPrincipal p, long nodeId, long submissionId, String reason) {
        Years.NodeInYear at = years.node(p, nodeId);
        if (!AssessmentAccess.reviews(p, at.year(), at.node().department(), store.reviewers(at.year().id()))) {
            throw new ForbiddenException("该项由" + at.node().reviewingDepartment() + "审核");
        }
        Node node = store.lockNode(nodeId).orElseThrow();
        AssessmentStore.Submission s = store.submissions(java.util.List.of(nodeId)).stream()
                .filter(x -> x.id() == submissionId).findFirst()
                .orElseThrow(() -> new NotFoundException("报送记录不存在"));
        Node decided = reason == null ? node.accept(s) : node.sendBack(s);
        String outcome = decided.status().name();
        if (!store.review(submissionId, outcome, reason, p.username(), OffsetDateTime.now(clock))) {
            throw new ConflictException("该报送已经审核");
        }
        store.save(decided);
        boolean accepted = decided.status() == NodeStatus.ACCEPTED;
        audit.recordAs(p.username(), accepted ? "ACCEPT" : "RETURN", "street_assessment_node",
                nodeId, (accepted ? "审核通过 " : "退回 ") + at.street().name() + " "
                        + at.node().ruleCode() + " " + at.node().label() + (reason == null ? "" : "：" + reason),
                null, Map.of("submission", submissionId));
    }
}
