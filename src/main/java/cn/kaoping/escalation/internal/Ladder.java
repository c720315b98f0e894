package cn.kaoping.escalation.internal;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.escalation.CircularIssued;
import cn.kaoping.escalation.InterviewHeld;
import cn.kaoping.escalation.PenaltyDecided;
import cn.kaoping.escalation.internal.Forms.Check;
import cn.kaoping.escalation.internal.Forms.CircularForm;
import cn.kaoping.escalation.internal.Forms.DismissForm;
import cn.kaoping.escalation.internal.Forms.InterviewForm;
import cn.kaoping.escalation.internal.Forms.PenaltyForm;
import cn.kaoping.escalation.internal.Views.CaseRow;
import cn.kaoping.escalation.internal.Views.Circular;
import cn.kaoping.escalation.internal.Views.Interview;
import cn.kaoping.escalation.internal.Views.Kind;
import cn.kaoping.escalation.internal.Views.Notice;
import cn.kaoping.escalation.internal.Views.Penalty;
import cn.kaoping.escalation.internal.Views.Status;
import cn.kaoping.escalation.internal.Views.Suggestion;
import cn.kaoping.organisation.EstateRef;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.platform.database.SqlArrays;
import cn.kaoping.ranking.BottomRanked;
import cn.kaoping.ranking.ListedEstate;
import cn.kaoping.ranking.PeriodKind;
import cn.kaoping.ranking.RankingSummary;
import cn.kaoping.ranking.Rankings;
import cn.kaoping.rectification.AcceptanceFailed;
import cn.kaoping.rectification.NoticeClosed;
import cn.kaoping.rectification.NoticeIssued;
import cn.kaoping.rectification.NoticeReopened;
import cn.kaoping.rectification.RectificationOverdue;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.Role;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ladder 通报 → 约谈 → 处罚 of a company in a district (seed 000 line 20: 由区房产主管部门在一定范围内进行通报，责令限期整改；
 * 整改不到位、不作为的，由街道办事处联合区房产主管部门进行约谈；对服务质量 … 仍无显著提升的，街道办事处联合相关部门进行处罚).
 * Each rung is first a suggestion raised when its condition holds, once per condition; a person decides it, which
 * creates the rung's record, or dismisses it with a reason.
 * <ul>
 *   <li>通报 when a notice is overdue or fails acceptance (逾期未整改, 验收不合格);</li>
 *   <li>约谈 when a notice behind a decided 通报 is still not closed {@code interviewAfterDays} after it;</li>
 *   <li>处罚 when the next round ranked after a decided 约谈 lists an estate of the company in the district's bottom
 *       list again ("仍无显著提升").</li>
 * </ul>
 * 通报 is decided by the district (区房产主管部门); 约谈 and 处罚 by the district or a street office of one of the
 * ladder's estates (街道办事处联合…).
 */
@Service
public class Ladder {

    static final String SYSTEM = "system";

    private final JdbcClient jdbc;
    private final OrganisationDirectory directory;
    private final Rankings rankings;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final EscalationSettings settings;
    private final Clock clock;

