package cn.kaoping.rectification.internal;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.rectification.AcceptanceFailed;
import cn.kaoping.rectification.NoticeClosed;
import cn.kaoping.rectification.NoticeIssued;
import cn.kaoping.rectification.NoticeReopened;
import cn.kaoping.rectification.RectificationOverdue;
import cn.kaoping.rectification.internal.NoticeEvent.Accepted;
import cn.kaoping.rectification.internal.NoticeEvent.Answered;
import cn.kaoping.rectification.internal.NoticeEvent.Closed;
import cn.kaoping.rectification.internal.NoticeEvent.Drafted;
import cn.kaoping.rectification.internal.NoticeEvent.Issued;
import cn.kaoping.rectification.internal.NoticeEvent.Origin;
import cn.kaoping.rectification.internal.NoticeEvent.Overdue;
import cn.kaoping.rectification.internal.NoticeEvent.PhotoAdded;
import cn.kaoping.rectification.internal.NoticeEvent.ProblemAdded;
import cn.kaoping.rectification.internal.NoticeEvent.ProblemRemoved;
import cn.kaoping.rectification.internal.NoticeEvent.Rejected;
import cn.kaoping.rectification.internal.NoticeEvent.Reminded;
import cn.kaoping.rectification.internal.NoticeEvent.Reopened;
import cn.kaoping.rectification.internal.NoticeEvent.Returned;
import cn.kaoping.rectification.internal.NoticeEvent.Submitted;
import cn.kaoping.rectification.internal.NoticeEvent.Withdrawn;
import cn.kaoping.shared.KaopingPrincipal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Records what a notice's transition did, the same way for every step: the state it changed is saved, the step is
 * kept in the ledger ({@code rectification_step}) under the person's display name, the audit log gets its line under
 * the username, and the module events other modules listen to ({@link NoticeIssued}, {@link AcceptanceFailed},
 * {@link NoticeClosed}, {@link NoticeReopened}, {@link RectificationOverdue}) are published, all in the order the
 * notice registered its {@link NoticeEvent}s. Rows whose id the use case needs (a draft, an added problem, a photo)
 * are inserted by the use case before.
 */
@Component
class NoticeTransitions {

    private static final String NOTICE = "rectification_notice";
    private static final String PROBLEM = "rectification_problem";

    private final Notices notices;
    private final AuditLog audit;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    NoticeTransitions(Notices notices, AuditLog audit, ApplicationEventPublisher publisher, Clock clock) {
        this.notices = notices;
        this.audit = audit;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Records the events the notice registered since it was loaded, in order, on behalf of the principal. */
    void record(KaopingPrincipal p, Notice n) {
        record(p.username(), p.displayName(), n);
    }

    /** Records them for steps nobody took by hand: the ledger and the audit name {@link Notices#SYSTEM}. */
    void recordForSystem(Notice n) {
        record(Notices.SYSTEM, Notices.SYSTEM, n);
    }

    private void record(String username, String displayName, Notice n) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Actor by = new Actor(username, displayName, now);
        for (NoticeEvent e : n.events()) {
            if (e instanceof Drafted d) {
                drafted(by, n, d);
            } else if (e instanceof ProblemAdded a) {
                added(by, n, a);
            } else if (e instanceof ProblemRemoved r) {
                notices.deleteProblem(n.id(), r.problemId());
                step(by, n, null, "REMOVED", "删除问题" + r.position() + "：" + r.description());
                audit(by, "REMOVE_PROBLEM", NOTICE, n.id(), "草稿删除问题：" + r.description(),
                        Map.of("problem", r.problemId(), "description", r.description()), null);
            } else if (e instanceof Withdrawn w) {
                withdrawn(by, n, w);
            } else if (e instanceof Issued i) {
                issued(by, n, i);
            } else if (e instanceof Answered a) {
                notices.saveProblem(n.problem(a.problemId()), username, now, true, false);
                step(by, n, a.problemId(), "ANSWERED", a.answer());
                audit(by, "ANSWER", PROBLEM, a.problemId(), "填写整改情况：" + n.number() + " 问题" + a.position(),
                        a.before() == null ? null : Map.of("answer", a.before()), Map.of("answer", a.answer()));
            } else if (e instanceof PhotoAdded ph) {
                step(by, n, ph.problemId(), "PHOTO", ph.filename());
                audit(by, "ADD_PHOTO", PROBLEM, ph.problemId(), "上传整改照片：" + n.number() + " 问题" + ph.position(),
                        null, Map.of("sha256", ph.file().sha256(), "type", ph.file().contentType(),
                                "size", ph.file().size()));
            } else if (e instanceof Submitted s) {
                for (long problem : s.problemIds()) {
                    notices.saveProblem(n.problem(problem), username, now, false, false);
                    step(by, n, problem, "SUBMITTED", null);
                }
                notices.saveNotice(n, null, now);
                audit(by, "SUBMIT", NOTICE, n.id(), "报送整改情况：" + n.number() + "，" + s.problemIds().size()
                        + " 个问题", Map.of("status", "ISSUED"), Map.of("status", "SUBMITTED"));
            } else {
                acceptance(by, n, e);
            }
        }
        n.clearEvents();
    }

