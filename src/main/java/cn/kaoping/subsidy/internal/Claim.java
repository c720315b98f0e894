package cn.kaoping.subsidy.internal;

import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.ValidationException;
import cn.kaoping.subsidy.internal.Forms.Correction;
import cn.kaoping.subsidy.internal.Forms.Payment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A street office's subsidy claim 补贴申报 for one half-year and its state machine: DRAFT (the street corrects lines)
 * → SUBMITTED → REVIEWED by the district office (or returned to DRAFT with a reason) → APPROVED by another district
 * leader (four eyes; the total is locked) → PAID_TO_STREET by finance → CLOSED once the street has paid every line
 * with money to its company. Each method refuses an illegal step with a {@link ConflictException} (the reviewer
 * approving with a {@link ForbiddenException}) and otherwise registers a {@link ClaimEvent} for {@link Transitions}.
 */
public final class Claim {

    private final long id;
    private final String streetName;
    private final String period;
    private final LocalDate periodEnd;
    private final BigDecimal total;
    private final int toPay;
    private ClaimStatus status;
    private Long reviewedById;
    private Long approvedById;
    private BigDecimal approvedTotal;
    private LocalDate paidOn;
    private BigDecimal paidAmount;
    private String paidVoucher;
    private int paid;
    private final List<ClaimEvent> events = new ArrayList<>();

    /**
     * @param total the sum of the payable line amounts
     * @param toPay how many lines have money to pay to a company
     * @param paid  how many of those the street has paid
     */
    public Claim(long id, String streetName, String period, LocalDate periodEnd, ClaimStatus status, Long reviewedById,
                 Long approvedById, BigDecimal approvedTotal, LocalDate paidOn, BigDecimal paidAmount,
                 String paidVoucher, BigDecimal total, int toPay, int paid) {
        this.id = id;
        this.streetName = streetName;
        this.period = period;
        this.periodEnd = periodEnd;
        this.status = status;
        this.reviewedById = reviewedById;
        this.approvedById = approvedById;
        this.approvedTotal = approvedTotal;
        this.paidOn = paidOn;
        this.paidAmount = paidAmount;
        this.paidVoucher = paidVoucher;
        this.total = total;
        this.toPay = toPay;
        this.paid = paid;
    }

