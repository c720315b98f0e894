package cn.kaoping.inspection.internal;

import cn.kaoping.inspection.Period;
import cn.kaoping.inspection.RoundId;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ValidationException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An assessment round 考评轮次 and its life: draft → open → publicity → published, then corrections as revisions.
 * Every transition is a method named after the intention; an illegal one is refused with a Chinese message
 * (409), and the object is left as it was.
 */
public final class Round {

    private final Long id;
    private final String name;
    private final String schemeCode;
    private final int schemeVersion;
    private final Period period;
    private final long regionId;
    private final String regionPath;
    private final LocalDate inspectionDue;
    private final LocalDate reviewDue;
    private final int publicityDays;
    private RoundStatus status;
    private LocalDate publicityStart;
    private LocalDate publicityEnd;
    private final int version;

    public Round(Long id, String name, String schemeCode, int schemeVersion, Period period, long regionId,
                 String regionPath, LocalDate inspectionDue, LocalDate reviewDue, int publicityDays,
                 RoundStatus status, LocalDate publicityStart, LocalDate publicityEnd, int version) {
        this.id = id;
        this.name = Objects.requireNonNull(name);
        this.schemeCode = Objects.requireNonNull(schemeCode);
        this.schemeVersion = schemeVersion;
        this.period = Objects.requireNonNull(period);
        this.regionId = regionId;
        this.regionPath = Objects.requireNonNull(regionPath);
        this.inspectionDue = Objects.requireNonNull(inspectionDue);
        this.reviewDue = Objects.requireNonNull(reviewDue);
        this.publicityDays = publicityDays;
        this.status = Objects.requireNonNull(status);
        this.publicityStart = publicityStart;
        this.publicityEnd = publicityEnd;
        this.version = version;
    }

    /** How long after the period's end the inspection deadline may fall, and the review deadline after it. */
    static final int LATEST_DAYS_AFTER = 183;

    /** A new round in draft, with at least one publicity day. */
    public static Round draft(String name, String schemeCode, int schemeVersion, Period period, long regionId,
                              String regionPath, LocalDate inspectionDue, LocalDate reviewDue, int publicityDays) {
        return draft(name, schemeCode, schemeVersion, period, regionId, regionPath, inspectionDue, reviewDue,
                publicityDays, 1);
    }

    /**
     * A new round in draft. The deadlines must fit the period (inspection not before its first day nor more than
     * half a year after its last, review not before the inspection deadline) and publicity last at least
     * {@code minPublicityDays} days; every problem is reported at once.
     */
    public static Round draft(String name, String schemeCode, int schemeVersion, Period period, long regionId,
                              String regionPath, LocalDate inspectionDue, LocalDate reviewDue, int publicityDays,
                              int minPublicityDays) {
        List<ValidationException.FieldProblem> problems = new ArrayList<>();
        if (inspectionDue.isBefore(period.start())) {
            problems.add(new ValidationException.FieldProblem("inspectionDue",
                    "检查截止日期不能早于考评周期的第一天 " + period.start()));
        } else if (inspectionDue.isAfter(period.end().plusDays(LATEST_DAYS_AFTER))) {
            problems.add(new ValidationException.FieldProblem("inspectionDue",
                    "检查截止日期不能晚于 " + period.end().plusDays(LATEST_DAYS_AFTER) + "（考评周期结束后半年）"));
        }
        if (reviewDue.isBefore(inspectionDue)) {
            problems.add(new ValidationException.FieldProblem("reviewDue", "审核截止日期不能早于检查截止日期"));
        } else if (problems.isEmpty() && reviewDue.isAfter(inspectionDue.plusDays(LATEST_DAYS_AFTER))) {
            problems.add(new ValidationException.FieldProblem("reviewDue", "审核截止日期不能晚于检查截止日期后半年"));
        }
        int min = Math.max(0, minPublicityDays);
        if (publicityDays < min || publicityDays > 60) {
            problems.add(new ValidationException.FieldProblem("publicityDays",
                    "公示天数应在 " + min + " 到 60 天之间"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new Round(null, name, schemeCode, schemeVersion, period, regionId, regionPath, inspectionDue,
                reviewDue, publicityDays, RoundStatus.DRAFT, null, null, 0);
    }

    /** Opens the round for inspection; its tasks become visible to the street offices. */
    public void open(int tasks) {
        require(RoundStatus.DRAFT, "只有草稿状态的轮次可以启动");
        if (tasks == 0) {
            throw new ConflictException("轮次中没有小区，不能启动");
        }
        status = RoundStatus.OPEN;
    }

    /**
     * Starts publicity 公示 once every inspection has been accepted; objections are taken from {@code today} for
     * {@code publicityDays} days.
     */
    public void startPublicity(LocalDate today, int notAccepted) {
        require(RoundStatus.OPEN, "只有进行中的轮次可以进入公示");
        if (notAccepted > 0) {
            throw new ConflictException("还有 " + notAccepted + " 个小区的检查未审核通过，不能进入公示");
        }
        status = RoundStatus.PUBLICITY;
        publicityStart = today;
        publicityEnd = today.plusDays(publicityDays);
    }

    /** Whether a company may still object on {@code today}: publicity runs from its start for its days. */
    public boolean takesObjections(LocalDate today) {
        return status == RoundStatus.PUBLICITY && today.isBefore(publicityEnd);
    }

    /** Publishes the results once publicity is over and every objection has been decided. */
    public void publish(LocalDate today, int openObjections) {
        require(RoundStatus.PUBLICITY, "只有公示中的轮次可以公布");
        if (today.isBefore(publicityEnd)) {
            throw new ConflictException("公示期至 " + publicityEnd.minusDays(1) + " 结束，结束后方可公布");
        }
        if (openObjections > 0) {
            throw new ConflictException("还有 " + openObjections + " 项异议未处理，不能公布");
        }
        status = RoundStatus.PUBLISHED;
    }

    /** Checks that a published result may be corrected: only after publication, and only with a reason. */
    public String revise(String reason) {
        require(RoundStatus.PUBLISHED, "只有已公布的轮次可以更正");
        if (reason == null || reason.isBlank()) {
            throw new ValidationException("reason", "更正已公布的结果必须说明理由");
        }
        return reason.strip();
    }

    /** Whether street offices may enter findings: only while the round is open. */
    public void requireOpenForInspection() {
        if (status != RoundStatus.OPEN) {
            throw new ConflictException("轮次" + status.label() + "，不能再修改检查记录");
        }
    }

    private void require(RoundStatus expected, String message) {
        if (status != expected) {
            throw new ConflictException(message + "（当前状态：" + status.label() + "）");
        }
    }

    public Long id() {
        return id;
    }

    public RoundId roundId() {
        return new RoundId(id);
    }

    public String name() {
        return name;
    }

    public String schemeCode() {
        return schemeCode;
    }

    public int schemeVersion() {
        return schemeVersion;
    }

    public Period period() {
        return period;
    }

    public long regionId() {
        return regionId;
    }

    public String regionPath() {
        return regionPath;
    }

    public LocalDate inspectionDue() {
        return inspectionDue;
    }

    public LocalDate reviewDue() {
        return reviewDue;
    }

    public int publicityDays() {
        return publicityDays;
    }

    public RoundStatus status() {
        return status;
    }

    public LocalDate publicityStart() {
        return publicityStart;
    }

    public LocalDate publicityEnd() {
        return publicityEnd;
    }

    /** The last day objections are taken, or {@code null} before publicity. */
    public LocalDate lastObjectionDay() {
        return publicityEnd == null ? null : publicityEnd.minusDays(1);
    }

    public int version() {
        return version;
    }
}
