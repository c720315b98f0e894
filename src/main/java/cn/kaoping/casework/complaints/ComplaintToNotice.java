package cn.kaoping.casework.complaints;

import cn.kaoping.rectification.ReportedProblems;
import cn.kaoping.rectification.ReportedProblems.NoticeRef;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A complaint becomes a problem on the estate's rectification notice (issue 14; seed 000 下达《整改通知书》): the
 * street office or district lists it on the estate's draft with the owner's photos, once; a complaint pushed back
 * without handling cannot be listed. The work order keeps the step, and its page links the notice.
 */
@Service
public class ComplaintToNotice {

    private final ComplaintStore store;
    private final ReportedProblems problems;
    private final Clock clock;

    ComplaintToNotice(ComplaintStore store, ReportedProblems problems, Clock clock) {
        this.store = store;
        this.problems = problems;
        this.clock = clock;
    }

    /** The reference a complaint is listed under on a notice. */
    static String reference(long complaintId) {
        return "complaint:" + complaintId;
    }

    @Transactional
    public NoticeRef list(KaopingPrincipal p, long id) {
        ComplaintStore.Row r = store.lock(id).orElseThrow(() -> new NotFoundException("工单不存在"));
        ComplaintAccess.requireSees(p, r);
        if (!problems.mayReport(p)) {
            throw new ForbiddenException("只有街道办事处和区房产主管部门可以把投诉列入整改通知书");
        }
        if (r.complaint().status() == ComplaintStatus.RETURNED) {
            throw new ConflictException("退回未处理的工单不能列入整改通知书");
        }
        String what = (r.hotlineNo() == null ? "投诉工单 " + id : "热线工单 " + r.hotlineNo()) + "，" + r.categoryName()
                + "，" + r.receivedAt().atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate() + " 受理";
        NoticeRef notice = problems.report(p, r.complaint().estateId(), new ReportedProblems.Report("COMPLAINT",
                reference(id), "业主投诉（" + what + "）：" + r.content(),
                store.photos(id).stream().map(ComplaintStore.Photo::fileId).toList()));
        store.step(id, OffsetDateTime.now(clock), p.username(), "NOTICE", "列入整改通知书");
        return notice;
    }

    /** The notice the complaint is listed on. */
    @Transactional(readOnly = true)
    public Optional<NoticeRef> notice(long id) {
        return problems.noticeOf(reference(id));
    }

    /** Whether the principal's role raises notices (the street office and the district). */
    public boolean mayList(KaopingPrincipal p) {
        return problems.mayReport(p);
    }
}
