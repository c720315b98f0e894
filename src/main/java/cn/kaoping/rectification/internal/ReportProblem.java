package cn.kaoping.rectification.internal;

import cn.kaoping.organisation.EstatePlacement;
import cn.kaoping.rectification.ReportedProblems;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.ValidationException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
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
    private final NoticeTransitions transitions;
    private final Clock clock;

    ReportProblem(RaiseNotice raising, Notices notices, NoticeTransitions transitions, Clock clock) {
        this.raising = raising;
        this.notices = notices;
        this.transitions = transitions;
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
        Notice n = notices.openDraft(estateId)
                .orElseGet(() -> raising.draftForReport(p, place, label(report.source()), now));
        Problem problem = notices.insertProblem(n.id(), null, text, null, report.source(), report.reference());
        List<java.util.UUID> photos = report.photos() == null ? List.of() : report.photos();
        photos.forEach(f -> notices.addPhoto(problem.id(), "FINDING", f, p.username(), now));
        n.addReported(problem, new NoticeEvent.Report(label(report.source()), report.reference(), photos.size(),
                place.name()));
        transitions.record(p, n);
        return new NoticeRef(n.id(), null, NoticeStatus.DRAFT.label()); // the estate's draft, numbered when issued
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
