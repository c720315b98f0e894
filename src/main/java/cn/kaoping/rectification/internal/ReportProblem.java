package cn.kaoping.rectification.internal;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.organisation.EstatePlacement;
import cn.kaoping.rectification.ReportedProblems;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.ValidationException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A complaint or a random inspection's finding put on the estate's rectification notice: added to the estate's
 * draft raised by hand, or to a new one, with its photos; each record once.
 */
@Service
class ReportProblem implements ReportedProblems {

    private static final Set<String> SOURCES = Set.of("COMPLAINT", "RANDOM_CHECK");

    private final RaiseNotice raising;
    private final Notices notices;
    private final AuditLog audit;
    private final Clock clock;

    ReportProblem(RaiseNotice raising, Notices notices, AuditLog audit, Clock clock) {
        this.raising = raising;
        this.notices = notices;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public NoticeRef report(KaopingPrincipal p, long estateId, Report report) {
        if (!SOURCES.contains(report.source()) || report.reference() == null
                || !report.reference().matches("[a-z-]+(:[0-9]+)+")) {
            throw new IllegalArgumentException("unknown source or reference: " + report);
        }
        EstatePlacement place = raising.placement(p, estateId);
        if (place.companyId() == null) {
            throw new ValidationException("estate", "该小区没有物业服务企业，不能下达整改通知书");
        }
        String text = report.description() == null ? "" : report.description().strip();
        if (text.isEmpty()) {
            throw new ValidationException("description", "请填写问题描述");
        }
        if (text.length() > 1000) {
            text = text.substring(0, 999) + "…";
        }
        Optional<NoticeRef> listed = notices.listing(report.reference());
        if (listed.isPresent()) {
            throw new ConflictException("该记录已列入整改通知书" + (listed.get().number() == null ? "（草稿）"
                    : " " + listed.get().number()));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<Long> draft = notices.openDraft(estateId);
        long id = draft.orElseGet(() -> raising.newDraft(p, place, now));
        if (draft.isEmpty()) {
            notices.step(id, null, "DRAFTED", label(report.source()), p.displayName(), now);
        }
        long problem = notices.insertProblem(id, null, text, null, report.source(), report.reference());
        List<java.util.UUID> photos = report.photos() == null ? List.of() : report.photos();
        photos.forEach(f -> notices.addPhoto(problem, "FINDING", f, p.username(), now));
        notices.step(id, problem, "ADDED", label(report.source()) + "：" + text, p.displayName(), now);
        audit.recordAs(p.username(), "ADD_PROBLEM", "rectification_notice", id, label(report.source())
                + "列入整改通知书草稿：" + place.name(), null, Map.of("problem", problem, "reference",
                report.reference(), "photos", photos.size()));
        return new NoticeRef(id, null, NoticeStatus.DRAFT.label()); // the estate's draft, numbered when issued
    }

    @Override
    public boolean mayReport(KaopingPrincipal p) {
        return Access.issues(p);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<NoticeRef> noticeOf(String reference) {
        return notices.listing(reference);
    }

    private static String label(String source) {
        return source.equals("COMPLAINT") ? "投诉" : "双随机抽查";
    }
}