    /** Checks a correction of a line's area or entry date: only in a draft, with a reason (the street's step). */
    void correct(Correction form) {
        if (status.locked()) {
            throw new ConflictException("补贴已经审批，金额已锁定，不能再修改");
        }
        if (status != ClaimStatus.DRAFT) {
            throw new ConflictException("申报已提交，只有退回街道后才能修改");
        }
        List<ValidationException.FieldProblem> problems = new ArrayList<>();
        if (form.area() == null || form.area().signum() < 0 || form.area().stripTrailingZeros().scale() > 2) {
            problems.add(new ValidationException.FieldProblem("area", "请填写合同约定的建筑面积（㎡），不小于 0，最多两位小数"));
        }
        if (form.entryDate() != null && form.entryDate().isAfter(periodEnd)) {
            problems.add(new ValidationException.FieldProblem("entryDate", "进驻日期晚于考核半年的最后一天，本期没有可补贴的月份"));
        }
        if (form.reason() == null || form.reason().isBlank()) {
            problems.add(new ValidationException.FieldProblem("reason", "请说明修改原因（如合同面积、进驻通知书）"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    /** The street submits its draft to the district office. */
    void submit(String note, UUID document, LocalDate today) {
        require(ClaimStatus.DRAFT, "只有草稿可以提交");
        move(ClaimStatus.SUBMITTED, "SUBMIT", note, document, today);
    }

    /** The district office reviews a submitted claim and sends it on for approval; the reviewer is remembered. */
    void review(long reviewerId, String note, UUID document, LocalDate today) {
        require(ClaimStatus.SUBMITTED, "只有已提交的申报可以审核");
        reviewedById = reviewerId;
        move(ClaimStatus.REVIEWED, "REVIEW", note, document, today);
    }

    /** The district office returns a submitted claim to the street, saying why. */
    void returnToStreet(String note, UUID document, LocalDate today) {
        require(ClaimStatus.SUBMITTED, "只有已提交、尚未审核的申报可以退回");
        if (note == null) {
            throw new ValidationException("note", "请写明退回原因");
        }
        reviewedById = null;
        move(ClaimStatus.DRAFT, "RETURN", note, document, today);
    }

    /** Another district leader than the reviewer approves (four eyes); the total is locked from now on. */
    void approve(long approverId, String note, UUID document, LocalDate today) {
        require(ClaimStatus.REVIEWED, "只有已审核的申报可以审批");
        if (reviewedById != null && reviewedById == approverId) {
            throw new ForbiddenException("审核人不能再审批同一份申报（四眼原则）：请由另一位区级负责人审批");
        }
        approvedById = approverId;
        approvedTotal = total;
        move(ClaimStatus.APPROVED, "APPROVE", note, document, today);
    }

    /**
     * Finance pays the street; an amount other than the approved total needs a note. A claim without a line to pay
     * to a company is closed at once.
     */
    void payStreet(Payment form, LocalDate today) {
        require(ClaimStatus.APPROVED, "只有已审批、尚未拨付的申报可以登记拨付");
        String note = paymentNote(form, approvedTotal, "审批金额");
        ClaimStatus from = status;
        status = ClaimStatus.PAID_TO_STREET;
        paidOn = form.paidOn();
        paidAmount = form.amount();
        paidVoucher = form.voucher().strip();
        events.add(new ClaimEvent.PaidToStreet(from, paidOn, paidAmount, paidVoucher, note, form.document()));
        closeIfDone(today);
    }

    /** The street pays one line to its company, once; the claim closes with the last line paid. */
    void payCompany(Views.Line line, Payment form, LocalDate today) {
        if (status != ClaimStatus.PAID_TO_STREET) {
            throw new ConflictException("区财政拨付到街道之后才能登记拨付到企业（当前状态：" + status.label() + "）");
        }
        if (!line.toPay()) {
            throw new ConflictException("这一行没有可拨付的补贴金额");
        }
        if (line.paid()) {
            throw new ConflictException("这一行已于 " + line.paidOn() + " 拨付，不能重复登记");
        }
        String note = paymentNote(form, line.amount(), "核定金额");
        paid++;
        events.add(new ClaimEvent.PaidToCompany(line.id(), line.estateName(), line.companyName(), form.paidOn(),
                form.amount(), form.voucher().strip(), note, form.document()));
        closeIfDone(today);
    }

    private void closeIfDone(LocalDate today) {
        if (status == ClaimStatus.PAID_TO_STREET && paid == toPay) {
            ClaimStatus from = status;
            status = ClaimStatus.CLOSED;
            events.add(new ClaimEvent.Closed(from, today));
        }
    }

    private void move(ClaimStatus to, String action, String note, UUID document, LocalDate today) {
        ClaimStatus from = status;
        status = to;
        events.add(new ClaimEvent.Moved(from, to, action, note, document, today));
    }

    private void require(ClaimStatus expected, String message) {
        if (status != expected) {
            throw new ConflictException(message + "（当前状态：" + status.label() + "）");
        }
    }

    /** The note of a payment after checking its date, amount and voucher; a differing amount needs the note. */
    static String paymentNote(Payment form, BigDecimal expected, String what) {
        List<ValidationException.FieldProblem> problems = new ArrayList<>();
        if (form == null || form.paidOn() == null) {
            problems.add(new ValidationException.FieldProblem("paidOn", "请填写拨付日期"));
        }
        if (form == null || form.amount() == null || form.amount().signum() < 0
                || form.amount().stripTrailingZeros().scale() > 2) {
            problems.add(new ValidationException.FieldProblem("amount", "请填写拨付金额（元，最多两位小数）"));
        }
        if (form == null || form.voucher() == null || form.voucher().isBlank()) {
            problems.add(new ValidationException.FieldProblem("voucher", "请填写凭证号"));
        }
        String note = form == null || form.note() == null || form.note().isBlank() ? null : form.note().strip();
        if (problems.isEmpty() && form.amount().compareTo(expected) != 0 && note == null) {
            problems.add(new ValidationException.FieldProblem("note", "拨付金额 " + form.amount() + " 元与" + what + " "
                    + expected + " 元不一致，请说明原因"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return note;
    }

    /** The events registered since the claim was loaded, in order; {@link Transitions} records and clears them. */
    List<ClaimEvent> events() {
        return List.copyOf(events);
    }

    void clearEvents() {
        events.clear();
    }

    public long id() {
        return id;
    }

    public String streetName() {
        return streetName;
    }

    public String period() {
        return period;
    }

    public LocalDate periodEnd() {
        return periodEnd;
    }

    public ClaimStatus status() {
        return status;
    }

    public Long reviewedById() {
        return reviewedById;
    }

    public Long approvedById() {
        return approvedById;
    }

    public BigDecimal approvedTotal() {
        return approvedTotal;
    }

    public LocalDate paidOn() {
        return paidOn;
    }

    public BigDecimal paidAmount() {
        return paidAmount;
    }

    public String paidVoucher() {
        return paidVoucher;
    }

    public BigDecimal total() {
        return total;
    }

    public int toPay() {
        return toPay;
    }

    public int paid() {
        return paid;
    }
}
