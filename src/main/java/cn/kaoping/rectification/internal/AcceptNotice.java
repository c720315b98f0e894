package cn.kaoping.rectification.internal;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.rectification.AcceptanceFailed;
import cn.kaoping.rectification.NoticeClosed;
import cn.kaoping.rectification.NoticeReopened;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
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
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AcceptNotice(NoticeQueries queries, Notices notices, AuditLog audit, ApplicationEventPublisher events,
                 Clock clock) {
        this.queries = queries;
        this.notices = notices;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
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
        NoticeStatus before = n.status();
        LocalDate today = queries.today();
        Problem pr = n.decide(problemId, accepted, reason, today);
        OffsetDateTime now = OffsetDateTime.now(clock);
        notices.saveProblem(pr, p.username(), now, false, true);
        notices.saveNotice(n, null, now);
        notices.step(id, problemId, accepted ? "ACCEPTED" : "REJECTED", accepted ? null : pr.rejection(),
                p.displayName(), now);
        audit.recordAs(p.username(), accepted ? "ACCEPT" : "REJECT", "rectification_problem", problemId,
                (accepted ? "验收合格，销号：" : "验收不合格，退回整改：") + n.number() + " 问题" + pr.position()
                        + (accepted ? "" : "。原因：" + pr.rejection()),
                Map.of("status", "ANSWERED"), Map.of("status", pr.status().name()));
        Notice.Header h = n.header();
        if (!accepted) {
            events.publishEvent(new AcceptanceFailed(id, n.number(), h.companyId(), h.districtId(), h.estateId(),
                    problemId, pr.rejection(), today));
        }
        if (n.status() != before) {
            notices.step(id, null, n.status() == NoticeStatus.CLOSED ? "CLOSED" : "RETURNED", null, p.displayName(),
                    now);
            audit.recordAs(p.username(), n.status() == NoticeStatus.CLOSED ? "CLOSE" : "RETURN",
                    "rectification_notice", id, (n.status() == NoticeStatus.CLOSED ? "整改通知书全部销号："
                            : "整改通知书退回企业重新整改：") + n.number(),
                    Map.of("status", before.name()), Map.of("status", n.status().name()));
        }
        if (n.status() == NoticeStatus.CLOSED) {
            events.publishEvent(new NoticeClosed(id, n.number(), h.companyId(), h.districtId(), h.estateId(), today,
                    n.closedOnTime()));
        }
        return n;
    }

    /** The district reopens a closed notice with a reason; its problems open again under a new deadline. */
    @Transactional
    public Notice reopen(KaopingPrincipal p, long id, String reason) {
        Notice seen = queries.visible(p, id);
        if (!Access.reopens(p)) {
            throw new ForbiddenException("只有区房产主管部门可以重新打开整改通知书");
        }
        Notice n = notices.lock(seen.id()).orElseThrow();
        LocalDate today = queries.today();
        n.reopen(reason, today);
        OffsetDateTime now = OffsetDateTime.now(clock);
        n.problems().forEach(pr -> notices.saveProblem(pr, p.username(), now, false, false));
        notices.saveNotice(n, null, now);
        notices.step(id, null, "REOPENED", n.reopenReason() + "（新的整改期限 " + n.deadline() + "）", p.displayName(),
                now);
        audit.recordAs(p.username(), "REOPEN", "rectification_notice", id, "重新打开整改通知书 " + n.number() + "："
                + n.reopenReason(), Map.of("status", "CLOSED"), Map.of("status", "ISSUED", "reason", n.reopenReason(),
                "deadline", n.deadline().toString()));
        Notice.Header h = n.header();
        events.publishEvent(new NoticeReopened(id, n.number(), h.companyId(), h.districtId(), h.estateId(),
                n.reopenReason(), today));
        return n;
    }
}