    Ladder(JdbcClient jdbc, OrganisationDirectory directory, Rankings rankings, AuditLog audit,
           ApplicationEventPublisher events, EscalationSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.rankings = rankings;
        this.audit = audit;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- the rectification module's events

    @Transactional
    public void noticeIssued(NoticeIssued e) {
        long caseId = caseFor(e.companyId(), e.companyName(), e.districtId());
        String estateName = addEstate(caseId, e.estateId(), e.estateName());
        jdbc.sql("""
                INSERT INTO escalation_notice (notice_id, case_id, number, estate_id, estate_name, issued_on, deadline)
                VALUES (:id, :case, :number, :estate, :estateName, :issued, :deadline)
                ON CONFLICT (notice_id) DO UPDATE SET issued_on = EXCLUDED.issued_on, deadline = EXCLUDED.deadline""")
                .param("id", e.noticeId()).param("case", caseId).param("number", e.number())
                .param("estate", e.estateId()).param("estateName", estateName).param("issued", e.issuedOn())
                .param("deadline", e.deadline()).update();
    }

    /** 逾期未整改 → suggest a 通报. */
    @Transactional
    public void overdue(RectificationOverdue e) {
        long caseId = notice(e.noticeId(), e.number(), e.companyId(), e.districtId(), e.estateId());
        jdbc.sql("""
                UPDATE escalation_notice SET deadline = coalesce(deadline, :deadline),
                       overdue_since = coalesce(overdue_since, :on) WHERE notice_id = :id""")
                .param("deadline", e.deadline()).param("on", e.detectedOn()).param("id", e.noticeId()).update();
        suggestCircular(caseId, e.noticeId(), "overdue:" + e.noticeId() + ":" + e.deadline(), e.detectedOn(),
                "整改通知书 %s（%s）整改期限 %s 已过，仍有 %d 个问题未整改".formatted(e.number(),
                        estateName(e.noticeId()), e.deadline(), e.openProblems()));
    }

    /** 验收不合格 → suggest a 通报. */
    @Transactional
    public void acceptanceFailed(AcceptanceFailed e) {
        long caseId = notice(e.noticeId(), e.number(), e.companyId(), e.districtId(), e.estateId());
        jdbc.sql("UPDATE escalation_notice SET failed_on = :on WHERE notice_id = :id")
                .param("on", e.decidedOn()).param("id", e.noticeId()).update();
        suggestCircular(caseId, e.noticeId(), "failed:" + e.noticeId() + ":" + e.problemId() + ":" + e.decidedOn(),
                e.decidedOn(), "整改通知书 %s（%s）%s 验收不合格：%s".formatted(e.number(), estateName(e.noticeId()),
                        e.decidedOn(), e.reason() == null ? "" : e.reason()));
    }

    @Transactional
    public void noticeClosed(NoticeClosed e) {
        notice(e.noticeId(), e.number(), e.companyId(), e.districtId(), e.estateId());
        jdbc.sql("UPDATE escalation_notice SET closed = TRUE, closed_on = :on WHERE notice_id = :id")
                .param("on", e.closedOn()).param("id", e.noticeId()).update();
    }

    @Transactional
    public void noticeReopened(NoticeReopened e) {
        notice(e.noticeId(), e.number(), e.companyId(), e.districtId(), e.estateId());
        jdbc.sql("UPDATE escalation_notice SET closed = FALSE, closed_on = NULL WHERE notice_id = :id")
                .param("id", e.noticeId()).update();
    }

    /** The notice's ladder, creating the notice's copy when its NoticeIssued has not arrived (yet). */
    private long notice(long noticeId, String number, long companyId, long districtId, long estateId) {
        long caseId = caseFor(companyId, null, districtId);
        String estateName = addEstate(caseId, estateId, null);
        jdbc.sql("""
                INSERT INTO escalation_notice (notice_id, case_id, number, estate_id, estate_name)
                VALUES (:id, :case, :number, :estate, :estateName) ON CONFLICT (notice_id) DO NOTHING""")
                .param("id", noticeId).param("case", caseId).param("number", number).param("estate", estateId)
                .param("estateName", estateName).update();
        return caseId;
    }

    private String estateName(long noticeId) {
        return jdbc.sql("SELECT estate_name FROM escalation_notice WHERE notice_id = :id").param("id", noticeId)
                .query(String.class).single();
    }

    long caseFor(long companyId, String companyName, long districtId) {
        Optional<Long> existing = jdbc.sql("SELECT id FROM escalation_case WHERE company_id = :c AND district_id = :d")
                .param("c", companyId).param("d", districtId).query(Long.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        RegionRef district = directory.region(districtId)
                .orElseThrow(() -> new IllegalArgumentException("unknown district " + districtId));
        String name = companyName != null ? companyName
                : directory.companyName(companyId).orElse("#" + companyId);
        return jdbc.sql("""
                INSERT INTO escalation_case (company_id, company_name, district_id, district_name, district_path)
                VALUES (:c, :name, :d, :dname, :dpath)
                ON CONFLICT (company_id, district_id) DO UPDATE SET company_name = escalation_case.company_name
                RETURNING id""")
                .param("c", companyId).param("name", name).param("d", districtId).param("dname", district.name())
                .param("dpath", district.path()).query(Long.class).single();
    }

    /** Adds an estate to a ladder (a street office then sees it) and returns its name. */
    String addEstate(long caseId, long estateId, String estateName) {
        Optional<EstateRef> estate = directory.estate(estateId);
        String name = estate.map(EstateRef::name).orElse(estateName == null ? "#" + estateId : estateName);
        String path = estate.map(EstateRef::regionPath).orElseGet(() -> jdbc.sql(
                "SELECT district_path FROM escalation_case WHERE id = :id").param("id", caseId).query(String.class)
                .single());
        jdbc.sql("""
                INSERT INTO escalation_case_estate (case_id, estate_id, estate_name, region_path)
                VALUES (:case, :estate, :name, :path) ON CONFLICT DO NOTHING""")
                .param("case", caseId).param("estate", estateId).param("name", name).param("path", path).update();
        return name;
    }

    private void suggestCircular(long caseId, long noticeId, String key, LocalDate on, String reason) {
        lockCase(caseId);
        if (triggered(key)) {
            return;
        }
        boolean alreadyCircularised = jdbc.sql("SELECT count(*) FROM escalation_circular_notice WHERE notice_id = :n")
                .param("n", noticeId).query(Long.class).single() > 0;
        if (alreadyCircularised) {
            return; // the ladder goes on with 约谈, not with another 通报 for the same notice
        }
        long suggestion = jdbc.sql("""
                SELECT id FROM escalation_suggestion WHERE case_id = :case AND kind = 'CIRCULAR' AND status = 'OPEN'""")
                .param("case", caseId).query(Long.class).optional()
                .orElseGet(() -> newSuggestion(caseId, Kind.CIRCULAR, on, null, null, reason));
        trigger(key, suggestion, noticeId, on, reason);
    }

    private void lockCase(long caseId) {
        jdbc.sql("SELECT id FROM escalation_case WHERE id = :id FOR UPDATE").param("id", caseId).query(Long.class)
                .single();
    }

    private boolean triggered(String key) {
        return jdbc.sql("SELECT count(*) FROM escalation_trigger WHERE trigger_key = :k").param("k", key)
                .query(Long.class).single() > 0;
    }

    private long newSuggestion(long caseId, Kind kind, LocalDate on, Long basisId, Long rankingId, String reason) {
        long id = jdbc.sql("""
                INSERT INTO escalation_suggestion (case_id, kind, raised_on, basis_id, ranking_id)
                VALUES (:case, :kind, :on, :basis, :ranking) RETURNING id""")
                .param("case", caseId).param("kind", kind.name()).param("on", on).param("basis", basisId)
                .param("ranking", rankingId).query(Long.class).single();
        audit.recordAs(SYSTEM, "SUGGEST_" + kind.name(), "escalation_suggestion", id,
                "建议" + label(kind) + "：" + reason, null, Map.of("case", caseId, "kind", kind.name()));
        return id;
    }

    private void trigger(String key, long suggestion, Long noticeId, LocalDate on, String reason) {
        jdbc.sql("""
                INSERT INTO escalation_trigger (trigger_key, suggestion_id, notice_id, held_on, reason)
                VALUES (:k, :s, :n, :on, :reason) ON CONFLICT DO NOTHING""")
                .param("k", key).param("s", suggestion).param("n", noticeId).param("on", on).param("reason", reason)
                .update();
    }

    static String label(Kind kind) {
        return switch (kind) {
            case CIRCULAR -> "通报";
            case INTERVIEW -> "约谈";
            case PENALTY -> "处罚";
        };
    }

    // ---------------------------------------------------------------- 约谈: the daily check

    /**
     * Suggests a 约谈 for every decided 通报 issued {@code interviewAfterDays} or more days before {@code today} one of
     * whose notices was not closed by then (closed later, or not at all). Returns the suggestions raised.
     */
    @Transactional
    public List<Long> suggestInterviews(LocalDate today) {
        int days = settings.interviewAfterDays();
        LocalDate issuedBy = today.minusDays(days);
        record Due(long id, long caseId, String number, LocalDate issuedOn) {
        }
        List<Due> due = jdbc.sql("""
                SELECT c.id, c.case_id, c.number, c.issued_on FROM escalation_circular c
                WHERE c.issued_on <= :issuedBy
                  AND NOT EXISTS (SELECT 1 FROM escalation_trigger t WHERE t.trigger_key = 'interview:circular:' || c.id)
                ORDER BY c.id""")
                .param("issuedBy", issuedBy)
                .query((rs, i) -> new Due(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class))).list();
        List<Long> raised = new ArrayList<>();
        for (Due c : due) {
            LocalDate deadline = c.issuedOn().plusDays(days);
            List<String> open = jdbc.sql("""
                    SELECT n.number || '（' || n.estate_name || '）' FROM escalation_circular_notice cn
                    JOIN escalation_notice n ON n.notice_id = cn.notice_id
                    WHERE cn.circular_id = :c AND (NOT n.closed OR n.closed_on > :deadline) ORDER BY n.number""")
                    .param("c", c.id()).param("deadline", deadline).query(String.class).list();
            if (open.isEmpty()) {
                continue;
            }
            lockCase(c.caseId());
            String key = "interview:circular:" + c.id();
            if (triggered(key)) {
                continue;
            }
            String reason = "通报 %s 于 %s 发出已满 %d 天（%s），整改通知书 %s 仍未销号".formatted(c.number(), c.issuedOn(),
                    days, deadline, String.join("、", open));
            long id = newSuggestion(c.caseId(), Kind.INTERVIEW, today, c.id(), null, reason);
            trigger(key, id, null, today, reason);
            raised.add(id);
        }
        return raised;
    }

    // ---------------------------------------------------------------- 处罚: the next round after a 约谈

    /**
     * A round's bottom list of a district: for each decided 约谈 of a listed company in that district, when this
     * ranking is the first round whose period starts after the interview, suggests a 处罚.
     */
    @Transactional
    public List<Long> roundBottom(BottomRanked e) {
        if (e.kind() != PeriodKind.ROUND) {
            return List.of();
        }
        Map<Long, List<ListedEstate>> byCompany = e.estates().stream().filter(l -> l.companyId() != null)
                .collect(Collectors.groupingBy(ListedEstate::companyId));
        if (byCompany.isEmpty()) {
            return List.of();
        }
        record Held(long id, long caseId, long companyId, String districtPath, String number, LocalDate heldOn) {
        }
        List<Held> interviews = jdbc.sql("""
                SELECT i.id, i.case_id, c.company_id, c.district_path, i.number, i.held_on
                FROM escalation_interview i JOIN escalation_case c ON c.id = i.case_id
                WHERE c.district_id = :district AND c.company_id = ANY (CAST(:companies AS bigint[]))
                  AND NOT EXISTS (SELECT 1 FROM escalation_trigger t WHERE t.trigger_key = 'penalty:interview:' || i.id)
                ORDER BY i.id""")
                .param("district", e.districtId())
                .param("companies", SqlArrays.ids(byCompany.keySet()))
                .query((rs, i) -> new Held(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, LocalDate.class))).list();
        if (interviews.isEmpty()) {
            return List.of();
        }
        RankingSummary ranking = rankings.find(e.rankingId()).orElseThrow();
        List<Long> raised = new ArrayList<>();
        for (Held h : interviews) {
            if (!ranking.periodStart().isAfter(h.heldOn())) {
                continue;
            }
            Optional<LocalDate> next = rankings.withCompany(h.companyId(), h.districtPath()).stream()
                    .filter(r -> r.kind() == PeriodKind.ROUND && r.periodStart().isAfter(h.heldOn()))
                    .map(RankingSummary::periodStart).min(LocalDate::compareTo);
            if (next.isEmpty() || !next.get().equals(ranking.periodStart())) {
                continue; // an earlier round after the interview already showed whether the company improved
            }
            lockCase(h.caseId());
            String key = "penalty:interview:" + h.id();
            if (triggered(key)) {
                continue;
            }
            List<ListedEstate> listed = byCompany.get(h.companyId());
            listed.forEach(l -> addEstate(h.caseId(), l.estateId(), l.estateName()));
            String places = listed.stream().map(l -> "%s（第 %d 名，%s 分）".formatted(l.estateName(), l.rank(),
                    l.score() == null ? "—" : l.score().toPlainString())).collect(Collectors.joining("、"));
            String reason = "约谈 %s（%s）后的下一轮考评 %s（%s）中，%s 仍列%s后 %d 名".formatted(h.number(), h.heldOn(),
                    ranking.period(), ranking.schemeTitle(), places, e.districtName(), e.n());
            long id = newSuggestion(h.caseId(), Kind.PENALTY, LocalDate.now(clock), h.id(), e.rankingId(), reason);
            trigger(key, id, null, LocalDate.now(clock), reason);
            raised.add(id);
        }
        return raised;
    }

