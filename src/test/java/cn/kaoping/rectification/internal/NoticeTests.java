package cn.kaoping.rectification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ValidationException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The notice and problem state machines, without a database: what each step changes, the {@link NoticeEvent}s it
 * registers for {@link NoticeTransitions}, and that a refused step registers none.
 */
class NoticeTests {

    private static final LocalDate ISSUED = LocalDate.of(2080, 3, 2);

    private static Notice draft(Problem... problems) {
        return Notice.draft(1, header(), List.of(problems));
    }

    private static Notice.Header header() {
        return Notice.Header.builder().source("MANUAL").category("PROFESSIONAL").estate(7, "测试小区")
                .estatePath("/1/2/3/4/").street(3, "东风街道").district(2, "河东区").company(9, "测试物业")
                .issuingBody("河东区房产主管部门").numberPrefix("河东整改").heading("整改通知书").body("正文")
                .deadlineDays(20).acceptanceMethod("现场验收").createdBy("t").build();
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

    /** The events registered since the last call, which are then cleared. */
    private static List<NoticeEvent> taken(Notice n) {
        List<NoticeEvent> events = n.events();
        n.clearEvents();
        return events;
    }

    /** Runs a step that must be refused and checks it registered nothing. */
    private static void refused(Notice n, Class<? extends RuntimeException> type, Runnable step) {
        taken(n);
        assertThatThrownBy(step::run).isInstanceOf(type);
        assertThat(n.events()).isEmpty();
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

    // ---------------------------------------------------------------- the events each step registers

    @Test
    void aDraftRegistersWhereItCameFromAndItsChangesRegisterTheProblemsAddedAndRemoved() {
        Notice n = Notice.drafted(1, header(), List.of(open(11, 1, 0)), NoticeEvent.Origin.BY_HAND, "手工发起");
        assertThat(taken(n)).containsExactly(new NoticeEvent.Drafted(NoticeEvent.Origin.BY_HAND, "手工发起", 1));
        n.addProblem(open(12, 2, 0));
        NoticeEvent.Report complaint = new NoticeEvent.Report("投诉", "complaint:5", 2, "测试小区");
        n.addReported(open(13, 3, 0), complaint);
        n.removeProblem(11);
        assertThat(taken(n)).containsExactly(new NoticeEvent.ProblemAdded(12, "问题2", null),
                new NoticeEvent.ProblemAdded(13, "问题3", complaint), new NoticeEvent.ProblemRemoved(11, 1, "问题1"));
        assertThat(n.problems()).extracting(Problem::id).containsExactly(12L, 13L);
        refused(n, cn.kaoping.shared.NotFoundException.class, () -> n.removeProblem(11));

        n.issue("n", ISSUED);
        refused(n, ConflictException.class, () -> n.addProblem(open(14, 4, 0)));
        refused(n, ConflictException.class, () -> n.addReported(open(14, 4, 0), complaint));
        refused(n, ConflictException.class, () -> n.removeProblem(12));
    }

    @Test
    void aWithdrawnDraftSaysWhetherByHandOrBecauseTheCorrectedRankingNoLongerListsIt() {
        Notice byHand = draft(open(11, 1, 0));
        byHand.withdraw();
        assertThat(taken(byHand)).containsExactly(new NoticeEvent.Withdrawn(null));
        refused(byHand, ConflictException.class, byHand::withdraw);

        Notice unlisted = draft(open(11, 1, 0));
        unlisted.withdrawUnlisted(10);
        assertThat(unlisted.status()).isEqualTo(NoticeStatus.WITHDRAWN);
        assertThat(taken(unlisted)).containsExactly(new NoticeEvent.Withdrawn(10));
        refused(unlisted, ConflictException.class, () -> unlisted.withdrawUnlisted(10));
        Notice issued = submitted();
        refused(issued, ConflictException.class, () -> issued.withdrawUnlisted(10));
    }

    @Test
    void issuingRegistersTheNumberTheDeadlineAndTheTextWithItsPlaceholdersFilled() {
        Notice.Header h = Notice.Header.builder().source("MANUAL").estate(7, "测试小区").street(3, "东风街道")
                .company(9, "测试物业").issuingBody("河东区房产主管部门").body("{企业}：{小区}（{街道}）{期间}，{期限}前报{发文机关}")
                .deadlineDays(20).build();
        Notice n = Notice.draft(1, h, List.of(open(11, 1, 0), open(12, 2, 0)));
        n.issue("河东整改〔2080〕1号", ISSUED);
        assertThat(taken(n)).containsExactly(new NoticeEvent.Issued("河东整改〔2080〕1号", ISSUED, ISSUED.plusDays(20), 2,
                "测试物业：测试小区（东风街道）日常巡查，2080年3月22日前报河东区房产主管部门"));
        refused(n, ConflictException.class, () -> n.issue("again", ISSUED));
        Notice empty = draft();
        refused(empty, ValidationException.class, () -> empty.issue("n", ISSUED));
        refused(empty, ValidationException.class, empty::requireIssuable);
    }

    @Test
    void answersRegisterTheTextBeforeAndAfterAPhotoItsProblemAndTheSubmissionTheProblemsItSends() {
        Notice n = draft(open(11, 1, 1), open(12, 2, 1));
        refused(n, ConflictException.class, () -> n.answer(11, "早了"));
        refused(n, ConflictException.class, () -> n.addPhoto(11, "early.png", null));
        n.issue("n", ISSUED);
        taken(n);
        n.answer(11, " 已清理 ");
        n.answer(11, "已清理，并安排专人巡查");
        n.addPhoto(11, "after.png", null);
        assertThat(taken(n)).containsExactly(new NoticeEvent.Answered(11, 1, null, "已清理"),
                new NoticeEvent.Answered(11, 1, "已清理", "已清理，并安排专人巡查"),
                new NoticeEvent.PhotoAdded(11, 1, "after.png", null));
        refused(n, ValidationException.class, () -> n.answer(12, " "));
        n.answer(12, "已修复");
        n.submit();
        assertThat(taken(n)).containsExactly(new NoticeEvent.Answered(12, 2, null, "已修复"),
                new NoticeEvent.Submitted(List.of(11L, 12L)));
        refused(n, ConflictException.class, () -> n.answer(11, "再改"));
        refused(n, ConflictException.class, () -> n.addPhoto(11, "late.png", null));
        refused(n, ConflictException.class, n::submit);
    }

    @Test
    void aSubmissionLackingAnAnswerOrAPhotoRegistersNothing() {
        Notice n = draft(open(11, 1, 0));
        n.issue("n", ISSUED);
        refused(n, ValidationException.class, n::submit);
        n.answer(11, "已清理");
        refused(n, ValidationException.class, n::submit);
    }

    @Test
    void eachDecisionRegistersItselfAndTheLastOneWhereTheNoticeWent() {
        LocalDate on = ISSUED.plusDays(5);
        Notice n = submitted();
        taken(n);
        refused(n, ValidationException.class, () -> n.decide(11, false, " ", on));
        n.decide(11, true, null, on);
        assertThat(taken(n)).containsExactly(new NoticeEvent.Accepted(11, 1, on));
        refused(n, ConflictException.class, () -> n.decide(11, true, null, on));
        n.decide(12, false, " 道闸仍未修复 ", on);
        assertThat(taken(n)).containsExactly(new NoticeEvent.Rejected(12, 2, "道闸仍未修复", on),
                new NoticeEvent.Returned(NoticeStatus.SUBMITTED));
        refused(n, ConflictException.class, () -> n.decide(12, true, null, on));

        n.answer(12, "已更换道闸");
        n.submit();
        taken(n);
        n.decide(12, true, null, ISSUED.plusDays(21));
        assertThat(taken(n)).containsExactly(new NoticeEvent.Accepted(12, 2, ISSUED.plusDays(21)),
                new NoticeEvent.Closed(NoticeStatus.SUBMITTED, ISSUED.plusDays(21), false));
    }

    @Test
    void reopeningRegistersTheReasonAndTheNewDeadline() {
        Notice n = submitted();
        refused(n, ConflictException.class, () -> n.reopen("原因", ISSUED));
        n.decide(11, true, null, ISSUED);
        n.decide(12, true, null, ISSUED);
        refused(n, ValidationException.class, () -> n.reopen(" ", ISSUED));
        LocalDate later = ISSUED.plusDays(40);
        n.reopen(" 回头看发现问题反弹 ", later);
        assertThat(taken(n)).containsExactly(new NoticeEvent.Reopened("回头看发现问题反弹", later.plusDays(20), later));
        refused(n, ConflictException.class, () -> n.reopen("再次", later));
    }

    @Test
    void aReminderNamesTheOpenProblemsAndTheDaysLeftWhileTheCompanyStillOwesAnswers() {
        Notice n = draft(open(11, 1, 1), open(12, 2, 1));
        assertThat(n.remind(ISSUED)).as("a draft").isEmpty();
        n.issue("河东整改〔2080〕1号", ISSUED);
        taken(n);
        LocalDate deadline = n.deadline();
        assertThat(n.remind(deadline.minusDays(2))).contains("河东整改〔2080〕1号（测试小区）还有 2 个问题待整改，2 天后（"
                + deadline + "）到期");
        assertThat(n.remind(deadline)).contains("河东整改〔2080〕1号（测试小区）还有 2 个问题待整改，今天到期");
        assertThat(taken(n)).extracting(e -> ((NoticeEvent.Reminded) e).message()).hasSize(2);
        assertThat(n.remind(deadline.plusDays(1))).as("late: overdue instead").isEmpty();
        n.answer(11, "a");
        n.answer(12, "b");
        n.submit();
        taken(n);
        assertThat(n.remind(deadline)).as("answered, waiting for acceptance").isEmpty();
        assertThat(n.events()).isEmpty();
    }

    @Test
    void overdueIsRegisteredOncePerDeadlineWhileProblemsAreStillOpen() {
        Notice n = draft(open(11, 1, 1), open(12, 2, 1));
        n.issue("n", ISSUED);
        taken(n);
        LocalDate deadline = n.deadline();
        assertThat(n.flagOverdue(deadline)).as("the deadline day itself").isFalse();
        assertThat(n.flagOverdue(deadline.plusDays(1))).isTrue();
        assertThat(n.overdueDeadline()).isEqualTo(deadline);
        assertThat(n.flagOverdue(deadline.plusDays(2))).as("once per deadline").isFalse();
        assertThat(taken(n)).containsExactly(new NoticeEvent.Overdue(deadline, 2, deadline.plusDays(1)));

        Notice late = draft(open(11, 1, 1), open(12, 2, 1));
        late.issue("n", ISSUED);
        late.answer(11, "a");
        late.answer(12, "b");
        late.submit();
        late.decide(11, true, null, deadline);
        late.decide(12, true, null, deadline);
        late.reopen("反弹", deadline.plusDays(30));
        taken(late);
        LocalDate next = late.deadline();
        assertThat(late.flagOverdue(deadline.plusDays(1))).as("the new deadline has not passed").isFalse();
        assertThat(late.flagOverdue(next.plusDays(1))).isTrue();
        assertThat(taken(late)).containsExactly(new NoticeEvent.Overdue(next, 2, next.plusDays(1)));
    }
}
