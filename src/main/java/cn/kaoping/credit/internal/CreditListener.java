package cn.kaoping.credit.internal;

import cn.kaoping.credit.CreditKind;
import cn.kaoping.credit.Direction;
import cn.kaoping.escalation.CircularIssued;
import cn.kaoping.escalation.InterviewHeld;
import cn.kaoping.escalation.PenaltyDecided;
import cn.kaoping.ranking.BottomRanked;
import cn.kaoping.ranking.ListedEstate;
import cn.kaoping.ranking.PeriodKind;
import cn.kaoping.ranking.TopRanked;
import cn.kaoping.rectification.AcceptanceFailed;
import cn.kaoping.rectification.NoticeReopened;
import cn.kaoping.rectification.RectificationOverdue;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Automatic records from Kaoping's own events (docs/credit.md lists which event makes which record). The source
 * (event name + id) is unique, so a redelivered event changes nothing.
 */
@Component
class CreditListener {

    private final CreditService credit;

    CreditListener(CreditService credit) {
        this.credit = credit;
    }

    @ApplicationModuleListener
    void on(RectificationOverdue e) {
        credit.automatic(new CreditService.Auto("RectificationOverdue:" + e.noticeId() + ":" + e.deadline(),
                "RectificationOverdue", e.companyId(), null, e.estateId(), e.districtId(), Direction.BAD,
                CreditKind.OVERDUE_RECTIFICATION, e.detectedOn(),
                "整改通知书 %s 逾期未完成整改（期限 %s，尚有 %d 个问题未整改）".formatted(e.number(), e.deadline(),
                        e.openProblems())));
    }

    @ApplicationModuleListener
    void on(AcceptanceFailed e) {
        credit.automatic(new CreditService.Auto("AcceptanceFailed:" + e.noticeId() + ":" + e.problemId() + ":"
                + e.decidedOn(), "AcceptanceFailed", e.companyId(), null, e.estateId(), e.districtId(), Direction.BAD,
                CreditKind.OTHER, e.decidedOn(), "整改通知书 %s 整改验收不合格：%s".formatted(e.number(), e.reason())));
    }

    @ApplicationModuleListener
    void on(NoticeReopened e) {
        credit.automatic(new CreditService.Auto("NoticeReopened:" + e.noticeId() + ":" + e.reopenedOn(),
                "NoticeReopened", e.companyId(), null, e.estateId(), e.districtId(), Direction.BAD, CreditKind.OTHER,
                e.reopenedOn(), "整改通知书 %s 销号后重新打开：%s".formatted(e.number(), e.reason())));
    }

    @ApplicationModuleListener
    void on(CircularIssued e) {
        credit.automatic(new CreditService.Auto("CircularIssued:" + e.circularId(), "CircularIssued", e.companyId(),
                e.companyName(), null, e.districtId(), Direction.BAD, CreditKind.CIRCULAR, e.issuedOn(),
                "被通报（%s）：%s".formatted(e.number(), e.reason())));
    }

    @ApplicationModuleListener
    void on(InterviewHeld e) {
        credit.automatic(new CreditService.Auto("InterviewHeld:" + e.interviewId(), "InterviewHeld", e.companyId(),
                e.companyName(), null, e.districtId(), Direction.BAD, CreditKind.INTERVIEW, e.heldOn(),
                "被约谈（%s）".formatted(e.number())));
    }

    @ApplicationModuleListener
    void on(PenaltyDecided e) {
        credit.automatic(new CreditService.Auto("PenaltyDecided:" + e.penaltyId(), "PenaltyDecided", e.companyId(),
                e.companyName(), null, e.districtId(), Direction.BAD, CreditKind.PENALTY, e.decidedOn(),
                "受到处罚（%s）：%s".formatted(e.number(), e.decision())));
    }