    // ---------------------------------------------------------------- decisions

    @Transactional
    public long decideCircular(KaopingPrincipal p, long suggestionId, CircularForm f) {
        Open s = open(p, suggestionId, Kind.CIRCULAR);
        new Check().required("issuedOn", f.issuedOn(), "请填写通报日期")
                .text("reason", f.reason(), "通报事由", Forms.LONG, true).orThrow();
        String number = number(Kind.CIRCULAR, f.issuedOn().getYear());
        long id = jdbc.sql("""
                INSERT INTO escalation_circular (case_id, suggestion_id, number, issued_on, reason, decided_by,
                                                 decided_by_name, decided_at)
                VALUES (:case, :s, :number, :on, :reason, :by, :byName, :at) RETURNING id""")
                .param("case", s.caseId()).param("s", suggestionId).param("number", number)
                .param("on", f.issuedOn()).param("reason", f.reason().strip()).param("by", p.username())
                .param("byName", p.displayName()).param("at", OffsetDateTime.now(clock)).query(Long.class).single();
        List<Long> notices = jdbc.sql("""
                INSERT INTO escalation_circular_notice (circular_id, notice_id)
                SELECT DISTINCT :c, notice_id FROM escalation_trigger WHERE suggestion_id = :s AND notice_id IS NOT NULL
                RETURNING notice_id""").param("c", id).param("s", suggestionId).query(Long.class).list();
        decided(suggestionId, id, p);
        Circular c = circular(id);
        audit.record("CIRCULAR_ISSUED", "escalation_circular", id, "通报 " + number + "：" + c.companyName(), null, c);
        events.publishEvent(new CircularIssued(id, number, c.companyId(), c.companyName(), s.districtId(),
                c.reason(), c.issuedOn(), notices));
        return id;
    }

