package cn.kaoping.streetassessment.year;

import cn.kaoping.shared.ConflictException;

import java.time.LocalDate;

/**
 * A dated node of a milestone row for one street (issue 15): the street submits its material (报送), the department
 * owning the row accepts it or returns it with a reason, and a returned node is submitted again. Each step gives the
 * node in its new status, or is refused as a conflict.
 */
public record Node(long id, long yearId, long streetId, String streetName, String itemCode, String ruleCode,
                   String label, String department, LocalDate due, NodeStatus status) {

    /** The street submits: refused while awaiting review or once accepted. */
    Node submit() {
        if (status == NodeStatus.SUBMITTED) {
            throw new ConflictException("该时间节点已报送，正在等待" + reviewingDepartment() + "审核");
        }
        if (status == NodeStatus.ACCEPTED) {
            throw new ConflictException("该时间节点的报送材料已审核通过");
        }
        return in(NodeStatus.SUBMITTED);
    }

    /** The department accepts the submission awaiting its review: the node is met. */
    Node accept(AssessmentStore.Submission s) {
        return review(s, NodeStatus.ACCEPTED);
    }

    /** The department returns the submission awaiting its review; the street submits again. */
    Node sendBack(AssessmentStore.Submission s) {
        return review(s, NodeStatus.RETURNED);
    }

    /** Whether material submitted on that day (China time) is after the node. */
    public boolean lateOn(LocalDate day) {
        return day.isAfter(due);
    }

    /** The department reviewing the node's row: the district admin's own (区住建局) when the row names none. */
    public String reviewingDepartment() {
        return department == null ? AssessmentAccess.HOUSING_BUREAU : department;
    }

    private Node review(AssessmentStore.Submission s, NodeStatus outcome) {
        if (status != NodeStatus.SUBMITTED || !s.awaitingReview()) {
            throw new ConflictException("该报送已经审核");
        }
        return in(outcome);
    }

    private Node in(NodeStatus next) {
        return new Node(id, yearId, streetId, streetName, itemCode, ruleCode, label, department, due, next);
    }
}
