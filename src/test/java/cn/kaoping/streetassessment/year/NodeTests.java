package cn.kaoping.streetassessment.year;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kaoping.shared.ConflictException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A street's node (issue 15: 报送 → 审核通过, or 退回 and 报送 again): each step from each status either moves it where
 * the review says or is refused as a conflict (409) with the message the street or the department sees.
 */
class NodeTests {

    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 3, 30, 10, 0, 0, 0, ZoneOffset.ofHours(8));
    private static final AssessmentStore.Submission AWAITING = submission(null);
    private static final AssessmentStore.Submission REVIEWED = submission("RETURNED");

    /** The steps, by name, on a submission awaiting review. */
    private static final Map<String, UnaryOperator<Node>> STEPS = Map.of(
            "submit", Node::submit,
            "accept", n -> n.accept(AWAITING),
            "return", n -> n.sendBack(AWAITING));

    /** Where each step may start. */
    private static final Map<String, Set<NodeStatus>> ALLOWED = Map.of(
            "submit", EnumSet.of(NodeStatus.OPEN, NodeStatus.RETURNED),
            "accept", EnumSet.of(NodeStatus.SUBMITTED),
            "return", EnumSet.of(NodeStatus.SUBMITTED));

    /** Where each step leads. */
    private static final Map<String, NodeStatus> TARGET = Map.of("submit", NodeStatus.SUBMITTED,
            "accept", NodeStatus.ACCEPTED, "return", NodeStatus.RETURNED);

    @Test
    void aReturnedNodeIsSubmittedAgainAndThenAccepted() {
        Node n = in(NodeStatus.OPEN, "城管执法局").submit();
        assertThat(n.status()).isEqualTo(NodeStatus.SUBMITTED);
        n = n.sendBack(AWAITING);
        assertThat(n.status()).isEqualTo(NodeStatus.RETURNED);
        assertThat(n.status().takesSubmission()).isTrue();
        n = n.submit().accept(AWAITING);
        assertThat(n.status()).isEqualTo(NodeStatus.ACCEPTED);
        assertThat(n.status().takesSubmission()).isFalse();
        assertThat(n).usingRecursiveComparison().ignoringFields("status").isEqualTo(in(NodeStatus.OPEN, "城管执法局"));
    }

    @ParameterizedTest
    @EnumSource(NodeStatus.class)
    void everyStepNotAllowedFromAStatusIsRefusedAsAConflictAndLeavesTheNodeAsItWas(NodeStatus from) {
        STEPS.forEach((name, step) -> {
            Node n = in(from, null);
            if (ALLOWED.get(name).contains(from)) {
                assertThat(step.apply(n).status()).as(name + " from " + from).isEqualTo(TARGET.get(name));
            } else {
                assertThatThrownBy(() -> step.apply(n)).as(name + " from " + from)
                        .isInstanceOf(ConflictException.class);
            }
            assertThat(n.status()).isEqualTo(from);
        });
    }

    @Test
    void aNodeAwaitingReviewOrAcceptedTellsTheStreetWhyItTakesNoSubmission() {
        assertThatThrownBy(() -> in(NodeStatus.SUBMITTED, "城管执法局").submit())
                .isInstanceOf(ConflictException.class).hasMessage("该时间节点已报送，正在等待城管执法局审核");
        assertThatThrownBy(() -> in(NodeStatus.SUBMITTED, null).submit())
                .isInstanceOf(ConflictException.class).hasMessage("该时间节点已报送，正在等待区住建局审核");
        assertThatThrownBy(() -> in(NodeStatus.ACCEPTED, null).submit())
                .isInstanceOf(ConflictException.class).hasMessage("该时间节点的报送材料已审核通过");
    }

    @Test
    void aSubmissionAlreadyReviewedIsNotReviewedAgain() {
        Node n = in(NodeStatus.SUBMITTED, null);
        assertThatThrownBy(() -> n.accept(REVIEWED)).isInstanceOf(ConflictException.class).hasMessage("该报送已经审核");
        assertThatThrownBy(() -> n.sendBack(REVIEWED)).isInstanceOf(ConflictException.class)
                .hasMessage("该报送已经审核");
        assertThatThrownBy(() -> in(NodeStatus.ACCEPTED, null).accept(AWAITING)).hasMessage("该报送已经审核");
    }

    @Test
    void materialIsLateOnlyAfterTheNodesDay() {
        Node n = in(NodeStatus.OPEN, null); // due 31 March
        assertThat(n.lateOn(LocalDate.of(2026, 3, 31))).isFalse();
        assertThat(n.lateOn(LocalDate.of(2026, 4, 1))).isTrue();
    }

    @Test
    void aRowWithoutADepartmentIsReviewedByTheHousingBureau() {
        assertThat(in(NodeStatus.OPEN, null).reviewingDepartment()).isEqualTo("区住建局");
        assertThat(in(NodeStatus.OPEN, "城管执法局").reviewingDepartment()).isEqualTo("城管执法局");
    }

    private static Node in(NodeStatus status, String department) {
        return new Node(1, 2, 3, "东风街道", "2", "2.1", "年度工作计划", department, LocalDate.of(2026, 3, 31), status);
    }

    private static AssessmentStore.Submission submission(String outcome) {
        return new AssessmentStore.Submission(9, 1, "计划", Map.of(), "df_street", AT, outcome, null, null, null,
                List.of());
    }
}