    @Transactional
    public long decideInterview(KaopingPrincipal p, long suggestionId, InterviewForm f) {
        Open s = open(p, suggestionId, Kind.INTERVIEW);
        Circular circular = circular(s.basisId());
        Check check = new Check().required("heldOn", f.heldOn(), "请填写约谈日期")
                .text("place", f.place(), "约谈地点", Forms.SHORT, true)
                .text("attendees", f.attendees(), "参加人员", Forms.LONG, true)
                .text("minutes", f.minutes(), "约谈记录", Forms.LONG, true)
                .text("commitments", f.commitments(), "企业承诺", Forms.LONG, true);
        if (f.heldOn() != null) {
            check.that(!f.heldOn().isBefore(circular.issuedOn()), "heldOn",
                    "约谈日期不能早于通报日期 " + circular.issuedOn());
        }
        check.orThrow();
        String number = number(Kind.INTERVIEW, f.heldOn().getYear());
        long id = jdbc.sql("""
                INSERT INTO escalation_interview (case_id, suggestion_id, circular_id, number, held_on, place, attendees,
                                                  minutes, commitments, decided_by, decided_by_name, decided_at)
                VALUES (:case, :s, :circular, :number, :on, :place, :attendees, :minutes, :commitments, :by, :byName, :at)
                RETURNING id""")
                .param("case", s.caseId()).param("s", suggestionId).param("circular", circular.id())
                .param("number", number).param("on", f.heldOn()).param("place", f.place().strip())
                .param("attendees", f.attendees().strip()).param("minutes", f.minutes().strip())
                .param("commitments", f.commitments().strip()).param("by", p.username())
                .param("byName", p.displayName()).param("at", OffsetDateTime.now(clock)).query(Long.class).single();
        decided(suggestionId, id, p);
        Interview i = interview(id);
        audit.record("INTERVIEW_HELD", "escalation_interview", id, "约谈 " + number + "：" + i.companyName(), null, i);
        events.publishEvent(new InterviewHeld(id, number, circular.id(), i.companyId(), i.companyName(),
                s.districtId(), i.heldOn(), i.commitments()));
        return id;
    }

