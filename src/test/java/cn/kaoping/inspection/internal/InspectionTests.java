package cn.kaoping.inspection.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ValidationException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An estate's inspection task (待检查 → 已提交 → 已通过, or 已退回 and 已提交 again): each step from each status either
 * moves it where the review says or is refused as a conflict (409) naming the status, leaving the task as it was.
 */
class InspectionTests {

    /** The steps, by name, with valid input. */
    private static final Map<String, Consumer<Inspection>> STEPS = Map.of(
            "submit", Inspection::submit,
            "return", i -> i.returnWithComments("10.a 请补充照片"),
            "accept", Inspection::accept);

    /** Where each step may start. */
    private static final Map<String, Set<InspectionStatus>> ALLOWED = Map.of(
            "submit", EnumSet.of(InspectionStatus.PENDING, InspectionStatus.RETURNED),
            "return", EnumSet.of(InspectionStatus.SUBMITTED),
            "accept", EnumSet.of(InspectionStatus.SUBMITTED));

    /** Where each step leads. */
    private static final Map<String, InspectionStatus> TARGET = Map.of("submit", InspectionStatus.SUBMITTED,
            "return", InspectionStatus.RETURNED, "accept", InspectionStatus.ACCEPTED);

    @ParameterizedTest
    @EnumSource(InspectionStatus.class)
    void everyStepNotAllowedFromAStatusIsRefusedAsAConflictAndChangesNothing(InspectionStatus from) {
        STEPS.forEach((name, step) -> {
            Inspection i = in(from, "原有意见");
            if (ALLOWED.get(name).contains(from)) {
                step.accept(i);
                assertThat(i.status()).as(name + " from " + from).isEqualTo(TARGET.get(name));
            } else {
                assertThatThrownBy(() -> step.accept(i)).as(name + " from " + from)
                        .isInstanceOf(ConflictException.class).hasMessageContaining(from.label());
                assertThat(i.status()).isEqualTo(from);
                assertThat(i.reviewComment()).isEqualTo("原有意见");
            }
        });
    }

    @ParameterizedTest
    @EnumSource(InspectionStatus.class)
    void findingsChangeOnlyBeforeSubmissionOrAfterAReturn(InspectionStatus status) {
        Inspection i = in(status, null);
        boolean editable = status == InspectionStatus.PENDING || status == InspectionStatus.RETURNED;
        assertThat(i.editable()).isEqualTo(editable);
        if (editable) {
            i.requireEditable();
        } else {
            assertThatThrownBy(i::requireEditable).isInstanceOf(ConflictException.class)
                    .hasMessage("检查已" + status.label() + "，不能再修改");
        }
    }

    @Test
    void theRefusalsSayWhatIsAllowed() {
        assertThatThrownBy(() -> in(InspectionStatus.ACCEPTED, null).submit()).isInstanceOf(ConflictException.class)
                .hasMessageContaining("已通过").hasMessageEndingWith("，不能重复提交");
        assertThatThrownBy(() -> in(InspectionStatus.PENDING, null).returnWithComments("改"))
                .isInstanceOf(ConflictException.class).hasMessage("检查待检查，只有已提交的检查可以退回");
        assertThatThrownBy(() -> in(InspectionStatus.RETURNED, null).accept()).isInstanceOf(ConflictException.class)
                .hasMessage("检查已退回，只有已提交的检查可以审核通过");
    }

    @Test
    void aReturnNeedsCommentsAndKeepsThemStripped() {
        Inspection i = in(InspectionStatus.SUBMITTED, null);
        for (String none : new String[] {null, "", "   "}) {
            assertThatThrownBy(() -> i.returnWithComments(none)).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("退回时请写明需要修改的内容")
                    .satisfies(e -> assertThat(((ValidationException) e).problems().get(0).field())
                            .isEqualTo("comment"));
            assertThat(i.status()).isEqualTo(InspectionStatus.SUBMITTED);
        }
        i.returnWithComments("  10.a 请补充照片 ");
        assertThat(i.reviewComment()).isEqualTo("10.a 请补充照片");
        i.submit();
        assertThat(i.reviewComment()).as("the comments stay for the record after the new submission")
                .isEqualTo("10.a 请补充照片");
    }

    private static Inspection in(InspectionStatus status, String comment) {
        return new Inspection(1, 1, 10, "建设路幸福里", "/1/4/17/30/", 17, "东风街道", 3L, null, status, comment, 0);
    }
}
