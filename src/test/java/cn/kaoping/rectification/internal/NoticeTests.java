package cn.kaoping.rectification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ValidationException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The notice and problem state machines, without a database. */
class NoticeTests {

    private static final LocalDate ISSUED = LocalDate.of(2080, 3, 2);

    private static Notice draft(Problem... problems) {
        return new Notice(1, header(), NoticeStatus.DRAFT, null, null, null, null, null, List.of(problems));
    }

    private static Notice.Header header() {
        return new Notice.Header("MANUAL", null, null, null, "PROFESSIONAL", 7, "测试小区", "/1/2/3/4/", 3, "东风街道", 2,
                "河东区", 9, "测试物业", null, "河东区房产主管部门", "河东整改", "整改通知书", "正文", 20, "现场验收", "t");
    }

    private static Problem open(long id, int position, int photos) {
        return new Problem(id, position, null, "问题" + position, null, "MANUAL", ProblemStatus.OPEN, null, null, 0,
                null, photos);
    }

    /** A notice issued with problems that each have a photo, answered and submitted. */
    private static Notice submitted() {
        Notice n = draft(open(11, 1, 1), open(12, 2, 1));
        n.issue("河东整改〔2080〕1号", ISSUED);
        n.answer(11, "已清理");
        n.answer(12, "已修复");
        n.submit();
        return n;
    }

    @Test
    void issuingNumbersTheDraftAndSetsTheDeadlineFromTheTemplateRule() {
        Notice n = draft(open(11, 1, 0));
        n.issue("河东整改〔2080〕1号", ISSUED);
        assertThat(n.status()).isEqualTo(NoticeStatus.ISSUED);
        assertThat(n.number()).isEqualTo("河东整改〔2080〕1号");
        assertThat(n.deadline()).isEqualTo(ISSUED.plusDays(20));
        assertThatThrownBy(() -> n.issue("again", ISSUED)).isInstanceOf(ConflictException.class);
    }

    @Test
    void refusesToIssueANoticeWithoutProblems() {
        assertThatThrownBy(() -> draft().issue("n", ISSUED)).isInstanceOf(ValidationException.class);
    }

    @Test
    void refusesSubmissionWithoutAnAnswerOrWithoutAPhoto() {
        Notice noAnswer = draft(open(11, 1, 1));
        noAnswer.issue("n", ISSUED);
        assertThatThrownBy(noAnswer::submit).isInstanceOf(ValidationException.class).hasMessageContaining("整改情况");

        Notice noPhoto = draft(open(11, 1, 0));
        noPhoto.issue("n", ISSUED);
        noPhoto.answer(11, "已清理");
        assertThatThrownBy(noPhoto::submit).isInstanceOf(ValidationException.class).hasMessageContaining("照片");
        assertThat(noPhoto.status()).isEqualTo(NoticeStatus.ISSUED);
    }

    @Test
    void aRejectedProblemGoesBackToTheCompanyWithItsReasonAndTheNoticeReturnsToIssued() {
        Notice n = submitted();
        n.decide(11, true, null, ISSUED.plusDays(5));
        assertThat(n.status()).as("one problem still awaits acceptance").isEqualTo(NoticeStatus.SUBMITTED);
        Problem rejected = n.decide(12, false, "道闸仍未修复", ISSUED.plusDays(5));
        assertThat(rejected.status()).isEqualTo(ProblemStatus.OPEN);
        assertThat(rejected.rejection()).isEqualTo("道闸仍未修复");
        assertThat(rejected.rejections()).isEqualTo(1);
        assertThat(n.status()).isEqualTo(NoticeStatus.ISSUED);
        assertThat(n.problem(11).status()).as("the accepted one stays closed").isEqualTo(ProblemStatus.CLOSED);
        // the company answers again: only the open problem goes to acceptance
        n.answer(12, "已更换道闸");
        assertThat(n.submit()).extracting(Problem::id).containsExactly(12L);
    }

    @Test
    void aRejectionNeedsAReason() {
        Notice n = submitted();
        assertThatThrownBy(() -> n.decide(11, false, " ", ISSUED)).isInstanceOf(ValidationException.class);
        assertThat(n.problem(11).status()).isEqualTo(ProblemStatus.ANSWERED);
    }