    @Transactional
    public long decidePenalty(KaopingPrincipal p, long suggestionId, PenaltyForm f) {
        Open s = open(p, suggestionId, Kind.PENALTY);
        Interview interview = interview(s.basisId());
        String measure = Forms.strip(f.measure());
        Check check = new Check().required("decidedOn", f.decidedOn(), "请填写处罚决定日期")
                .text("decision", f.decision(), "处罚决定", Forms.LONG, true)
                .text("legalBasis", f.legalBasis(), "处罚依据", Forms.LONG, true)
                .text("measure", f.measure(), "处罚措施", Forms.LONG, false)
                .that(f.amount() != null || measure != null, "amount", "请填写罚款金额或处罚措施");
        if (f.amount() != null) {
            check.that(f.amount().signum() > 0, "amount", "罚款金额应大于 0 元")
                    .that(f.amount().stripTrailingZeros().scale() <= 2, "amount", "罚款金额最多精确到分")
                    .that(f.amount().compareTo(new BigDecimal("1000000000000")) < 0, "amount", "罚款金额过大");
        }
        if (f.decidedOn() != null) {
            check.that(!f.decidedOn().isBefore(interview.heldOn()), "decidedOn",
                    "处罚决定日期不能早于约谈日期 " + interview.heldOn());
        }
        check.orThrow();
        String number = number(Kind.PENALTY, f.decidedOn().getYear());
        long id = jdbc.sql("""
                INSERT INTO escalation_penalty (case_id, suggestion_id, interview_id, number, decided_on, decision,
                                                legal_basis, amount, measure, decided_by, decided_by_name, decided_at)
                VALUES (:case, :s, :interview, :number, :on, :decision, :basis, :amount, :measure, :by, :byName, :at)
                RETURNING id""")
                .param("case", s.caseId()).param("s", suggestionId).param("interview", interview.id())
                .param("number", number).param("on", f.decidedOn()).param("decision", f.decision().strip())
                .param("basis", f.legalBasis().strip()).param("amount", f.amount()).param("measure", measure)
                .param("by", p.username()).param("byName", p.displayName()).param("at", OffsetDateTime.now(clock))
                .query(Long.class).single();
        decided(suggestionId, id, p);
        Penalty pn = penalty(id);
        audit.record("PENALTY_DECIDED", "escalation_penalty", id, "处罚 " + number + "：" + pn.companyName(), null, pn);
        events.publishEvent(new PenaltyDecided(id, number, interview.id(), pn.companyId(), pn.companyName(),
                s.districtId(), pn.decidedOn(), pn.decision(), pn.legalBasis(), pn.amount(), pn.measure()));
        return id;
    }

    @Transactional
    public void dismiss(KaopingPrincipal p, long suggestionId, DismissForm f) {
        Suggestion before = suggestion(p, suggestionId);
        Open s = open(p, suggestionId, before.kind());
        new Check().text("reason", f.reason(), "不采纳的理由", Forms.LONG, true).orThrow();
        jdbc.sql("""
                UPDATE escalation_suggestion SET status = 'DISMISSED', dismiss_reason = :reason, closed_by = :by,
                       closed_at = :at WHERE id = :id""")
                .param("reason", f.reason().strip()).param("by", p.displayName()).param("at", OffsetDateTime.now(clock))
                .param("id", s.id()).update();
        audit.record("SUGGESTION_DISMISSED", "escalation_suggestion", suggestionId,
                "不采纳" + label(before.kind()) + "建议：" + f.reason().strip(), before, suggestion(p, suggestionId));
    }

