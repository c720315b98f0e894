package cn.kaoping.rectification.internal;

import cn.kaoping.platform.storage.StoredFile;
import cn.kaoping.rectification.internal.NoticeEvent.Accepted;
import cn.kaoping.rectification.internal.NoticeEvent.Answered;
import cn.kaoping.rectification.internal.NoticeEvent.Closed;
import cn.kaoping.rectification.internal.NoticeEvent.Drafted;
import cn.kaoping.rectification.internal.NoticeEvent.Issued;
import cn.kaoping.rectification.internal.NoticeEvent.Origin;
import cn.kaoping.rectification.internal.NoticeEvent.Overdue;
import cn.kaoping.rectification.internal.NoticeEvent.PhotoAdded;
import cn.kaoping.rectification.internal.NoticeEvent.ProblemAdded;
import cn.kaoping.rectification.internal.NoticeEvent.ProblemRemoved;
import cn.kaoping.rectification.internal.NoticeEvent.Rejected;
import cn.kaoping.rectification.internal.NoticeEvent.Reminded;
import cn.kaoping.rectification.internal.NoticeEvent.Reopened;
import cn.kaoping.rectification.internal.NoticeEvent.Report;
import cn.kaoping.rectification.internal.NoticeEvent.Returned;
import cn.kaoping.rectification.internal.NoticeEvent.Submitted;
import cn.kaoping.rectification.internal.NoticeEvent.Withdrawn;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ValidationException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rectification notice 整改通知书 and its state machine: DRAFT → ISSUED (numbered, with a deadline) → SUBMITTED
 * (the company answered every open problem) → CLOSED when every problem is closed (销号). An acceptance that
 * rejects a problem returns the notice to ISSUED; a closed notice is reopened (to ISSUED) only with a reason; a
 * draft may be withdrawn. Every method refuses an illegal transition with a {@link ConflictException} (missing input
 * with a {@link ValidationException}) and otherwise registers a {@link NoticeEvent} for {@link NoticeTransitions}.
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
    private LocalDate overdueDeadline;
    private final List<Problem> problems;
    private final List<NoticeEvent> events = new ArrayList<>();

    /** @param overdueDeadline the deadline {@link #flagOverdue} last reported as passed */
    public Notice(long id, Header header, NoticeStatus status, String number, LocalDate issuedOn, LocalDate deadline,
                  LocalDate closedOn, String reopenReason, LocalDate overdueDeadline, List<Problem> problems) {
        this.id = id;
        this.header = header;
        this.status = status;
        this.number = number;
        this.issuedOn = issuedOn;
        this.deadline = deadline;
        this.closedOn = closedOn;
        this.reopenReason = reopenReason;
        this.overdueDeadline = overdueDeadline;
        this.problems = new ArrayList<>(problems);
    }

    /** A draft as it stands, e.g. one just inserted without problems. */
    static Notice draft(long id, Header header, List<Problem> problems) {
        return new Notice(id, header, NoticeStatus.DRAFT, null, null, null, null, null, null, problems);
    }

    /** A draft just inserted with the problems it lists from the start; registers {@link Drafted}. */
    static Notice drafted(long id, Header header, List<Problem> problems, Origin origin, String note) {
        Notice n = draft(id, header, problems);
        n.events.add(new Drafted(origin, note, problems.size()));
        return n;
    }

    // ---------------------------------------------------------------- the draft

    /** Checks that problems may be added to or removed from the notice (drafts only). */
    void requireDraft() {
        requireStatus(NoticeStatus.DRAFT, "通知书已下达，问题不能再修改");
    }

    /** Lists a problem the officer wrote (the use case inserted it and knows its id). */
    void addProblem(Problem problem) {
        requireDraft();
        problems.add(problem);
        events.add(new ProblemAdded(problem.id(), problem.description(), null));
    }

    /** Lists a problem another module reported (a complaint, a random inspection's finding). */
    void addReported(Problem problem, Report report) {
        requireDraft();
        problems.add(problem);
        events.add(new ProblemAdded(problem.id(), problem.description(), report));
    }

    /** Takes a problem off the draft. */
    void removeProblem(long problemId) {
        requireDraft();
        Problem p = problem(problemId);
        problems.remove(p);
        events.add(new ProblemRemoved(p.id(), p.position(), p.description()));
    }

    /** Discards a draft. */
    void withdraw() {
        requireStatus(NoticeStatus.DRAFT, "只有草稿可以撤回");
        status = NoticeStatus.WITHDRAWN;
        events.add(new Withdrawn(null));
    }

    /** Discards a ranking's draft whose estate the corrected ranking no longer lists among its bottom {@code n}. */
    void withdrawUnlisted(int n) {
        requireStatus(NoticeStatus.DRAFT, "只有草稿可以撤回");
        status = NoticeStatus.WITHDRAWN;
        events.add(new Withdrawn(n));
    }

    /** Checks that the draft may be issued (before a number is allocated for it). */
    void requireIssuable() {
        requireStatus(NoticeStatus.DRAFT, "只有草稿可以下达");
        if (problems.isEmpty()) {
            throw new ValidationException("problems", "整改通知书至少要列出一个问题");
        }
    }

    /**
     * Issues the draft under its number; the deadline follows the template's rule (days after issue) and the text is
     * frozen with its placeholders filled.
     */
    void issue(String number, LocalDate on) {
        requireIssuable();
        this.status = NoticeStatus.ISSUED;
        this.number = number;
        this.issuedOn = on;
        this.deadline = on.plusDays(header.deadlineDays());
        events.add(new Issued(number, on, deadline, problems.size(), header.text(deadline)));
    }

    // ---------------------------------------------------------------- the company's answer

    /** The company writes what it did about one problem. */
    Problem answer(long problemId, String text) {
        Problem p = problem(problemId);
        requireStatus(NoticeStatus.ISSUED, "只有已下达、待整改的通知书可以填写整改情况");
        String before = p.answer();
        p.answer(text);
        events.add(new Answered(p.id(), p.position(), before, p.answer()));
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

    /** The company added a photo to a problem (stored and attached by the use case). */
    void addPhoto(long problemId, String filename, StoredFile file) {
        Problem p = requireAnswerable(problemId);
        events.add(new PhotoAdded(p.id(), p.position(), filename, file));
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
        events.add(new Submitted(open.stream().map(Problem::id).toList()));
        return open;
    }

    // ---------------------------------------------------------------- acceptance

    /**
     * Records the acceptance of one answered problem. When no answered problem is left the notice moves on: closed
     * if every problem is closed, otherwise back to the company.
     */
    Problem decide(long problemId, boolean accepted, String reason, LocalDate on) {
        requireStatus(NoticeStatus.SUBMITTED, "通知书" + status.label() + "，没有待验收的问题");
        Problem p = problem(problemId);
        if (accepted) {
            p.accept(on);
            events.add(new Accepted(p.id(), p.position(), on));
        } else {
            p.reject(reason);
            events.add(new Rejected(p.id(), p.position(), p.rejection(), on));
        }
        if (problems.stream().noneMatch(x -> x.status() == ProblemStatus.ANSWERED)) {
            NoticeStatus from = status;
            if (problems.stream().allMatch(x -> x.status() == ProblemStatus.CLOSED)) {
                status = NoticeStatus.CLOSED;
                closedOn = on;
                events.add(new Closed(from, on, closedOnTime()));
            } else {
                status = NoticeStatus.ISSUED;
                events.add(new Returned(from));
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
        events.add(new Reopened(reopenReason, deadline, on));
    }

    // ---------------------------------------------------------------- deadlines

    /**
     * The day's reminder of an issued notice whose deadline has not passed and whose company still owes answers:
     * registers {@link Reminded} and returns its text; nothing for any other notice.
     */
    Optional<String> remind(LocalDate today) {
        int open = openProblems();
        if (status != NoticeStatus.ISSUED || deadline == null || today.isAfter(deadline) || open == 0) {
            return Optional.empty();
        }
        long days = ChronoUnit.DAYS.between(today, deadline);
        String message = number + "（" + header.estateName() + "）还有 " + open + " 个问题待整改，"
                + (days == 0 ? "今天" : days + " 天后（" + deadline + "）") + "到期";
        events.add(new Reminded(message));
        return Optional.of(message);
    }

    /**
     * Registers {@link Overdue} when the notice is {@link #overdue} and this deadline has not been reported yet (a
     * reopened notice has a new one); tells whether it did.
     */
    boolean flagOverdue(LocalDate today) {
        if (!overdue(today) || deadline.equals(overdueDeadline)) {
            return false;
        }
        overdueDeadline = deadline;
        events.add(new Overdue(deadline, openProblems(), today));
        return true;
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

    /** The events registered since the notice was loaded, in order; {@link NoticeTransitions} records and clears them. */
    List<NoticeEvent> events() {
        return List.copyOf(events);
    }

    void clearEvents() {
        events.clear();
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

    /** The deadline last reported as passed ({@link NoticeEvent.Overdue}), or null. */
    public LocalDate overdueDeadline() {
        return overdueDeadline;
    }

    public List<Problem> problems() {
        return Collections.unmodifiableList(problems);
    }

    /**
     * What a notice is about and the text it carries: names copied when drafted, the template's text frozen at issue.
     * Built by name with {@link #builder()}.
     *
     * @param rankingId the ranking whose bottom list raised it, or null for one raised by hand
     * @param reason    why the notice was raised (e.g. the ranking place), shown on the draft
     */
    public record Header(String source, Long rankingId, String schemeCode, String period, String category,
                         long estateId, String estateName, String estatePath, long streetId, String streetName,
                         long districtId, String districtName, long companyId, String companyName, String reason,
                         String issuingBody, String numberPrefix, String heading, String body, int deadlineDays,
                         String acceptanceMethod, String createdBy) {

        /** A header named part by part: {@code Header.builder().source("MANUAL").estate(…).company(…)…build()}. */
        static HeaderBuilder builder() {
            return new HeaderBuilder();
        }

        /** The body with its placeholders filled for a deadline (frozen so when the notice is issued). */
        String text(LocalDate due) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("{企业}", companyName);
            values.put("{小区}", estateName);
            values.put("{街道}", streetName);
            values.put("{期间}", period == null ? "日常巡查" : period);
            values.put("{期限}", due.getYear() + "年" + due.getMonthValue() + "月" + due.getDayOfMonth() + "日");
            values.put("{发文机关}", issuingBody);
            return Template.render(body, values);
        }
    }
}