    /** A failed 双随机 inspection, once published: a bad record of the estate's company. */
    @ApplicationModuleListener
    void on(cn.kaoping.casework.RandomCheckFailed e) {
        if (e.companyId() == null) {
            return;
        }
        credit.automatic(new CreditService.Auto("RandomCheckFailed:" + e.checkId() + ":" + e.estateId(),
                "RandomCheckFailed", e.companyId(), null, e.estateId(), e.districtId(), Direction.BAD, CreditKind.OTHER,
                e.inspectedOn(), "%s 双随机抽查不合格（%s）：%s".formatted(e.estateName(), e.checkTitle(), e.findings())));
    }

    /**
     * A company reached the year's limit of substantiated complaints it handled (issue 14): one bad record per company
     * and year, however many more follow.
     */
    @ApplicationModuleListener
    void on(cn.kaoping.casework.ComplaintsSubstantiated e) {
        credit.automatic(new CreditService.Auto("ComplaintsSubstantiated:" + e.companyId() + ":" + e.year(),
                "ComplaintsSubstantiated", e.companyId(), null, null, e.districtId(), Direction.BAD, CreditKind.OTHER,
                e.on(), "%d 年经核实属实（含部分属实）的投诉达到 %d 件（规则：每年 %d 件）".formatted(e.year(), e.count(),
                e.limit())));
    }

    /** A re-evaluated honour: retained is a good record (荣誉), revoked a bad one, weighed by the credit rules. */
    @ApplicationModuleListener
    void on(cn.kaoping.excellence.HonourDecided e) {
        if (e.companyId() == null) {
            return;
        }
        credit.automatic(new CreditService.Auto("HonourDecided:" + e.entryId(), "HonourDecided", e.companyId(),
                e.companyName(), e.estateId(), e.districtId(), e.retained() ? Direction.GOOD : Direction.BAD,
                e.retained() ? CreditKind.HONOUR : CreditKind.OTHER, e.decidedOn(), e.retained()
                        ? "%s 复评保留“%s”称号（%s）".formatted(e.estateName(), e.title(), e.documentNo())
                        : "%s “%s”称号复评被取消（%s）：%s".formatted(e.estateName(), e.title(), e.documentNo(),
                        e.reason())));
    }

    /** A year ranking's top list: a good record per company listed (once per ranking, district and category). */
    @ApplicationModuleListener
    void on(TopRanked e) {
        if (e.kind() == PeriodKind.YEAR) {
            listed(e.rankingId(), "TopRanked", e.districtId(), e.districtName(), e.category(), e.period(),
                    e.estates(), Direction.GOOD, CreditKind.TOP_RANK, "年度考评排名位列%s前 %d 名（%s，第 %d 名）", e.n());
        }
    }

    /** A year ranking's bottom list: a bad record per company listed. */
    @ApplicationModuleListener
    void on(BottomRanked e) {
        if (e.kind() == PeriodKind.YEAR) {
            listed(e.rankingId(), "BottomRanked", e.districtId(), e.districtName(), e.category(), e.period(),
                    e.estates(), Direction.BAD, CreditKind.BOTTOM_RANK, "年度考评排名位列%s后 %d 名（%s，第 %d 名）", e.n());
        }
    }

    private void listed(long rankingId, String event, long districtId, String districtName, String category,
                        String period, List<ListedEstate> estates, Direction direction, CreditKind kind,
                        String text, int n) {
        Set<Long> seen = new HashSet<>();
        java.time.LocalDate on = period.matches("\\d{4}") ? java.time.LocalDate.of(Integer.parseInt(period), 12, 31)
                : credit.today();
        for (ListedEstate x : estates) {
            if (x.companyId() == null || !seen.add(x.companyId())) {
                continue;
            }
            credit.automatic(new CreditService.Auto(event + ":" + rankingId + ":" + districtId + ":" + category + ":"
                    + x.companyId(), event, x.companyId(), x.companyName(), x.estateId(), districtId, direction, kind,
                    on, text.formatted(districtName, n, x.estateName(), x.rank())));
        }
    }
}
