package cn.kaoping.casework.complaints;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.casework.complaints.Complaint.Callback;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.ValidationException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.function.BiConsumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The street office's steps on a work order (issue 14): sign for it, assign it to the company or a department, push
 * it back with a reason, close it with the callback. The assignee's answer is {@link AnswerComplaint}. Each step is
 * one transition of {@link Complaint}, kept as a step of the order and an audit line.
 */
@Service
public class HandleComplaint {

    private final ComplaintStore store;
    private final AuditLog audit;
    private final Clock clock;

    HandleComplaint(ComplaintStore store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void sign(KaopingPrincipal p, long id) {
        step(p, id, "SIGN", null, (c, at) -> c.sign(at));
    }

    @Transactional
    public void assign(KaopingPrincipal p, long id, Long companyId, String department) {
        ComplaintStore.Row r = store.find(id).orElseThrow(() -> new NotFoundException("工单不存在"));
        ComplaintAccess.requireHandles(p, r);
        if (companyId != null && !companyId.equals(r.companyId())) {
            throw new ValidationException("companyId", "只能派给为该小区提供服务的物业服务企业");
        }
        step(p, id, "ASSIGN", companyId != null ? "派给物业服务企业" : "派给 " + department,
                (c, at) -> c.assign(companyId, department, at));
    }

    @Transactional
    public void pushBack(KaopingPrincipal p, long id, String reason) {
        step(p, id, "RETURN", reason, (c, at) -> c.pushBack(reason, at));
    }

    @Transactional
    public void close(KaopingPrincipal p, long id, String callback) {
        Callback heard;
        try {
            heard = callback == null ? null : Callback.valueOf(callback);
        } catch (IllegalArgumentException e) {
            heard = null;
        }
        Callback h = heard;
        step(p, id, "CLOSE", h == null ? null : "回访：" + h.label(), (c, at) -> c.close(h, at));
    }

    private void step(KaopingPrincipal p, long id, String action, String note, BiConsumer<Complaint, OffsetDateTime> how) {
        ComplaintStore.Row r = store.lock(id).orElseThrow(() -> new NotFoundException("工单不存在"));
        ComplaintAccess.requireHandles(p, r);
        OffsetDateTime now = OffsetDateTime.now(clock);
        how.accept(r.complaint(), now);
        store.save(r.complaint());
        store.step(id, now, p.username(), action, note);
        audit.record(action, "complaint", id, "工单 " + id + "：" + r.complaint().status().label(), null,
                Map.of("status", r.complaint().status().name()));
    }
}
