package cn.kaoping.rectification.internal;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.ValidationException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A draft's changes before it is issued: a problem added or removed, or the draft withdrawn.
 */
@Service
public class EditDraft {

    private final NoticeQueries queries;
    private final Notices notices;
    private final AuditLog audit;
    private final Clock clock;

    EditDraft(NoticeQueries queries, Notices notices, AuditLog audit, Clock clock) {
        this.queries = queries;
        this.notices = notices;
        this.audit = audit;
        this.clock = clock;
    }

    /** Adds a problem written by the officer to a draft. */
    @Transactional
    public long addProblem(KaopingPrincipal p, long id, String description) {
        Notice n = queries.drafting(p, id);
        n.requireDraft();
        if (description == null || description.isBlank()) {
            throw new ValidationException("description", "请填写问题描述");
        }
        if (description.strip().length() > 1000) {
            throw new ValidationException("description", "问题描述不能超过 1000 字");
        }
        long problem = notices.insertProblem(id, null, description.strip(), null, "MANUAL");
        notices.step(id, problem, "ADDED", description.strip(), p.displayName(), OffsetDateTime.now(clock));
        audit.recordAs(p.username(), "ADD_PROBLEM", "rectification_notice", id, "草稿增加问题：" + description.strip(),
                null, Map.of("problem", problem));
        return problem;
    }

    /** Removes a problem from a draft. */
    @Transactional
    public void removeProblem(KaopingPrincipal p, long id, long problemId) {
        Notice n = queries.drafting(p, id);
        n.requireDraft();
        Problem pr = n.problem(problemId);
        notices.deleteProblem(id, problemId);
        notices.step(id, null, "REMOVED", "删除问题" + pr.position() + "：" + pr.description(), p.displayName(),
                OffsetDateTime.now(clock));
        audit.recordAs(p.username(), "REMOVE_PROBLEM", "rectification_notice", id, "草稿删除问题：" + pr.description(),
                Map.of("problem", problemId, "description", pr.description()), null);
    }

    /** Discards a draft. */
    @Transactional
    public void withdraw(KaopingPrincipal p, long id) {
        Notice n = queries.drafting(p, id);
        n.withdraw();
        notices.saveNotice(n, null, OffsetDateTime.now(clock));
        notices.step(id, null, "WITHDRAWN", null, p.displayName(), OffsetDateTime.now(clock));
        audit.recordAs(p.username(), "WITHDRAW", "rectification_notice", id, "撤回整改通知书草稿："
                + n.header().estateName(), Map.of("status", "DRAFT"), Map.of("status", "WITHDRAWN"));
    }
}
