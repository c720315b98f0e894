package cn.kaoping.rectification.internal;

import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.ValidationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A draft's changes before it is issued: a problem added or removed, or the draft withdrawn.
 */
@Service
public class EditDraft {

    private final NoticeQueries queries;
    private final Notices notices;
    private final NoticeTransitions transitions;

    EditDraft(NoticeQueries queries, Notices notices, NoticeTransitions transitions) {
        this.queries = queries;
        this.notices = notices;
        this.transitions = transitions;
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
        Problem problem = notices.insertProblem(id, null, description.strip(), null, "MANUAL");
        n.addProblem(problem);
        transitions.record(p, n);
        return problem.id();
    }

    /** Removes a problem from a draft. */
    @Transactional
    public void removeProblem(KaopingPrincipal p, long id, long problemId) {
        Notice n = queries.drafting(p, id);
        n.removeProblem(problemId);
        transitions.record(p, n);
    }

    /** Discards a draft. */
    @Transactional
    public void withdraw(KaopingPrincipal p, long id) {
        Notice n = queries.drafting(p, id);
        n.withdraw();
        transitions.record(p, n);
    }
}
