package cn.kaoping.casework.complaints;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The company a complaint was assigned to says what it did (or the street office records a department's answer). */
@Service
public class AnswerComplaint {

    private final ComplaintStore store;
    private final AuditLog audit;
    private final Clock clock;

    AnswerComplaint(ComplaintStore store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void answer(KaopingPrincipal p, long id, String text) {
        ComplaintStore.Row r = store.lock(id).orElseThrow(() -> new NotFoundException("工单不存在"));
        ComplaintAccess.requireAnswers(p, r);
        OffsetDateTime now = OffsetDateTime.now(clock);
        r.complaint().answer(text, now);
        store.save(r.complaint());
        store.step(id, now, p.username(), "ANSWER", null);
        audit.record("ANSWER", "complaint", id, "工单 " + id + " 已答复", null, Map.of());
    }
}
