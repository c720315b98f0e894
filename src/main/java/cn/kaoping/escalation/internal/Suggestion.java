package cn.kaoping.escalation.internal;

import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ForbiddenException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A suggested rung of the ladder 通报 → 约谈 → 处罚 of a company in a district (seed 000 line 20: 由区房产主管部门在一定范围内进行
 * 通报，责令限期整改；整改不到位、不作为的，由街道办事处联合区房产主管部门进行约谈；对服务质量 … 仍无显著提升的，街道办事处联合相关部门进行处罚).
 * The system raises it once per condition:
 * <ul>
 *   <li>通报 when a notice is overdue or fails acceptance (逾期未整改, 验收不合格: {@link NoticeFeed});</li>
 *   <li>约谈 when a notice behind a decided 通报 is still not closed {@code interviewAfterDays} after it
 *       ({@link InterviewSuggestions});</li>
 *   <li>处罚 when the next round ranked after a decided 约谈 lists an estate of the company in the district's bottom
 *       list again, 仍无显著提升 ({@link PenaltyAfterInterview}).</li>
 * </ul>
 * Its state machine: OPEN, then DECIDED by a person, which creates the rung of its own kind, or DISMISSED with a
 * reason; a closed suggestion stays closed. Who may decide is {@link EscalationAccess}. Each method refuses an illegal
 * step with a {@link ConflictException} and otherwise registers a {@link SuggestionEvent} for
 * {@link SuggestionTransitions}.
 */
public final class Suggestion {

    private final long id;
    private final long caseId;
    private final long districtId;
    private final String districtPath;
    private final SuggestionKind kind;
    private final Long basisId;
    private SuggestionStatus status;
    private Long rungId;
    private String closedBy;
    private OffsetDateTime closedAt;
    private String dismissReason;
    private final List<SuggestionEvent> events = new ArrayList<>();

    /**
     * @param basisId the rung it follows: the 通报 behind a 约谈 suggestion, the 约谈 behind a 处罚 suggestion
     */
    Suggestion(long id, long caseId, long districtId, String districtPath, SuggestionKind kind, Long basisId,
               SuggestionStatus status, Long rungId, String closedBy, OffsetDateTime closedAt, String dismissReason) {
        this.id = id;
        this.caseId = caseId;
        this.districtId = districtId;
        this.districtPath = districtPath;
        this.kind = kind;
        this.basisId = basisId;
        this.status = status;
        this.rungId = rungId;
        this.closedBy = closedBy;
        this.closedAt = closedAt;
        this.dismissReason = dismissReason;
    }

    /** A suggestion the system has just stored for a condition that held, with the reason in words. */
    static Suggestion raised(long id, long caseId, long districtId, String districtPath, SuggestionKind kind,
                             Long basisId, String reason) {
        Suggestion s = new Suggestion(id, caseId, districtId, districtPath, kind, basisId, SuggestionStatus.OPEN, null,
                null, null, null);
        s.events.add(new SuggestionEvent.Raised(reason));
        return s;
    }

    /**
     * Checks, before anything is written, that a person may decide (or dismiss) this suggestion as a rung of this kind
     * now: another kind is a conflict, a person who may not decide it is forbidden, a closed one is a conflict.
     *
     * @param allowed whether the access policy lets the person decide this suggestion
     */
    void checkDecidable(SuggestionKind as, boolean allowed) {
        requireKind(as);
        if (!allowed) {
            throw new ForbiddenException(kind.whoDecides());
        }
        requireOpen();
    }

    /** A person decided it: the rung with this id now stands for it. */
    void decide(SuggestionKind as, long rung, String by, OffsetDateTime at) {
        requireKind(as);
        requireOpen();
        status = SuggestionStatus.DECIDED;
        rungId = rung;
        closedBy = by;
        closedAt = at;
        events.add(new SuggestionEvent.Decided(kind, rung, by, at));
    }

    /** A person dismissed it with a reason (required). */
    void dismiss(String reason, String by, OffsetDateTime at) {
        requireOpen();
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a dismissal needs its reason");
        }
        status = SuggestionStatus.DISMISSED;
        dismissReason = reason;
        closedBy = by;
        closedAt = at;
        events.add(new SuggestionEvent.Dismissed(reason, by, at));
    }

    private void requireKind(SuggestionKind as) {
        if (kind != as) {
            throw new ConflictException("这是" + kind.label() + "建议，不能按" + as.label() + "决定");
        }
    }

    private void requireOpen() {
        if (status != SuggestionStatus.OPEN) {
            throw new ConflictException("该建议已" + (status == SuggestionStatus.DECIDED ? "决定" : "不予采纳")
                    + "，不能再处理");
        }
    }

    /** The events registered since it was loaded, in order; {@link SuggestionTransitions} records and clears them. */
    List<SuggestionEvent> events() {
        return List.copyOf(events);
    }

    void clearEvents() {
        events.clear();
    }

    public long id() {
        return id;
    }

    public long caseId() {
        return caseId;
    }

    public long districtId() {
        return districtId;
    }

    public String districtPath() {
        return districtPath;
    }

    public SuggestionKind kind() {
        return kind;
    }

    public Long basisId() {
        return basisId;
    }

    public SuggestionStatus status() {
        return status;
    }

    public boolean open() {
        return status == SuggestionStatus.OPEN;
    }

    public Long rungId() {
        return rungId;
    }

    public String closedBy() {
        return closedBy;
    }

    public OffsetDateTime closedAt() {
        return closedAt;
    }

    public String dismissReason() {
        return dismissReason;
    }
}