    private record Open(long id, long caseId, long districtId, Long basisId) {
    }

    /** The open suggestion of a kind, locked; 404 outside scope, 403 for a role that may not decide it, 409 when closed. */
    private Open open(KaopingPrincipal p, long suggestionId, Kind kind) {
        CaseScope scope = CaseScope.of(p, "c");
        record Row(long id, long caseId, long districtId, String districtPath, String kind, String status, Long basis) {
        }
        var spec = jdbc.sql("""
                SELECT s.id, s.case_id, c.district_id, c.district_path, s.kind, s.status, s.basis_id
                FROM escalation_suggestion s JOIN escalation_case c ON c.id = s.case_id
                WHERE s.id = :id AND """ + " " + scope.condition() + " FOR UPDATE OF s").param("id", suggestionId);
        scope.params().forEach(spec::param);
        Row row = spec.query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), (Long) rs.getObject(7))).optional()
                .orElseThrow(() -> new NotFoundException("督办建议不存在"));
        if (!row.kind().equals(kind.name())) {
            throw new ConflictException("这是" + label(Kind.valueOf(row.kind())) + "建议，不能按" + label(kind) + "决定");
        }
        mayDecide(p, row.caseId(), row.districtPath(), kind);
        if (!row.status().equals(Status.OPEN.name())) {
            throw new ConflictException("该建议已" + (row.status().equals("DECIDED") ? "决定" : "不予采纳") + "，不能再处理");
        }
        return new Open(row.id(), row.caseId(), row.districtId(), row.basis());
    }

    /** 通报: the district (区房产主管部门); 约谈, 处罚: the district or a street office of one of the ladder's estates. */
    private void mayDecide(KaopingPrincipal p, long caseId, String districtPath, Kind kind) {
        boolean district = p.role() == Role.DISTRICT_ADMIN && p.covers(districtPath);
        boolean street = kind != Kind.CIRCULAR && p.role() == Role.STREET_OFFICER && jdbc.sql("""
                SELECT count(*) FROM escalation_case_estate WHERE case_id = :c AND region_path LIKE :path""")
                .param("c", caseId).param("path", p.regionPath() + "%").query(Long.class).single() > 0;
        if (!district && !street) {
            throw new ForbiddenException(kind == Kind.CIRCULAR ? "通报由区房产主管部门决定"
                    : label(kind) + "由街道办事处或区房产主管部门决定");
        }
    }

    /** Whether the principal may decide this suggestion (for showing the forms). */
    public boolean mayDecide(KaopingPrincipal p, Suggestion s) {
        if (!s.open()) {
            return false;
        }
        String path = jdbc.sql("SELECT district_path FROM escalation_case WHERE id = :id").param("id", s.caseId())
                .query(String.class).single();
        try {
            mayDecide(p, s.caseId(), path, s.kind());
            return true;
        } catch (ForbiddenException e) {
            return false;
        }
    }

    private void decided(long suggestionId, long rungId, KaopingPrincipal p) {
        jdbc.sql("""
                UPDATE escalation_suggestion SET status = 'DECIDED', rung_id = :rung, closed_by = :by, closed_at = :at
                WHERE id = :id""")
                .param("rung", rungId).param("by", p.displayName()).param("at", OffsetDateTime.now(clock))
                .param("id", suggestionId).update();
    }

    /** 通报〔2066〕3号, 约谈〔2066〕1号, 处罚〔2066〕1号: one sequence per kind and year. */
    private String number(Kind kind, int year) {
        int n = jdbc.sql("""
                INSERT INTO escalation_number (kind, year, last) VALUES (:kind, :year, 1)
                ON CONFLICT (kind, year) DO UPDATE SET last = escalation_number.last + 1 RETURNING last""")
                .param("kind", kind.name()).param("year", year).query(Integer.class).single();
        return label(kind) + "〔" + year + "〕" + n + "号";
    }

    // ---------------------------------------------------------------- reads

    private static final String CASE_ROW = """
            SELECT c.id, c.company_id, c.company_name, c.district_id, c.district_name,
                   (SELECT count(*) FROM escalation_notice n WHERE n.case_id = c.id AND NOT n.closed) AS open_notices,
                   (SELECT count(*) FROM escalation_suggestion s WHERE s.case_id = c.id AND s.status = 'OPEN') AS open_s,
                   (SELECT count(*) FROM escalation_circular x WHERE x.case_id = c.id) AS circulars,
                   (SELECT count(*) FROM escalation_interview x WHERE x.case_id = c.id) AS interviews,
                   (SELECT count(*) FROM escalation_penalty x WHERE x.case_id = c.id) AS penalties
            FROM escalation_case c""";
    private static final RowMapper<CaseRow> CASE = (rs, i) -> new CaseRow(rs.getLong(1), rs.getLong(2),
            rs.getString(3), rs.getLong(4), rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9),
            rs.getInt(10));

    /** The ladders the principal may see, those with open suggestions first; {@code q} filters by company name. */
    @Transactional(readOnly = true)
    public List<CaseRow> cases(KaopingPrincipal p, String q) {
        CaseScope scope = CaseScope.of(p, "c");
        var spec = jdbc.sql("SELECT * FROM (" + CASE_ROW + " WHERE " + scope.condition()
                + " AND (CAST(:q AS text) IS NULL OR c.company_name ILIKE '%' || CAST(:q AS text) || '%')) x"
                + " ORDER BY (open_s > 0) DESC, (circulars + interviews + penalties) DESC, company_name, id LIMIT 500")
                .param("q", q == null || q.isBlank() ? null : q.strip().replace("%", "").replace("_", ""));
        scope.params().forEach(spec::param);
        return spec.query(CASE).list();
    }

    @Transactional(readOnly = true)
    public Views.Ladder ladder(KaopingPrincipal p, long caseId) {
        CaseScope scope = CaseScope.of(p, "c");
        var spec = jdbc.sql(CASE_ROW + " WHERE c.id = :id AND " + scope.condition()).param("id", caseId);
        scope.params().forEach(spec::param);
        CaseRow row = spec.query(CASE).optional().orElseThrow(() -> new NotFoundException("督办记录不存在"));
        List<String> estates = jdbc.sql("SELECT estate_name FROM escalation_case_estate WHERE case_id = :id "
                + "ORDER BY estate_name").param("id", caseId).query(String.class).list();
        List<Notice> notices = jdbc.sql("""
                SELECT notice_id, number, estate_name, issued_on, deadline, overdue_since, failed_on, closed, closed_on
                FROM escalation_notice WHERE case_id = :id ORDER BY issued_on DESC NULLS LAST, number""")
                .param("id", caseId).query((rs, i) -> new Notice(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class),
                        rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getBoolean(8),
                        rs.getObject(9, LocalDate.class))).list();
        List<Suggestion> suggestions = suggestions("s.case_id = :id", Map.of("id", caseId));
        List<Circular> circulars = jdbc.sql("SELECT id FROM escalation_circular WHERE case_id = :id ORDER BY issued_on, id")
                .param("id", caseId).query(Long.class).list().stream().map(this::circular).toList();
        List<Interview> interviews = jdbc.sql(
                        "SELECT id FROM escalation_interview WHERE case_id = :id ORDER BY held_on, id")
                .param("id", caseId).query(Long.class).list().stream().map(this::interview).toList();
        List<Penalty> penalties = jdbc.sql("SELECT id FROM escalation_penalty WHERE case_id = :id ORDER BY decided_on, id")
                .param("id", caseId).query(Long.class).list().stream().map(this::penalty).toList();
        return new Views.Ladder(row, estates, notices, suggestions, circulars, interviews, penalties);
    }

    /** The suggestions in the principal's scope, open first; status may be null for all. */
    @Transactional(readOnly = true)
    public List<Suggestion> suggestions(KaopingPrincipal p, Status status) {
        CaseScope scope = CaseScope.of(p, "c");
        Map<String, Object> params = new java.util.HashMap<>(scope.params());
        params.put("status", status == null ? null : status.name());
        return suggestions(scope.condition() + " AND (CAST(:status AS text) IS NULL OR s.status = CAST(:status AS text))",
                params);
    }

    @Transactional(readOnly = true)
    public Suggestion suggestion(KaopingPrincipal p, long id) {
        CaseScope scope = CaseScope.of(p, "c");
        Map<String, Object> params = new java.util.HashMap<>(scope.params());
        params.put("sid", id);
        return suggestions("s.id = :sid AND " + scope.condition(), params).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("督办建议不存在"));
    }

    private List<Suggestion> suggestions(String where, Map<String, Object> params) {
        var spec = jdbc.sql("""
                SELECT s.id, s.case_id, s.kind, s.status, s.raised_on, s.basis_id, s.ranking_id, s.closed_by,
                       s.closed_at, s.dismiss_reason, s.rung_id, c.company_name, c.district_name,
                       ARRAY(SELECT t.reason FROM escalation_trigger t WHERE t.suggestion_id = s.id
                             ORDER BY t.held_on, t.trigger_key) AS reasons
                FROM escalation_suggestion s JOIN escalation_case c ON c.id = s.case_id
                WHERE""" + " " + where + " ORDER BY (s.status = 'OPEN') DESC, s.raised_on DESC, s.id DESC LIMIT 500");
        params.forEach(spec::param);
        return spec.query((rs, i) -> new Suggestion(rs.getLong(1), rs.getLong(2), Kind.valueOf(rs.getString(3)),
                Status.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class),
                List.of((String[]) rs.getArray(14).getArray()), (Long) rs.getObject(6), (Long) rs.getObject(7),
                rs.getString(8), rs.getObject(9, OffsetDateTime.class), rs.getString(10), (Long) rs.getObject(11),
                rs.getString(12), rs.getString(13))).list();
    }

    /** A rung's ladder id, checked against the principal's scope (404 outside it). */
    private void visible(KaopingPrincipal p, long caseId, String what) {
        CaseScope scope = CaseScope.of(p, "c");
        var spec = jdbc.sql("SELECT count(*) FROM escalation_case c WHERE c.id = :id AND " + scope.condition())
                .param("id", caseId);
        scope.params().forEach(spec::param);
        if (spec.query(Long.class).single() == 0) {
            throw new NotFoundException(what + "不存在");
        }
    }

    @Transactional(readOnly = true)
    public Circular circular(KaopingPrincipal p, long id) {
        Circular c = findCircular(id).orElseThrow(() -> new NotFoundException("通报不存在"));
        visible(p, c.caseId(), "通报");
        return c;
    }

    @Transactional(readOnly = true)
    public Interview interview(KaopingPrincipal p, long id) {
        Interview i = findInterview(id).orElseThrow(() -> new NotFoundException("约谈记录不存在"));
        visible(p, i.caseId(), "约谈记录");
        return i;
    }

    @Transactional(readOnly = true)
    public Penalty penalty(KaopingPrincipal p, long id) {
        Penalty pn = findPenalty(id).orElseThrow(() -> new NotFoundException("处罚决定不存在"));
        visible(p, pn.caseId(), "处罚决定");
        return pn;
    }

    /** Every circular, newest first: they are published (seed 000: 在一定范围内进行通报). */
    @Transactional(readOnly = true)
    public List<Circular> publishedCirculars() {
        return jdbc.sql(CIRCULARS + " ORDER BY x.issued_on DESC, x.id DESC LIMIT 500").query(CIRCULAR).list();
    }

    /** Circulars with their company, district and notices, read in one statement whether one or a list. */
    private static final String CIRCULARS = """
            SELECT x.id, x.case_id, x.number, x.issued_on, x.reason, c.company_id, c.company_name, c.district_id,
                   c.district_name, x.decided_by_name,
                   ARRAY(SELECT n.number || '（' || n.estate_name || '）' FROM escalation_circular_notice cn
                         JOIN escalation_notice n ON n.notice_id = cn.notice_id WHERE cn.circular_id = x.id
                         ORDER BY n.number) AS notices
            FROM escalation_circular x JOIN escalation_case c ON c.id = x.case_id""";

    private static final RowMapper<Circular> CIRCULAR = (rs, i) -> new Circular(rs.getLong(1), rs.getLong(2),
            rs.getString(3), rs.getObject(4, LocalDate.class), rs.getString(5), rs.getLong(6), rs.getString(7),
            rs.getLong(8), rs.getString(9), rs.getString(10), List.of((String[]) rs.getArray(11).getArray()));

    @Transactional(readOnly = true)
    public Optional<Circular> findCircular(long id) {
        return jdbc.sql(CIRCULARS + " WHERE x.id = :id").param("id", id).query(CIRCULAR).optional();
    }

    private Circular circular(long id) {
        return findCircular(id).orElseThrow();
    }

    Optional<Interview> findInterview(long id) {
        return jdbc.sql("""
                SELECT x.id, x.case_id, x.number, x.held_on, x.place, x.attendees, x.minutes, x.commitments,
                       c.company_id, c.company_name, c.district_name, x.decided_by_name, x.circular_id, ci.number
                FROM escalation_interview x JOIN escalation_case c ON c.id = x.case_id
                JOIN escalation_circular ci ON ci.id = x.circular_id WHERE x.id = :id""")
                .param("id", id).query((rs, i) -> new Interview(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getLong(9), rs.getString(10), rs.getString(11), rs.getString(12),
                        rs.getLong(13), rs.getString(14))).optional();
    }

    private Interview interview(long id) {
        return findInterview(id).orElseThrow();
    }

    Optional<Penalty> findPenalty(long id) {
        return jdbc.sql("""
                SELECT x.id, x.case_id, x.number, x.decided_on, x.decision, x.legal_basis, x.amount, x.measure,
                       c.company_id, c.company_name, c.district_name, x.decided_by_name, x.interview_id, i.number
                FROM escalation_penalty x JOIN escalation_case c ON c.id = x.case_id
                JOIN escalation_interview i ON i.id = x.interview_id WHERE x.id = :id""")
                .param("id", id).query((rs, i) -> new Penalty(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getBigDecimal(7),
                        rs.getString(8), rs.getLong(9), rs.getString(10), rs.getString(11), rs.getString(12),
                        rs.getLong(13), rs.getString(14))).optional();
    }

    private Penalty penalty(long id) {
        return findPenalty(id).orElseThrow();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
