package cn.kaoping.escalation.internal;

import cn.kaoping.rectification.AcceptanceFailed;
import cn.kaoping.rectification.NoticeClosed;
import cn.kaoping.rectification.NoticeIssued;
import cn.kaoping.rectification.NoticeReopened;
import cn.kaoping.rectification.RectificationOverdue;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rectification module's notice events as escalation follows them: its own copy of each notice (issued, closed,
 * reopened) and the first rung, a 通报 suggested when a notice is overdue (逾期未整改) or fails acceptance (验收不合格),
 * once per condition and never again for a notice a 通报 already names.
 */
@Service
@Transactional
public class NoticeFeed {

    private final CaseStore cases;
    private final SuggestionStore suggestions;
    private final SuggestionTransitions transitions;

    NoticeFeed(CaseStore cases, SuggestionStore suggestions, SuggestionTransitions transitions) {
        this.cases = cases;
        this.suggestions = suggestions;
        this.transitions = transitions;
    }

    public void noticeIssued(NoticeIssued e) {
        long caseId = cases.caseFor(e.companyId(), e.companyName(), e.districtId());
        String estateName = cases.addEstate(caseId, e.estateId(), e.estateName());
        cases.noticeIssued(e.noticeId(), caseId, e.number(), e.estateId(), estateName, e.issuedOn(), e.deadline());
    }

    /** 逾期未整改 → suggest a 通报. */
    public void overdue(RectificationOverdue e) {
        long caseId = notice(e.noticeId(), e.number(), e.companyId(), e.districtId(), e.estateId());
        cases.noticeOverdue(e.noticeId(), e.deadline(), e.detectedOn());
        suggestCircular(caseId, e.noticeId(), "overdue:" + e.noticeId() + ":" + e.deadline(), e.detectedOn(),
                "整改通知书 %s（%s）整改期限 %s 已过，仍有 %d 个问题未整改".formatted(e.number(),
                        cases.estateName(e.noticeId()), e.deadline(), e.openProblems()));
    }

    /** 验收不合格 → suggest a 通报. */
    public void acceptanceFailed(AcceptanceFailed e) {
        long caseId = notice(e.noticeId(), e.number(), e.companyId(), e.districtId(), e.estateId());
        cases.noticeFailed(e.noticeId(), e.decidedOn());
        suggestCircular(caseId, e.noticeId(), "failed:" + e.noticeId() + ":" + e.problemId() + ":" + e.decidedOn(),
                e.decidedOn(), "整改通知书 %s（%s）%s 验收不合格：%s".formatted(e.number(),
                        cases.estateName(e.noticeId()), e.decidedOn(), e.reason() == null ? "" : e.reason()));
    }

    public void noticeClosed(NoticeClosed e) {
        notice(e.noticeId(), e.number(), e.companyId(), e.districtId(), e.estateId());
        cases.noticeClosed(e.noticeId(), e.closedOn());
    }

    public void noticeReopened(NoticeReopened e) {
        notice(e.noticeId(), e.number(), e.companyId(), e.districtId(), e.estateId());
        cases.noticeReopened(e.noticeId());
    }

    /** The notice's ladder, creating the notice's copy when its NoticeIssued has not arrived (yet). */
    private long notice(long noticeId, String number, long companyId, long districtId, long estateId) {
        long caseId = cases.caseFor(companyId, null, districtId);
        String estateName = cases.addEstate(caseId, estateId, null);
        cases.noticeKnown(noticeId, caseId, number, estateId, estateName);
        return caseId;
    }

    /** Adds the condition to the ladder's open 通报 suggestion, or raises one. */
    private void suggestCircular(long caseId, long noticeId, String key, LocalDate on, String reason) {
        cases.lock(caseId);
        if (suggestions.triggered(key) || cases.circularised(noticeId)) {
            return;
        }
        long suggestion = suggestions.open(caseId, SuggestionKind.CIRCULAR).orElseGet(() -> {
            Suggestion s = suggestions.insert(caseId, SuggestionKind.CIRCULAR, on, null, null, reason);
            transitions.record(s);
            return s.id();
        });
        suggestions.trigger(key, suggestion, noticeId, on, reason);
    }
}