    private void drafted(Actor by, Notice n, Drafted d) {
        Notice.Header h = n.header();
        step(by, n, null, "DRAFTED", d.note());
        if (d.origin() == Origin.BY_HAND) {
            audit(by, "DRAFT", NOTICE, n.id(), "发起整改通知书草稿：" + h.estateName(), null,
                    Map.of("estate", h.estateId(), "problems", d.problems()));
        } else if (d.origin() == Origin.RANKING) {
            audit(by, "DRAFT", NOTICE, n.id(), "生成整改通知书草稿：" + h.estateName() + "（" + h.reason() + "）", null,
                    Map.of("ranking", h.rankingId(), "estate", h.estateId(), "problems", d.problems()));
        } // a reported problem's draft: the audit line of the problem added says it all
    }

    private void added(Actor by, Notice n, ProblemAdded a) {
        if (a.report() == null) {
            step(by, n, a.problemId(), "ADDED", a.description());
            audit(by, "ADD_PROBLEM", NOTICE, n.id(), "草稿增加问题：" + a.description(), null,
                    Map.of("problem", a.problemId()));
        } else {
            NoticeEvent.Report r = a.report();
            step(by, n, a.problemId(), "ADDED", r.label() + "：" + a.description());
            audit(by, "ADD_PROBLEM", NOTICE, n.id(), r.label() + "列入整改通知书草稿：" + r.estateName(), null,
                    Map.of("problem", a.problemId(), "reference", r.reference(), "photos", r.photos()));
        }
    }

    private void withdrawn(Actor by, Notice n, Withdrawn w) {
        notices.saveNotice(n, null, by.at());
        if (w.unlistedFromBottom() == null) {
            step(by, n, null, "WITHDRAWN", null);
            audit(by, "WITHDRAW", NOTICE, n.id(), "撤回整改通知书草稿：" + n.header().estateName(),
                    Map.of("status", "DRAFT"), Map.of("status", "WITHDRAWN"));
        } else {
            step(by, n, null, "WITHDRAWN", "更正后的排名不再列入后 " + w.unlistedFromBottom() + " 名");
            audit(by, "WITHDRAW", NOTICE, n.id(), "排名更正后撤回整改通知书草稿", null,
                    Map.of("ranking", n.header().rankingId()));
        }
    }

    private void issued(Actor by, Notice n, Issued i) {
        Notice.Header h = n.header();
        notices.saveNotice(n, by.username(), by.at());
        notices.freezeBody(n.id(), i.body());
        if ("RANKING".equals(h.source())) {
            notices.scheduleFollowUp(n.id(), h.estateId(), i.on());
        }
        step(by, n, null, "ISSUED", i.number() + "，整改期限 " + i.deadline());
        audit(by, "ISSUE", NOTICE, n.id(), "下达整改通知书 " + i.number() + "：" + h.estateName() + " → "
                        + h.companyName(), Map.of("status", "DRAFT"), Map.of("status", "ISSUED", "number", i.number(),
                        "deadline", i.deadline().toString(), "problems", i.problems()));
        publisher.publishEvent(new NoticeIssued(n.id(), i.number(), h.companyId(), h.companyName(), h.districtId(),
                h.streetId(), h.estateId(), h.estateName(), i.on(), i.deadline(), i.problems(), h.rankingId()));
    }

