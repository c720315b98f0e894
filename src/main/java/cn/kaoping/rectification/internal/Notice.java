package cn.kaoping.rectification.internal;

import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ValidationException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A rectification notice 整改通知书 and its state machine: DRAFT → ISSUED (numbered, with a deadline) → SUBMITTED
 * (the company answered every open problem) → CLOSED when every problem is closed (销号). An acceptance that
 * rejects a problem returns the notice to ISSUED; a closed notice is reopened (to ISSUED) only with a reason; a
 * draft may be withdrawn. Every method refuses an illegal transition with a {@link ConflictException}.
 */
public final class Notice {

    private final long id;
    private final Header header;
    private NoticeStatus status;
    private String number;
    private LocalDate issuedOn;
    private LocalDate deadline;
    private LocalDate closedOn;
    private String reopenReason;
    private final List<Problem> problems;

    public Notice(long id, Header header, NoticeStatus status, String number, LocalDate issuedOn, LocalDate deadline,
                  LocalDate closedOn, String reopenReason, List<Problem> problems) {
        this.id = id;
        this.header = header;
        this.status = status;
        this.number = number;
        this.issuedOn = issuedOn;
        this.deadline = deadline;
        this.closedOn = closedOn;
        this.reopenReason = reopenReason;
        this.problems = List.copyOf(problems);
    }

    /** Issues the draft under its number; the deadline follows the template's rule (days after issue). */
    void issue(String number, LocalDate on) {
        requireStatus(NoticeStatus.DRAFT, "只有草稿可以下达");
        if (problems.isEmpty()) {
            throw new ValidationException("problems", "整改通知书至少要列出一个问题");
        }
        this.status = NoticeStatus.ISSUED;
        this.number = number;
        this.issuedOn = on;
        this.deadline = on.plusDays(header.deadlineDays());
    }

    /** Discards a draft. */
    void withdraw() {
        requireStatus(NoticeStatus.DRAFT, "只有草稿可以撤回");
        status = NoticeStatus.WITHDRAWN;
    }

    /** Checks that problems may be added to or removed from the notice (drafts only). */
    void requireDraft() {
        requireStatus(NoticeStatus.DRAFT, "通知书已下达，问题不能再修改");
    }

    /** The company writes what it did about one problem. */
    Problem answer(long problemId, String text) {
        requireStatus(NoticeStatus.ISSUED, "只有已下达、待整改的通知书可以填写整改情况");
        Problem p = problem(problemId);
        p.answer(text);
        return p;
    }

    /** Checks that the company may add a photo to a problem now. */
    Problem requireAnswerable(long problemId) {
        requireStatus(NoticeStatus.ISSUED, "只有已下达、待整改的通知书可以上传整改照片");
        Problem p = problem(problemId);
        if (p.status() != ProblemStatus.OPEN) {
            throw new ConflictException("问题" + p.position() + "已" + p.status().label() + "，不能再上传照片");
        }
        return p;
    }

    /** The company submits: every open problem needs an answer and a photo; they all go to acceptance. */
    List<Problem> submit() {
        requireStatus(NoticeStatus.ISSUED, "只有已下达、待整改的通知书可以报送");
        List<Problem> open = problems.stream().filter(p -> p.status() == ProblemStatus.OPEN).toList();
        if (open.isEmpty()) {
            throw new ConflictException("没有待整改的问题");
        }
        open.forEach(Problem::submit);
        status = NoticeStatus.SUBMITTED;
        return open;
    }

    /**
     * Records the acceptance of one answered problem. When no answered problem is left the notice moves on: closed
     * if every problem is closed, otherwise back to the company.
     */
    Problem decide(long problemId, boolean accepted, String reason, LocalDate on) {
        requireStatus(NoticeStatus.SUBMITTED, "通知书" + status.label() + "，没有待验收的问题");
        Problem p = problem(problemId);
        if (accepted) {
            p.accept(on);
        } else {
            p.reject(reason);
        }
        if (problems.stream().noneMatch(x -> x.status() == ProblemStatus.ANSWERED)) {
            if (problems.stream().allMatch(x -> x.status() == ProblemStatus.CLOSED)) {
                status = NoticeStatus.CLOSED;
                closedOn = on;
            } else {
                status = NoticeStatus.ISSUED;
            }
        }
        return p;
    }

    /** Reopens a closed notice with a reason: its problems open again and a new deadline runs from today. */
    void reopen(String reason, LocalDate on) {
        requireStatus(NoticeStatus.CLOSED, "只有已销号的通知书可以重新打开");
        if (reason == null || reason.isBlank()) {
            throw new ValidationException("reason", "重新打开时请写明原因");
        }
        problems.forEach(Problem::reopen);
        status = NoticeStatus.ISSUED;
        reopenReason = reason.strip();
        closedOn = null;
        deadline = on.plusDays(header.deadlineDays());
    }

    /** Whether the deadline has passed with problems the company still owes (open ones). */
    public boolean overdue(LocalDate today) {
        return (status == NoticeStatus.ISSUED || status == NoticeStatus.SUBMITTED) && deadline != null
                && today.isAfter(deadline) && openProblems() > 0;
    }

    public int openProblems() {
        return (int) problems.stream().filter(p -> p.status() == ProblemStatus.OPEN).count();
    }

    /** Whether the notice was closed on or before its deadline. */
    public boolean closedOnTime() {
        return closedOn != null && deadline != null && !closedOn.isAfter(deadline);
    }

    public Problem problem(long problemId) {
        return find(problemId).orElseThrow(() -> new cn.kaoping.shared.NotFoundException("问题不存在"));
    }

    public Optional<Problem> find(long problemId) {
        return problems.stream().filter(p -> p.id() == problemId).findFirst();
    }

    private void requireStatus(NoticeStatus expected, String message) {
        if (status != expected) {
            throw new ConflictException(message + "（当前：" + status.label() + "）");
        }
    }

    public long id() {
        return id;
    }

    public Header header() {
        return header;
    }

    public NoticeStatus status() {
        return status;
    }

    public String number() {
        return number;
    }

    public LocalDate issuedOn() {
        return issuedOn;
    }

    public LocalDate deadline() {
        return deadline;
    }

    public LocalDate closedOn() {
        return closedOn;
    }

    public String reopenReason() {
        return reopenReason;
    }

    public List<Problem> problems() {
        return problems;
    }

    /**
     * What a notice is about and the text it carries: names copied when drafted, the template's text frozen at issue.
     *
     * @param rankingId the ranking whose bottom list raised it, or null for one raised by hand
     * @param reason    why the notice was raised (e.g. the ranking place), shown on the draft
     */
    public record Header(String source, Long rankingId, String schemeCode, String period, String category,
                         long estateId, String estateName, String estatePath, long streetId, String streetName,
                         long districtId, String districtName, long companyId, String companyName, String reason,
                         String issuingBody, String numberPrefix, String heading, String body, int deadlineDays,
                         String acceptanceMethod, String createdBy) {
    }
}
