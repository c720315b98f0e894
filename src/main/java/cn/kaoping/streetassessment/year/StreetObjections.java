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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A street objects 异议 to a deduction within the year's objection days (issue 15): an event recorded against it, or
 * a node judged late or missing. The 考核办公室 (the district admin) upholds the deduction or withdraws it, with an
 * answer; both the objection and the decision are kept, and a withdrawn deduction leaves the score.
 */
@Service
public class StreetObjections {

    private final AssessmentStore store;
    private final Years years;
    private final AuditLog audit;
    private final Clock clock;

    StreetObjections(AssessmentStore store, Years years, AuditLog audit, Clock clock) {
        this.store = store;
        this.years = years;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public long objectToEvent(KaopingPrincipal p, long eventId, String reason) {
        AssessmentStore.Event e = store.event(eventId).orElseThrow(() -> new NotFoundException("考核记录不存在"));
        AssessmentStore.Year y = years.year(p, e.yearId());
        AssessmentStore.Street s = years.street(p, y, e.streetId());
        LocalDate since = e.recordedAt().atZoneSameInstant(StreetScores.CHINA).toLocalDate();
        return file(p, y, s, eventId, null, since, reason, e.ruleCode() + " " + e.note());
    }

    @Transactional
    public long objectToNode(KaopingPrincipal p, long nodeId, String reason) {
        Years.NodeInYear at = years.node(p, nodeId);
        LocalDate today = years.today();
        List<AssessmentStore.Submission> subs = store.submissions(List.of(nodeId));
        Optional<LocalDate> met = StreetScores.metAt(subs, today);
        LocalDate since;
        if (met.isPresent() && met.get().isAfter(at.node().due())) {
            since = subs.stream().filter(x -> "ACCEPTED".equals(x.outcome())).findFirst()
                    .map(x -> x.reviewedAt().atZoneSameInstant(StreetScores.CHINA).toLocalDate()).orElse(met.get());
        } else if (met.isEmpty() && at.node().due().isBefore(today)) {
            since = at.node().due().plusDays(1);
        } else {
            throw new ConflictException("该时间节点没有扣分，无需提出异议");
        }
        return file(p, at.year(), at.street(), null, nodeId, since, reason,
                at.node().ruleCode() + " " + at.node().label());
    }

    private long file(KaopingPrincipal p, AssessmentStore.Year y, AssessmentStore.Street s, Long eventId, Long nodeId,
                      LocalDate since, String reason, String what) {
        if (!AssessmentAccess.submitsFor(p, s.path())) {
            throw new ForbiddenException("异议由被扣分的街道办事处提出");
        }
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw new ValidationException("reason", "请写明异议的理由（最多 2000 字）");
        }
        LocalDate last = since.plusDays(y.objectionDays());
        if (years.today().isAfter(last)) {
            throw new ConflictException("异议期已过（扣分后 " + y.objectionDays() + " 天内，截至 " + last + "）");
        }
        long id = store.insertObjection(y.id(), s.streetId(), eventId, nodeId, reason.strip(), p.username(),
                OffsetDateTime.now(clock)).orElseThrow(() -> new ConflictException("已经对该扣分提出过异议"));
        audit.recordAs(p.username(), "OBJECT", "street_assessment_objection", id, s.name() + " 对扣分提出异议："
                + what, null, Map.of("reason", reason.strip()));
        return id;
    }

    /** The 考核办公室 decides: {@code withdraw} true removes the deduction, false upholds it. */
    @Transactional
    public void decide(KaopingPrincipal p, long objectionId, boolean withdraw, String answer) {
        AssessmentStore.Objection o = store.objection(objectionId)
                .orElseThrow(() -> new NotFoundException("异议不存在"));
        AssessmentStore.Year y = years.year(p, o.yearId());
        if (!AssessmentAccess.runsYear(p, y)) {
            throw new ForbiddenException("异议由考核办公室（区房产主管部门）处理");
        }
        if (answer == null || answer.isBlank() || answer.length() > 2000) {
            throw new ValidationException("answer", "请写明处理意见（最多 2000 字）");
        }
        if (!store.decide(objectionId, withdraw ? "WITHDRAWN" : "UPHELD", answer.strip(), p.username(),
                OffsetDateTime.now(clock))) {
            throw new ConflictException("该异议已经处理");
        }
        audit.recordAs(p.username(), withdraw ? "WITHDRAW" : "UPHOLD", "street_assessment_objection", objectionId,
                (withdraw ? "异议成立，撤销扣分：" : "维持扣分：") + answer.strip(), null, Map.of("year", y.id()));
    }
}
