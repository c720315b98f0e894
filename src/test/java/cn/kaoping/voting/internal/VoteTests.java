package cn.kaoping.voting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ValidationException;
import cn.kaoping.voting.rules.Matter;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A vote's life as a plain domain object: every legal step, and every refusal. */
class VoteTests {

    private static final LocalDate ANNOUNCED = LocalDate.of(2027, 3, 1);
    private static final LocalDate OPENS = ANNOUNCED.plusDays(15);
    private static final LocalDate CLOSES = OPENS.plusDays(14);

    private static Vote aDraft() {
        return Vote.draft(7, Matter.MANAGER, "关于续聘物业服务企业的表决", List.of("续聘某物业公司", "调整物业费标准"),
                ANNOUNCED, OPENS, CLOSES, 15);
    }

    @Test
    void aVoteGoesFromDraftThroughApprovalAndItsWindowToClosed() {
        Vote v = aDraft();
        assertThat(v.status()).isEqualTo(VoteStatus.DRAFT);
        assertThat(v.proposals()).hasSize(2);
        v.approve("street_df", ANNOUNCED.plusDays(1));
        assertThat(v.status()).isEqualTo(VoteStatus.APPROVED);
        assertThat(v.approvedBy()).isEqualTo("street_df");
        v.open(OPENS, 120);
        assertThat(v.status()).isEqualTo(VoteStatus.OPEN);
        assertThat(v.rollSize()).isEqualTo(120);
        assertThat(v.takesBallots(OPENS)).isTrue();
        assertThat(v.takesBallots(CLOSES)).isTrue();
        assertThat(v.takesBallots(CLOSES.plusDays(1))).isFalse();
        v.close(CLOSES.plusDays(1));
        assertThat(v.status()).isEqualTo(VoteStatus.CLOSED);
    }

    @Test
    void theAnnouncementRunsAtLeastFifteenDaysBeforeTheWindowOpens() {
        assertThat(aDraft().opensOn()).isEqualTo(ANNOUNCED.plusDays(15));
        assertThatThrownBy(() -> Vote.draft(7, Matter.MANAGER, "表决", List.of("议题"), ANNOUNCED, OPENS.minusDays(1),
                CLOSES, 15)).isInstanceOf(ValidationException.class).hasMessageContaining("至少在投票开始前 15 日");
        assertThatThrownBy(() -> Vote.draft(7, Matter.MANAGER, " ", List.of(" "), null, OPENS, OPENS.minusDays(1), 15))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.FieldProblem::field)
                        .containsExactly("title", "proposals", "announcedOn", "closesOn"));
    }

    @Test
    void datesOutsideTheCalendarAreRefusedNotOverflowed() {
        LocalDate far = LocalDate.MAX;
        assertThatThrownBy(() -> Vote.draft(7, Matter.MANAGER, "表决", List.of("议题"), far, far, far, 15))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.FieldProblem::field)
                        .containsExactlyInAnyOrder("announcedOn", "opensOn", "closesOn"));
    }

    @Test
    void everyStepOutOfOrderIsRefused() {
        Vote v = aDraft();
        assertThatThrownBy(() -> v.open(OPENS, 10)).isInstanceOf(ConflictException.class).hasMessageContaining("已审核");
        assertThatThrownBy(() -> v.close(CLOSES.plusDays(1))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> v.approve("street_df", OPENS)).hasMessageContaining("已到");
        v.approve("street_df", ANNOUNCED);
        assertThatThrownBy(() -> v.approve("street_df", ANNOUNCED)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> v.open(OPENS.minusDays(1), 10)).hasMessageContaining("公告期未满");
        assertThatThrownBy(() -> v.open(OPENS, 0)).hasMessageContaining("名册为空");
        v.open(OPENS, 10);
        assertThatThrownBy(() -> v.requireBallots(OPENS.minusDays(1))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> v.close(CLOSES)).hasMessageContaining("期满后");
        assertThatThrownBy(() -> v.requireBallots(CLOSES.plusDays(1))).hasMessageContaining("截止");
    }
}