    @Test
    void theNoticeClosesWhenTheLastProblemClosesAndSaysWhetherOnTime() {
        Notice n = submitted();
        n.decide(11, true, null, ISSUED.plusDays(20));
        n.decide(12, true, null, ISSUED.plusDays(20));
        assertThat(n.status()).isEqualTo(NoticeStatus.CLOSED);
        assertThat(n.closedOn()).isEqualTo(ISSUED.plusDays(20));
        assertThat(n.closedOnTime()).as("closed on the deadline day").isTrue();

        Notice late = submitted();
        late.decide(11, true, null, ISSUED.plusDays(21));
        late.decide(12, true, null, ISSUED.plusDays(21));
        assertThat(late.closedOnTime()).isFalse();
    }

    @Test
    void onlyAnsweredProblemsCanBeDecidedAndOnlySubmittedNoticesAccepted() {
        Notice n = draft(open(11, 1, 1));
        n.issue("n", ISSUED);
        assertThatThrownBy(() -> n.decide(11, true, null, ISSUED)).isInstanceOf(ConflictException.class);
        Notice s = submitted();
        s.decide(11, true, null, ISSUED);
        assertThatThrownBy(() -> s.decide(11, true, null, ISSUED)).isInstanceOf(ConflictException.class);
    }

    @Test
    void reopeningNeedsAClosedNoticeAndAReasonAndOpensEveryProblemUnderANewDeadline() {
        Notice n = submitted();
        assertThatThrownBy(() -> n.reopen("原因", ISSUED)).isInstanceOf(ConflictException.class);
        n.decide(11, true, null, ISSUED.plusDays(3));
        n.decide(12, true, null, ISSUED.plusDays(3));
        assertThatThrownBy(() -> n.reopen("  ", ISSUED)).isInstanceOf(ValidationException.class);
        LocalDate later = ISSUED.plusDays(40);
        n.reopen("回头看发现问题反弹", later);
        assertThat(n.status()).isEqualTo(NoticeStatus.ISSUED);
        assertThat(n.reopenReason()).isEqualTo("回头看发现问题反弹");
        assertThat(n.deadline()).isEqualTo(later.plusDays(20));
        assertThat(n.problems()).allMatch(p -> p.status() == ProblemStatus.OPEN && p.closedOn() == null);
    }

    @Test
    void onlyADraftCanBeWithdrawnOrHaveItsProblemsChanged() {
        Notice d = draft(open(11, 1, 0));
        d.requireDraft();
        d.withdraw();
        assertThat(d.status()).isEqualTo(NoticeStatus.WITHDRAWN);
        assertThatThrownBy(d::withdraw).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> d.issue("n", ISSUED)).isInstanceOf(ConflictException.class);
        Notice issued = submitted();
        assertThatThrownBy(issued::requireDraft).isInstanceOf(ConflictException.class);
    }

    @Test
    void overdueMeansTheDeadlinePassedWithProblemsTheCompanyStillOwes() {
        Notice n = draft(open(11, 1, 1), open(12, 2, 1));
        n.issue("n", ISSUED);
        assertThat(n.overdue(n.deadline())).as("on the deadline day itself").isFalse();
        assertThat(n.overdue(n.deadline().plusDays(1))).isTrue();
        n.answer(11, "a");
        n.answer(12, "b");
        n.submit();
        assertThat(n.overdue(n.deadline().plusDays(1))).as("answered, waiting for acceptance").isFalse();
    }

    @Test
    void documentNumbersFollowTheOfficialPattern() {
        assertThat(Template.number("西岗整改", 2020, 12)).isEqualTo("西岗整改〔2020〕12号");
        assertThat(Template.defaults(2, "河东区").numberPrefix()).isEqualTo("河东整改");
        List<String> placeholders = new ArrayList<>(Template.PLACEHOLDERS);
        assertThat(Template.render("{企业}：请于{期限}前整改", java.util.Map.of("{企业}", "甲物业", "{期限}", "3月1日")))
                .isEqualTo("甲物业：请于3月1日前整改");
        assertThat(placeholders).contains("{企业}", "{期限}");
    }
}