    /** The acceptance inspection's steps, the reopening and what the daily deadline check finds. */
    private void acceptance(Actor by, Notice n, NoticeEvent e) {
        Notice.Header h = n.header();
        if (e instanceof Accepted a) {
            decided(by, n, a.problemId());
            step(by, n, a.problemId(), "ACCEPTED", null);
            audit(by, "ACCEPT", PROBLEM, a.problemId(), "验收合格，销号：" + n.number() + " 问题" + a.position(),
                    Map.of("status", "ANSWERED"), Map.of("status", ProblemStatus.CLOSED.name()));
        } else if (e instanceof Rejected r) {
            decided(by, n, r.problemId());
            step(by, n, r.problemId(), "REJECTED", r.reason());
            audit(by, "REJECT", PROBLEM, r.problemId(), "验收不合格，退回整改：" + n.number() + " 问题" + r.position()
                    + "。原因：" + r.reason(), Map.of("status", "ANSWERED"), Map.of("status", ProblemStatus.OPEN.name()));
            publisher.publishEvent(new AcceptanceFailed(n.id(), n.number(), h.companyId(), h.districtId(),
                    h.estateId(), r.problemId(), r.reason(), r.on()));
        } else if (e instanceof Returned r) {
            step(by, n, null, "RETURNED", null);
            audit(by, "RETURN", NOTICE, n.id(), "整改通知书退回企业重新整改：" + n.number(),
                    Map.of("status", r.from().name()), Map.of("status", NoticeStatus.ISSUED.name()));
        } else if (e instanceof Closed c) {
            step(by, n, null, "CLOSED", null);
            audit(by, "CLOSE", NOTICE, n.id(), "整改通知书全部销号：" + n.number(),
                    Map.of("status", c.from().name()), Map.of("status", NoticeStatus.CLOSED.name()));
            publisher.publishEvent(new NoticeClosed(n.id(), n.number(), h.companyId(), h.districtId(), h.estateId(),
                    c.on(), c.onTime()));
        } else if (e instanceof Reopened r) {
            n.problems().forEach(pr -> notices.saveProblem(pr, by.username(), by.at(), false, false));
            notices.saveNotice(n, null, by.at());
            step(by, n, null, "REOPENED", r.reason() + "（新的整改期限 " + r.deadline() + "）");
            audit(by, "REOPEN", NOTICE, n.id(), "重新打开整改通知书 " + n.number() + "：" + r.reason(),
                    Map.of("status", "CLOSED"), Map.of("status", "ISSUED", "reason", r.reason(),
                            "deadline", r.deadline().toString()));
            publisher.publishEvent(new NoticeReopened(n.id(), n.number(), h.companyId(), h.districtId(),
                    h.estateId(), r.reason(), r.on()));
        } else if (e instanceof Reminded r) {
            step(by, n, null, "REMINDED", r.message());
        } else if (e instanceof Overdue o) {
            notices.saveOverdue(n);
            step(by, n, null, "OVERDUE", "整改期限 " + o.deadline() + " 已过，仍有 " + o.openProblems() + " 个问题未整改");
            audit(by, "OVERDUE", NOTICE, n.id(), "逾期未整改：" + n.number() + "，" + o.openProblems() + " 个问题", null,
                    Map.of("deadline", o.deadline().toString(), "open", o.openProblems()));
            publisher.publishEvent(new RectificationOverdue(n.id(), n.number(), h.companyId(), h.districtId(),
                    h.estateId(), o.deadline(), o.openProblems(), o.on()));
        }
    }

    /**
     * A decision saves the problem (who decided, when) and the notice, as the acceptance always did: a notice still
     * waiting for other problems keeps SUBMITTED, with the decision's time as {@code submitted_at}.
     */
    private void decided(Actor by, Notice n, long problemId) {
        notices.saveProblem(n.problem(problemId), by.username(), by.at(), false, true);
        notices.saveNotice(n, null, by.at());
    }

    private void step(Actor by, Notice n, Long problemId, String action, String note) {
        notices.step(n.id(), problemId, action, note, by.displayName(), by.at());
    }

    private void audit(Actor by, String action, String entity, long id, String text, Map<String, ?> before,
                       Map<String, ?> after) {
        audit.recordAs(by.username(), action, entity, id, text, before, after);
    }

    /** Who took the steps being recorded (username for the audit, display name for the ledger) and when. */
    private record Actor(String username, String displayName, OffsetDateTime at) {
    }
}
