package cn.kaoping.voting.internal;

import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ValidationException;
import cn.kaoping.shared.ValidationException.FieldProblem;
import cn.kaoping.voting.rules.Matter;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An owners' vote 业主共同决定 on one matter of 民法典 art. 278, with one or more proposals decided separately. The
 * owners' committee drafts it; the street office checks and approves it; the announcement (公告) is posted at least
 * {@code announcementDays} before the window opens; the roll is frozen when it opens; ballots are taken only inside
 * the window; after the window it is closed and counted.
 */
public final class Vote {

    private final Long id;
    private final long estateId;
    private final Matter matter;
    private final String title;
    private final List<String> proposals;
    private final LocalDate announcedOn;
    private final LocalDate opensOn;
    private final LocalDate closesOn;
    private VoteStatus status;
    private String approvedBy;
    private int rollSize;

    public Vote(Long id, long estateId, Matter matter, String title, List<String> proposals, LocalDate announcedOn,
                LocalDate opensOn, LocalDate closesOn, VoteStatus status, String approvedBy, int rollSize) {
        this.id = id;
        this.estateId = estateId;
        this.matter = Objects.requireNonNull(matter, "matter");
        this.title = Objects.requireNonNull(title, "title");
        this.proposals = List.copyOf(proposals);
        this.announcedOn = announcedOn;
        this.opensOn = Objects.requireNonNull(opensOn, "opensOn");
        this.closesOn = Objects.requireNonNull(closesOn, "closesOn");
        this.status = Objects.requireNonNull(status, "status");
        this.approvedBy = approvedBy;
        this.rollSize = rollSize;
    }

    /**
     * A new draft, checked field by field.
     *
     * @throws ValidationException listing every problem
     */
    public static Vote draft(long estateId, Matter matter, String title, List<String> proposals, LocalDate announcedOn,
                             LocalDate opensOn, LocalDate closesOn, int announcementDays) {
        List<FieldProblem> problems = new ArrayList<>();
        if (title == null || title.isBlank()) {
            problems.add(new FieldProblem("title", "请填写表决名称"));
        } else if (title.length() > 200) {
            problems.add(new FieldProblem("title", "表决名称最多 200 字"));
        }
        List<String> texts = proposals == null ? List.of()
                : proposals.stream().filter(p -> p != null && !p.isBlank()).map(String::strip).toList();
        if (texts.isEmpty()) {
            problems.add(new FieldProblem("proposals", "至少需要一项表决议题"));
        } else if (texts.size() > 20) {
            problems.add(new FieldProblem("proposals", "一次表决最多 20 项议题"));
        } else if (texts.stream().anyMatch(t -> t.length() > 5000)) {
            problems.add(new FieldProblem("proposals", "每项议题全文最多 5000 字"));
        }
        if (announcedOn == null) {
            problems.add(new FieldProblem("announcedOn", "请填写公告日期"));
        }
        if (opensOn == null) {
            problems.add(new FieldProblem("opensOn", "请填写投票开始日期"));
        }
        if (closesOn == null) {
            problems.add(new FieldProblem("closesOn", "请填写投票截止日期"));
        }
        for (var d : java.util.Map.of("announcedOn", java.util.Optional.ofNullable(announcedOn), "opensOn",
                java.util.Optional.ofNullable(opensOn), "closesOn", java.util.Optional.ofNullable(closesOn)).entrySet()) {
            if (d.getValue().filter(day -> day.getYear() < 2000 || day.getYear() > 2999).isPresent()) {
                problems.add(new FieldProblem(d.getKey(), "日期应在 2000 年至 2999 年之间"));
            }
        }
        boolean datesInRange = problems.stream().noneMatch(pr -> pr.message().startsWith("日期应在"));
        if (datesInRange && announcedOn != null && opensOn != null
                && ChronoUnit.DAYS.between(announcedOn, opensOn) < announcementDays) {
            problems.add(new FieldProblem("opensOn", "表决公告应至少在投票开始前 " + announcementDays + " 日张贴（公告 "
                    + announcedOn + "，最早 " + announcedOn.plusDays(announcementDays) + " 开始投票）"));
        }
        if (opensOn != null && closesOn != null && closesOn.isBefore(opensOn)) {
            problems.add(new FieldProblem("closesOn", "投票截止日期不能早于开始日期"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new Vote(null, estateId, matter, title.strip(), texts, announcedOn, opensOn, closesOn,
                VoteStatus.DRAFT, null, 0);
    }

    /** The street office has checked the draft; the announcement runs until the window opens. */
    public void approve(String by, LocalDate today) {
        require(VoteStatus.DRAFT, "只有草稿可以审核");
        if (!today.isBefore(opensOn)) {
            throw new ConflictException("投票开始日期 " + opensOn + " 已到，请修改日期后重新提交审核");
        }
        approvedBy = by;
        status = VoteStatus.APPROVED;
    }

    /** The window opens with the roll frozen (at least one unit). */
    public void open(LocalDate today, int units) {
        require(VoteStatus.APPROVED, "只有已审核的表决可以开始投票");
        if (today.isBefore(opensOn)) {
            throw new ConflictException("公告期未满：投票自 " + opensOn + " 开始");
        }
        if (today.isAfter(closesOn)) {
            throw new ConflictException("投票截止日期 " + closesOn + " 已过");
        }
        if (units < 1) {
            throw new ConflictException("表决名册为空，不能开始投票");
        }
        rollSize = units;
        status = VoteStatus.OPEN;
    }

    /** Whether a ballot is taken today. */
    public boolean takesBallots(LocalDate today) {
        return status == VoteStatus.OPEN && !today.isBefore(opensOn) && !today.isAfter(closesOn);
    }

    /** @throws ConflictException outside the window */
    public void requireBallots(LocalDate today) {
        if (!takesBallots(today)) {
            throw new ConflictException(status == VoteStatus.OPEN && today.isAfter(closesOn)
                    ? "投票已于 " + closesOn + " 截止" : "现在不在投票期内");
        }
    }

    /** The window has ended: the vote is closed and counted. */
    public void close(LocalDate today) {
        require(VoteStatus.OPEN, "只有投票中的表决可以结束");
        if (!today.isAfter(closesOn)) {
            throw new ConflictException("投票期至 " + closesOn + "，期满后才能结束计票");
        }
        status = VoteStatus.CLOSED;
    }

    private void require(VoteStatus expected, String message) {
        if (status != expected) {
            throw new ConflictException(message + "（当前：" + status.label() + "）");
        }
    }

    public Long id() {
        return id;
    }

    public long estateId() {
        return estateId;
    }

    public Matter matter() {
        return matter;
    }

    public String title() {
        return title;
    }

    public List<String> proposals() {
        return proposals;
    }

    public LocalDate announcedOn() {
        return announcedOn;
    }

    public LocalDate opensOn() {
        return opensOn;
    }

    public LocalDate closesOn() {
        return closesOn;
    }

    public VoteStatus status() {
        return status;
    }

    public String approvedBy() {
        return approvedBy;
    }

    public int rollSize() {
        return rollSize;
    }
}
