package cn.kaoping.casework.complaints;

import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ValidationException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * An owner's complaint as a work order of the estate's street office (issue 14; seed 003 三、(二), seed 001 row 6):
 * the street signs for it (签收), assigns it to the company or a department (派单) or pushes it back with a reason
 * (退回); the assignee answers with what was done (答复); the street closes it (办结) with the complainant's callback
 * (回访: 满意, 基本满意, 不满意). Each method refuses an illegal step.
 */
public final class Complaint {

    public enum Callback {
        SATISFIED("满意"), BASICALLY_SATISFIED("基本满意"), UNSATISFIED("不满意");

        private final String label;

        Callback(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * What the street found when it checked the complaint (核实情况), recorded at the close. 属实 and 部分属实 handled
     * by the company count toward the credit rule on substantiated complaints (docs/casework.md).
     */
    public enum Verdict {
        SUBSTANTIATED("属实"), PARTLY("部分属实"), UNFOUNDED("不属实");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** 属实 or 部分属实. */
        public boolean substantiated() {
            return this != UNFOUNDED;
        }
    }

    private final long id;
    private final long estateId;
    private final LocalDate signDue;
    private final LocalDate closeDue;
    private ComplaintStatus status;
    private OffsetDateTime signedAt;
    private Long assigneeCompanyId;
    private String assigneeDepartment;
    private String answer;
    private OffsetDateTime answeredAt;
    private OffsetDateTime closedAt;
    private Callback callback;
    private Verdict verdict;
    private String returnedReason;
    private OffsetDateTime returnedAt;

    Complaint(long id, long estateId, ComplaintStatus status, LocalDate signDue, LocalDate closeDue,
              OffsetDateTime signedAt, Long assigneeCompanyId, String assigneeDepartment, String answer,
              OffsetDateTime answeredAt, OffsetDateTime closedAt, Callback callback, Verdict verdict,
              String returnedReason, OffsetDateTime returnedAt) {
        this.id = id;
        this.estateId = estateId;
        this.status = Objects.requireNonNull(status);
        this.signDue = signDue;
        this.closeDue = closeDue;
        this.signedAt = signedAt;
        this.assigneeCompanyId = assigneeCompanyId;
        this.assigneeDepartment = assigneeDepartment;
        this.answer = answer;
        this.answeredAt = answeredAt;
        this.closedAt = closedAt;
        this.callback = callback;
        this.verdict = verdict;
        this.returnedReason = returnedReason;
        this.returnedAt = returnedAt;
    }

    /** The street office signs for it. */
    void sign(OffsetDateTime at) {
        require(status == ComplaintStatus.RECEIVED, "只有待签收的工单可以签收");
        status = ComplaintStatus.SIGNED;
        signedAt = at;
    }

    /** Assigned to a company (by id) or a department (by name); signing is implied if not yet done. */
    void assign(Long companyId, String department, OffsetDateTime at) {
        require(status == ComplaintStatus.RECEIVED || status == ComplaintStatus.SIGNED
                || status == ComplaintStatus.ASSIGNED, "已答复、办结或退回的工单不能再派单");
        boolean hasDepartment = department != null && !department.isBlank();
        if ((companyId == null) == !hasDepartment) {
            throw new ValidationException("assignee", "请选择派给物业服务企业或一个部门（二选一）");
        }
        if (hasDepartment && department.length() > 100) {
            throw new ValidationException("department", "部门名称最多 100 字");
        }
        if (signedAt == null) {
            signedAt = at;
        }
        assigneeCompanyId = companyId;
        assigneeDepartment = hasDepartment ? department.strip() : null;
        status = ComplaintStatus.ASSIGNED;
    }

    /** The assignee says what was done. */
    void answer(String text, OffsetDateTime at) {
        require(status == ComplaintStatus.ASSIGNED, "只有已派单的工单可以答复");
        if (text == null || text.isBlank() || text.length() > 5000) {
            throw new ValidationException("answer", "请填写处理情况（最多 5000 字）");
        }
        answer = text.strip();
        answeredAt = at;
        status = ComplaintStatus.ANSWERED;
    }

    /** The street office closes it with what it found (核实情况) and the complainant's callback. */
    void close(Callback heard, Verdict found, OffsetDateTime at) {
        require(status == ComplaintStatus.ANSWERED, "只有已答复的工单可以办结");
        if (found == null) {
            throw new ValidationException("verdict", "请记录核实情况：属实、部分属实或不属实");
        }
        if (heard == null) {
            throw new ValidationException("callback", "请记录回访结果：满意、基本满意或不满意");
        }
        verdict = found;
        callback = heard;
        closedAt = at;
        status = ComplaintStatus.CLOSED;
    }

    /** Pushed back without handling (seed 001 row 6.3.b counts these), with the reason. */
    void pushBack(String reason, OffsetDateTime at) {
        require(status == ComplaintStatus.RECEIVED || status == ComplaintStatus.SIGNED, "只有未派单的工单可以退回");
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw new ValidationException("reason", "请填写退回理由（最多 1000 字）");
        }
        returnedReason = reason.strip();
        returnedAt = at;
        status = ComplaintStatus.RETURNED;
    }

    /** Still unsigned after its signing deadline (the day itself is in time). */
    public boolean signOverdueOn(LocalDate today) {
        return status == ComplaintStatus.RECEIVED && signDue.isBefore(today);
    }

    /** Still open after its closing deadline. */
    public boolean closeOverdueOn(LocalDate today) {
        return status.open() && closeDue.isBefore(today);
    }

    private void require(boolean ok, String message) {
        if (!ok) {
            throw new ConflictException(message + "（当前：" + status.label() + "）");
        }
    }

    public long id() {
        return id;
    }

    public long estateId() {
        return estateId;
    }

    public ComplaintStatus status() {
        return status;
    }

    public LocalDate signDue() {
        return signDue;
    }

    public LocalDate closeDue() {
        return closeDue;
    }

    public OffsetDateTime signedAt() {
        return signedAt;
    }

    public Long assigneeCompanyId() {
        return assigneeCompanyId;
    }

    public String assigneeDepartment() {
        return assigneeDepartment;
    }

    public String answer() {
        return answer;
    }

    public OffsetDateTime answeredAt() {
        return answeredAt;
    }

    public OffsetDateTime closedAt() {
        return closedAt;
    }

    public Callback callback() {
        return callback;
    }

    public Verdict verdict() {
        return verdict;
    }

    public String returnedReason() {
        return returnedReason;
    }

    public OffsetDateTime returnedAt() {
        return returnedAt;
    }
}
