package cn.kaoping.inspection.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kaoping.inspection.Period;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ValidationException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The round and inspection life cycles as plain domain objects: every legal step, and every refusal. */
class RoundStateMachineTests {

    private static final LocalDate DAY = LocalDate.of(2020, 7, 1);

    static Round aRound(int publicityDays) {
        Round draft = Round.draft("2020年上半年老旧小区考核", "erqi-old-estate", 1, Period.parse("2020-H1"), 4L, "/1/4/",
                LocalDate.of(2020, 7, 15), LocalDate.of(2020, 7, 31), publicityDays);
        return new Round(1L, draft.name(), draft.schemeCode(), draft.schemeVersion(), draft.period(), 4L, "/1/4/",
                draft.inspectionDue(), draft.reviewDue(), publicityDays, RoundStatus.DRAFT, null, null, 0);
    }

    static Inspection anInspection() {
        return new Inspection(1, 1, 10, "建设路幸福里", "/1/4/17/30/", 17, "东风街道", 3L, null,
                InspectionStatus.PENDING, null, 0);
    }

    @Test
    void aRoundGoesFromDraftThroughOpenAndPublicityToPublished() {
        Round round = aRound(7);
        round.open(12);
        assertThat(round.status()).isEqualTo(RoundStatus.OPEN);
        round.startPublicity(DAY, 0);
        assertThat(round.status()).isEqualTo(RoundStatus.PUBLICITY);
        assertThat(round.takesObjections(DAY.plusDays(6))).isTrue();
        assertThat(round.takesObjections(DAY.plusDays(7))).isFalse();
        assertThat(round.lastObjectionDay()).isEqualTo(DAY.plusDays(6));
        round.publish(DAY.plusDays(7), 0);
        assertThat(round.status()).isEqualTo(RoundStatus.PUBLISHED);
        assertThat(round.revise("  业主委员会提供了新证据 ")).isEqualTo("业主委员会提供了新证据");
    }

    @Test
    void refusesEveryTransitionOutOfOrderWithAChineseReason() {
        Round round = aRound(7);
        assertThatThrownBy(() -> round.startPublicity(DAY, 0)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("只有进行中的轮次可以进入公示").hasMessageContaining("草稿");
        assertThatThrownBy(() -> round.publish(DAY, 0)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("只有公示中的轮次可以公布");
        assertThatThrownBy(() -> round.revise("理由")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("只有已公布的轮次可以更正");
        assertThatThrownBy(() -> round.open(0)).isInstanceOf(ConflictException.class).hasMessageContaining("没有小区");
        round.open(3);
        assertThatThrownBy(() -> round.open(3)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("只有草稿状态的轮次可以启动");
        assertThatThrownBy(() -> round.startPublicity(DAY, 2)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("还有 2 个小区的检查未审核通过");
        assertThat(round.status()).isEqualTo(RoundStatus.OPEN);
        round.startPublicity(DAY, 0);
        assertThatThrownBy(() -> round.publish(DAY.plusDays(6), 0)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("公示期至 2020-07-07 结束");
        assertThatThrownBy(() -> round.publish(DAY.plusDays(7), 1)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("1 项异议未处理");
        assertThatThrownBy(round::requireOpenForInspection).isInstanceOf(ConflictException.class);
        round.publish(DAY.plusDays(7), 0);
        assertThatThrownBy(() -> round.publish(DAY.plusDays(8), 0)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> round.revise(" ")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("必须说明理由");
    }

    @Test
    void aDraftNeedsItsReviewDeadlineAfterTheInspectionDeadline() {
        assertThatThrownBy(() -> Round.draft("轮次", "erqi-old-estate", 1, Period.parse("2020-Q1"), 4L, "/1/4/",
                LocalDate.of(2020, 4, 15), LocalDate.of(2020, 4, 1), 7)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("审核截止日期不能早于检查截止日期");
    }

    @Test
    void aDraftRefusesDeadlinesOutsideItsPeriodAndPublicityOfNoDaysAllAtOnce() {
        assertThatThrownBy(() -> Round.draft("轮次", "shenyang-professional", 1, Period.parse("2026-Q4"), 4L, "/1/4/",
                LocalDate.of(2020, 1, 1), LocalDate.of(2026, 12, 31), 0))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.FieldProblem::field, ValidationException.FieldProblem::message)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple("inspectionDue", "检查截止日期不能早于考评周期的第一天 2026-10-01"),
                                org.assertj.core.groups.Tuple.tuple("publicityDays", "公示天数应在 1 到 60 天之间")));
        assertThatThrownBy(() -> Round.draft("轮次", "shenyang-professional", 1, Period.parse("2026-Q4"), 4L, "/1/4/",
                LocalDate.of(2027, 12, 1), LocalDate.of(2027, 12, 31), 7)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("检查截止日期不能晚于 2027-07-02");
        assertThat(Round.draft("轮次", "shenyang-professional", 1, Period.parse("2026-Q4"), 4L, "/1/4/",
                LocalDate.of(2027, 1, 10), LocalDate.of(2027, 1, 20), 1).publicityDays()).isEqualTo(1);
    }

    @Test
    void oneDayOfPublicityEndsTheDayItStartsAndPublishesTheNextDay() {
        Round round = aRound(1);
        round.open(3);
        round.startPublicity(DAY, 0);
        assertThat(round.lastObjectionDay()).isEqualTo(DAY);
        assertThatThrownBy(() -> round.publish(DAY, 0)).isInstanceOf(ConflictException.class);
        round.publish(DAY.plusDays(1), 0);
        assertThat(round.status()).isEqualTo(RoundStatus.PUBLISHED);
    }

    @Test
    void anInspectionIsSubmittedReturnedSubmittedAgainAndAccepted() {
        Inspection i = anInspection();
        assertThat(i.editable()).isTrue();
        assertThatThrownBy(i::accept).isInstanceOf(ConflictException.class).hasMessageContaining("只有已提交的检查可以审核通过");
        i.submit();
        assertThat(i.editable()).isFalse();
        assertThatThrownBy(i::submit).isInstanceOf(ConflictException.class).hasMessageContaining("不能重复提交");
        assertThatThrownBy(() -> i.returnWithComments("")).isInstanceOf(ValidationException.class);
        i.returnWithComments("10.a 请补充照片");
        assertThat(i.status()).isEqualTo(InspectionStatus.RETURNED);
        assertThat(i.reviewComment()).isEqualTo("10.a 请补充照片");
        assertThat(i.editable()).isTrue();
        i.submit();
        i.accept();
        assertThat(i.status()).isEqualTo(InspectionStatus.ACCEPTED);
        assertThatThrownBy(i::requireEditable).isInstanceOf(ConflictException.class).hasMessageContaining("已通过");
        assertThatThrownBy(() -> i.returnWithComments("再改")).isInstanceOf(ConflictException.class);
    }

    @Test
    void readsTheFourPeriodForms() {
        assertThat(Period.parse("2020-q1")).isEqualTo(new Period("2020-Q1", LocalDate.of(2020, 1, 1), LocalDate.of(2020, 3, 31)));
        assertThat(Period.parse("2020-H2").start()).isEqualTo(LocalDate.of(2020, 7, 1));
        assertThat(Period.parse("2020-H2").end()).isEqualTo(LocalDate.of(2020, 12, 31));
        assertThat(Period.parse("2020-02").end()).isEqualTo(LocalDate.of(2020, 2, 29));
        assertThat(Period.parse("2020").end()).isEqualTo(LocalDate.of(2020, 12, 31));
        assertThatThrownBy(() -> Period.parse("2020-Q5")).isInstanceOf(IllegalArgumentException.class);
    }
}
