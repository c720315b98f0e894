package cn.kaoping.casework.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kaoping.casework.complaints.Complaint.Callback;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ValidationException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The work order's state machine (issue 14: 待签收 → 已签收 → 已派单 → 已答复 → 已办结, or 退回): each step from each
 * state either moves it where the 12345 practice says or is refused as a conflict (409), leaving the order as it was.
 */
class ComplaintTests {

    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 11, 30, 9, 0, 0, 0, ZoneOffset.ofHours(8));

    /** The steps, by name, with valid input. */
    private static final Map<String, Consumer<Complaint>> STEPS = Map.of(
            "sign", c -> c.sign(AT),
            "assign", c -> c.assign(7L, null, AT),
            "return", c -> c.pushBack("不属于物业服务范围，已告知来电人", AT),
            "answer", c -> c.answer("已清运", AT),
            "close", c -> c.close(Callback.SATISFIED, Complaint.Verdict.SUBSTANTIATED, AT));

    /** Where each step may start. */
    private static final Map<String, Set<ComplaintStatus>> ALLOWED = Map.of(
            "sign", EnumSet.of(ComplaintStatus.RECEIVED),
            "assign", EnumSet.of(ComplaintStatus.RECEIVED, ComplaintStatus.SIGNED, ComplaintStatus.ASSIGNED),
            "return", EnumSet.of(ComplaintStatus.RECEIVED, ComplaintStatus.SIGNED),
            "answer", EnumSet.of(ComplaintStatus.ASSIGNED),
            "close", EnumSet.of(ComplaintStatus.ANSWERED));

    /** Where each step leads. */
    private static final Map<String, ComplaintStatus> TARGET = Map.of("sign", ComplaintStatus.SIGNED,
            "assign", ComplaintStatus.ASSIGNED, "return", ComplaintStatus.RETURNED, "answer", ComplaintStatus.ANSWERED,
            "close", ComplaintStatus.CLOSED);

    @Test
    void aWorkOrderGoesFromReceivedToClosedWithItsCallback() {
        Complaint c = in(ComplaintStatus.RECEIVED);
        c.sign(AT);
        assertThat(c.status()).isEqualTo(ComplaintStatus.SIGNED);
        assertThat(c.signedAt()).isEqualTo(AT);
        c.assign(7L, null, AT.plusHours(1));
        assertThat(c.status()).isEqualTo(ComplaintStatus.ASSIGNED);
        assertThat(c.signedAt()).as("signing is not moved by the assignment").isEqualTo(AT);
        c.answer("  已清运并增加清运频次 ", AT.plusDays(1));
        assertThat(c.answer()).isEqualTo("已清运并增加清运频次");
        c.close(Callback.BASICALLY_SATISFIED, Complaint.Verdict.UNFOUNDED, AT.plusDays(2));
        assertThat(c.status()).isEqualTo(ComplaintStatus.CLOSED);
        assertThat(c.callback()).isEqualTo(Callback.BASICALLY_SATISFIED);
        assertThat(c.status().open()).isFalse();
    }

    @Test
    void assigningAnUnsignedOrderSignsItThen() {
        Complaint c = in(ComplaintStatus.RECEIVED);
        c.assign(null, "城管执法局", AT);
        assertThat(c.status()).isEqualTo(ComplaintStatus.ASSIGNED);
        assertThat(c.signedAt()).isEqualTo(AT);
        assertThat(c.assigneeDepartment()).isEqualTo("城管执法局");
        assertThat(c.assigneeCompanyId()).isNull();
        c.assign(7L, null, AT.plusHours(2));
        assertThat(c.assigneeCompanyId()).as("reassigned to the company").isEqualTo(7L);
        assertThat(c.assigneeDepartment()).isNull();
    }

    @Test
    void aPushedBackOrderKeepsItsReasonAndIsNoLongerOpen() {
        Complaint c = in(ComplaintStatus.SIGNED);
        c.pushBack(" 属于供热公司职责 ", AT);
        assertThat(c.status()).isEqualTo(ComplaintStatus.RETURNED);
        assertThat(c.returnedReason()).isEqualTo("属于供热公司职责");
        assertThat(c.status().open()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(ComplaintStatus.class)
    void everyStepNotAllowedFromAStateIsRefusedAsAConflictAndChangesNothing(ComplaintStatus from) {
        STEPS.forEach((name, step) -> {
            Complaint c = in(from);
            if (ALLOWED.get(name).contains(from)) {
                step.accept(c);
                assertThat(c.status()).as(name + " from " + from).isEqualTo(TARGET.get(name));
            } else {
                assertThatThrownBy(() -> step.accept(c)).as(name + " from " + from)
                        .isInstanceOf(ConflictException.class).hasMessageContaining(from.label());
                assertThat(c.status()).isEqualTo(from);
            }
        });
    }

    @Test
    void stepsWithoutWhatTheyNeedAreRefusedFieldByField() {
        assertThatThrownBy(() -> in(ComplaintStatus.SIGNED).assign(null, " ", AT))
                .isInstanceOf(ValidationException.class).hasMessageContaining("二选一");
        assertThatThrownBy(() -> in(ComplaintStatus.SIGNED).assign(7L, "城管", AT))
                .isInstanceOf(ValidationException.class).hasMessageContaining("二选一");
        assertThatThrownBy(() -> in(ComplaintStatus.SIGNED).assign(null, "部".repeat(101), AT))
                .isInstanceOf(ValidationException.class).extracting(e -> field(e)).isEqualTo("department");
        assertThatThrownBy(() -> in(ComplaintStatus.SIGNED).pushBack("", AT))
                .isInstanceOf(ValidationException.class).extracting(e -> field(e)).isEqualTo("reason");
        assertThatThrownBy(() -> in(ComplaintStatus.ASSIGNED).answer(null, AT))
                .isInstanceOf(ValidationException.class).extracting(e -> field(e)).isEqualTo("answer");
        assertThatThrownBy(() -> in(ComplaintStatus.ANSWERED).close(null, Complaint.Verdict.PARTLY, AT))
                .isInstanceOf(ValidationException.class).extracting(e -> field(e)).isEqualTo("callback");
    }

    @Test
    void anOrderIsOverdueOnlyAfterItsDeadlineDayAndOnlyWhileOpen() {
        Complaint c = in(ComplaintStatus.RECEIVED); // sign by 1 December, close by 7 December
        assertThat(c.signOverdueOn(LocalDate.of(2026, 12, 1))).isFalse();
        assertThat(c.signOverdueOn(LocalDate.of(2026, 12, 2))).isTrue();
        c.sign(AT);
        assertThat(c.signOverdueOn(LocalDate.of(2026, 12, 2))).as("signed late, no longer waiting").isFalse();
        assertThat(c.closeOverdueOn(LocalDate.of(2026, 12, 7))).isFalse();
        assertThat(c.closeOverdueOn(LocalDate.of(2026, 12, 8))).isTrue();
        c.pushBack("不属于物业服务范围", AT);
        assertThat(c.closeOverdueOn(LocalDate.of(2026, 12, 8))).isFalse();
    }

    private static String field(Throwable e) {
        return ((ValidationException) e).problems().get(0).field();
    }

    private static Complaint in(ComplaintStatus status) {
        return new Complaint(1, 2, status, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 7), null, null, null,
                null, null, null, null, null, null, null);
    }
}
