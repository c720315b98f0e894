package cn.kaoping.rectification.internal;

import cn.kaoping.rectification.AcceptanceFailed;
import cn.kaoping.rectification.NoticeClosed;
import cn.kaoping.rectification.NoticeReopened;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The acceptance inspection (整改验收，问题销号制): each answered problem closed or returned with a reason, and the
 * district's reopening of a closed notice.
 */
@Service
public class AcceptNotice {

    private final NoticeQueries queries;
    private final Notices notices;
    private final NoticeTransitions transitions;

    AcceptNotice(NoticeQueries queries, Notices notices, NoticeTransitions transitions) {
        this.queries = queries;
        this.notices = notices;
        this.transitions = transitions;
    }

    // ---------------------------------------------------------------- acceptance

    /**
     * Records the acceptance of one answered problem: accepted closes it (销号), rejected returns it to the company
     * with the reason ({@link AcceptanceFailed}). The last problem closed closes the notice ({@link NoticeClosed}).
     */
    @Transactional
    public Notice decide(KaopingPrincipal p, long id, long problemId, boolean accepted, String reason) {
        Notice seen = queries.visible(p, id);
        if (!Access.accepts(p)) {
            throw new ForbiddenException("只有区房产主管部门、相关部门和街道办事处可以验收");
        }
        Notice n = notices.lock(seen.id()).orElseThrow();
        n.decide(problemId, accepted, reason, queries.today());
        transitions.record(p, n);
        return n;
    }

    /**
     * The district reopens a closed notice with a reason; its problems open again under a new deadline
     * ({@link NoticeReopened}).
     */
    @Transactional
    public Notice reopen(KaopingPrincipal p, long id, String reason) {
        Notice seen = queries.visible(p, id);
        if (!Access.reopens(p)) {
            throw new ForbiddenException("只有区房产主管部门可以重新打开整改通知书");
        }
        Notice n = notices.lock(seen.id()).orElseThrow();
        n.reopen(reason, queries.today());
        transitions.record(p, n);
        return n;
    }
}
