package cn.kaoping.inspection.internal;

import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ValidationException;
import java.util.Objects;

/**
 * One estate's inspection task within a round: the street office fills in findings and submits, the district
 * accepts or returns it with comments; a returned inspection keeps its findings and can be submitted again.
 */
public final class Inspection {

    private final long id;
    private final long roundId;
    private final long estateId;
    private final String estateName;
    private final String estatePath;
    private final long streetId;
    private final String streetName;
    private final Long companyId;
    private final String assignee;
    private InspectionStatus status;
    private String reviewComment;
    private final int version;

    public Inspection(long id, long roundId, long estateId, String estateName, String estatePath, long streetId,
                      String streetName, Long companyId, String assignee, InspectionStatus status,
                      String reviewComment, int version) {
        this.id = id;
        this.roundId = roundId;
        this.estateId = estateId;
        this.estateName = estateName;
        this.estatePath = estatePath;
        this.streetId = streetId;
        this.streetName = streetName;
        this.companyId = companyId;
        this.assignee = assignee;
        this.status = Objects.requireNonNull(status);
        this.reviewComment = reviewComment;
        this.version = version;
    }

    /** Whether findings may change: before submission, or after the district returned it. */
    public boolean editable() {
        return status == InspectionStatus.PENDING || status == InspectionStatus.RETURNED;
    }

    public void requireEditable() {
        if (!editable()) {
            throw new ConflictException("检查已" + status.label() + "，不能再修改");
        }
    }

    /** The street office hands the inspection to the district for review. */
    public void submit() {
        if (!editable()) {
            throw new ConflictException("检查已" + status.label() + "，不能重复提交");
        }
        status = InspectionStatus.SUBMITTED;
    }

    /** The district sends it back with comments; the findings stay as they are. */
    public void returnWithComments(String comments) {
        requireSubmitted("退回");
        if (comments == null || comments.isBlank()) {
            throw new ValidationException("comment", "退回时请写明需要修改的内容");
        }
        status = InspectionStatus.RETURNED;
        reviewComment = comments.strip();
    }

    /** The district accepts the inspection as the estate's result. */
    public void accept() {
        requireSubmitted("审核通过");
        status = InspectionStatus.ACCEPTED;
    }

    private void requireSubmitted(String action) {
        if (status != InspectionStatus.SUBMITTED) {
            throw new ConflictException("检查" + status.label() + "，只有已提交的检查可以" + action);
        }
    }

    public long id() {
        return id;
    }

    public long roundId() {
        return roundId;
    }

    public long estateId() {
        return estateId;
    }

    public String estateName() {
        return estateName;
    }

    public String estatePath() {
        return estatePath;
    }

    public long streetId() {
        return streetId;
    }

    public String streetName() {
        return streetName;
    }

    public Long companyId() {
        return companyId;
    }

    public String assignee() {
        return assignee;
    }

    public InspectionStatus status() {
        return status;
    }

    public String reviewComment() {
        return reviewComment;
    }

    public int version() {
        return version;
    }
}
