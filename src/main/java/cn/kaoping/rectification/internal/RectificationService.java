package cn.kaoping.rectification.internal;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.inspection.EstateFindings;
import cn.kaoping.organisation.EstatePlacement;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.platform.database.SqlArrays;
import cn.kaoping.platform.notification.Notification;
import cn.kaoping.platform.notification.Notifier;
import cn.kaoping.platform.storage.FileStore;
import cn.kaoping.platform.storage.StoredFile;
import cn.kaoping.platform.storage.UploadPolicy;
import cn.kaoping.rectification.AcceptanceFailed;
import cn.kaoping.rectification.NoticeClosed;
import cn.kaoping.rectification.NoticeIssued;
import cn.kaoping.rectification.NoticeReopened;
import cn.kaoping.rectification.RectificationOverdue;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.Paged;
import cn.kaoping.shared.Role;
import cn.kaoping.shared.ValidationException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rectification workflow (seed 000: 下达《整改通知书》，限期整改；整改验收，实行问题"销号制"管理): drafts from bottom
 * lists or raised by hand, issue with a document number, the company's answers with photos, the acceptance that
 * closes or rejects each problem, reopening with a reason, reminders and overdue detection. Every change is audited
 * and written to the ledger; the module's events tell other modules what happened.
 */
@Service
public class RectificationService {

    /** Evidence photos: JPEG, PNG or WebP by content, at most 10 MB each. */
    public static final UploadPolicy PHOTOS = UploadPolicy.photos(10);
    static final String SYSTEM = "系统";

    private final Notices notices;
    private final JdbcClient jdbc;
    private final OrganisationDirectory directory;
    private final EstateFindings findings;
    private final FileStore files;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Notifier notifier;
    private final Clock clock;

    RectificationService(Notices notices, JdbcClient jdbc, OrganisationDirectory directory, EstateFindings findings,
                         FileStore files, AuditLog audit, ApplicationEventPublisher events, Notifier notifier,
                         Clock clock) {
        this.notices = notices;
        this.jdbc = jdbc;
        this.directory = directory;
        this.findings = findings;
        this.files = files;
        this.audit = audit;
        this.events = events;
        this.notifier = notifier;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- reading

    /** One page of the notices the principal sees, newest first; overdue ones flagged. */
    @Transactional(readOnly = true)
    public Paged<Views.NoticeRow> list(KaopingPrincipal p, Views.Filter f, int page, int size) {
        Access.Sql scope = Access.condition(p);
        StringBuilder where = new StringBuilder(scope.sql());
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("today", today());
        if (f.status() != null) {
            where.append(" AND n.status = :status");
            params.put("status", f.status().name());
        }
        if (f.streetId() != null) {
            where.append(" AND n.street_id = :street");
            params.put("street", f.streetId());
        }
        if (f.overdue()) {
            where.append(" AND ").append(OVERDUE);
        }
        JdbcClient.StatementSpec count = jdbc.sql("SELECT count(*) FROM rectification_notice n WHERE " + where);
        params.forEach(count::param);
        long total = count.query(Long.class).single();
        JdbcClient.StatementSpec rows = jdbc.sql("""
                SELECT n.*, (SELECT count(*) FROM rectification_problem p WHERE p.notice_id = n.id) AS problems,
                       (SELECT count(*) FROM rectification_problem p WHERE p.notice_id = n.id AND p.status = 'OPEN') AS open,
                       (SELECT count(*) FROM rectification_problem p WHERE p.notice_id = n.id AND p.status = 'CLOSED') AS closed,
                       """ + OVERDUE + " AS overdue FROM rectification_notice n WHERE " + where
                + " ORDER BY n.created_at DESC, n.id DESC LIMIT :limit OFFSET :offset");
        params.forEach(rows::param);
        List<Views.NoticeRow> list = rows.param("limit", size).param("offset", (long) (page - 1) * size)
                .query((rs, i) -> new Views.NoticeRow(rs.getLong("id"), rs.getString("status"), rs.getString("number"),
                        rs.getString("estate_name"), rs.getString("street_name"), rs.getString("company_name"),
                        rs.getString("source"), rs.getString("period"), rs.getObject("issued_on", LocalDate.class),
                        rs.getObject("deadline", LocalDate.class), rs.getInt("problems"), rs.getInt("open"),
                        rs.getInt("closed"), rs.getBoolean("overdue"),
                        rs.getObject("created_at", OffsetDateTime.class)))
                .list();
        return new Paged<>(list, page, size, total);
    }

    /** A notice is overdue when its deadline passed and the company still owes answers (open problems). */
    static final String OVERDUE = """
            (n.status IN ('ISSUED', 'SUBMITTED') AND n.deadline < :today AND EXISTS (SELECT 1 FROM rectification_problem
             op WHERE op.notice_id = n.id AND op.status = 'OPEN'))""";

    /** The street offices the principal's notices lie in (id → name), for the list's filter. */
    @Transactional(readOnly = true)
    public Map<Long, String> streets(KaopingPrincipal p) {
        Access.Sql scope = Access.condition(p);
        JdbcClient.StatementSpec sql = jdbc.sql("SELECT DISTINCT street_id, street_name FROM rectification_notice n"
                + " WHERE " + scope.sql() + " ORDER BY street_name");
        scope.params().forEach(sql::param);
        Map<Long, String> result = new LinkedHashMap<>();
        sql.query((rs, i) -> result.put(rs.getLong(1), rs.getString(2))).list();
        return result;
    }

    /** The notice page; 404 outside scope. */
    @Transactional(readOnly = true)
    public Views.NoticePage page(KaopingPrincipal p, long id) {
        Notice n = visible(p, id);
        Map<Long, List<Views.Photo>> photos = notices.photos(id).stream()
                .collect(Collectors.groupingBy(Views.Photo::problemId, LinkedHashMap::new, Collectors.toList()));
        Views.FollowUp followUp = jdbc.sql("""
                SELECT status, scheduled_on, done_at FROM rectification_followup WHERE notice_id = :n""")
                .param("n", id)
                .query((rs, i) -> new Views.FollowUp(rs.getString(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, OffsetDateTime.class))).optional().orElse(null);
        List<Views.Reminder> reminders = jdbc.sql("""
                SELECT r.notice_id, n.number, r.sent_on, r.message FROM rectification_reminder r
                JOIN rectification_notice n ON n.id = r.notice_id WHERE r.notice_id = :n ORDER BY r.sent_on DESC""")
                .param("n", id).query((rs, i) -> new Views.Reminder(rs.getLong(1), rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getString(4))).list();
        boolean inScopeOfficial = Access.official(p) && p.covers(n.header().estatePath());
        return new Views.NoticePage(n, photos, notices.steps(id), followUp, reminders, n.overdue(today()),
                inScopeOfficial && Access.issues(p) && n.status() == NoticeStatus.DRAFT,
                Access.answers(p, n) && n.status() == NoticeStatus.ISSUED,
                inScopeOfficial && Access.accepts(p) && n.status() == NoticeStatus.SUBMITTED,
                inScopeOfficial && Access.reopens(p) && n.status() == NoticeStatus.CLOSED,
                n.status() == NoticeStatus.DRAFT ? render(n.header(), n.header().body(), null) : n.header().body());
    }

    /** The reminders of the last 30 days on the notices the principal sees, newest first. */
    @Transactional(readOnly = true)
    public List<Views.Reminder> recentReminders(KaopingPrincipal p) {
        Access.Sql scope = Access.condition(p);
        JdbcClient.StatementSpec sql = jdbc.sql("""
                SELECT r.notice_id, n.number, r.sent_on, r.message FROM rectification_reminder r
                JOIN rectification_notice n ON n.id = r.notice_id
                WHERE r.sent_on >= :since AND n.status = 'ISSUED' AND""" + " " + scope.sql()
                + " ORDER BY r.sent_on DESC, r.notice_id LIMIT 20");
        scope.params().forEach(sql::param);
        return sql.param("since", today().minusDays(30))
                .query((rs, i) -> new Views.Reminder(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4))).list();
    }

    /** A photo of a notice's problem, for whoever sees the notice. */
    @Transactional(readOnly = true)
    public Photo photo(KaopingPrincipal p, long noticeId, long photoId) {
        visible(p, noticeId);
        Views.Photo ph = notices.photos(noticeId).stream().filter(x -> x.id() == photoId).findFirst()
                .orElseThrow(() -> new NotFoundException("照片不存在"));
        StoredFile file = files.find(ph.fileId()).orElseThrow(() -> new NotFoundException("照片不存在"));
        return new Photo(file.contentType(), files.content(ph.fileId()).orElseThrow());
    }

    /** A photo's detected content type and bytes. */
    public record Photo(String contentType, byte[] content) {
    }

    // ---------------------------------------------------------------- drafts

    /**
     * Drafts for a bottom list (seed 000: 对每次考评排名后10名的住宅小区物业企业下达《整改通知书》): one per listed
     * estate with a company, prefilled with the estate's deductions in the ranking's rounds. A corrected ranking
     * creates no second draft for an estate, and withdraws the drafts of estates no longer listed.
     */
    @Transactional
    public List<Long> draftsFor(cn.kaoping.ranking.BottomRanked list) {
        OffsetDateTime now = now();
        List<Long> created = new ArrayList<>();
        Map<Long, EstatePlacement> places = directory.placements(list.estates().stream()
                        .map(cn.kaoping.ranking.ListedEstate::estateId).toList()).stream()
                .collect(Collectors.toMap(EstatePlacement::id, e -> e));
        Template template = template(list.districtId(), list.districtName());
        for (cn.kaoping.ranking.ListedEstate e : list.estates()) {
            EstatePlacement place = places.get(e.estateId());
            if (e.companyId() == null || place == null) {
                continue;
            }
            String reason = "%s考评排名后 %d 名：得分 %s 分，%s第 %d 名".formatted(list.period(), list.n(),
                    e.score() == null ? "—" : e.score().stripTrailingZeros().toPlainString(),
                    list.districtName(), e.rank());
            Notice.Header h = new Notice.Header("RANKING", list.rankingId(), list.schemeCode(), list.period(),
                    list.category(), e.estateId(), e.estateName(), place.regionPath(), e.streetId(), e.streetName(),
                    list.districtId(), list.districtName(), e.companyId(),
                    e.companyName() == null ? place.companyName() : e.companyName(), reason, template.issuingBody(),
                    template.numberPrefix(), template.heading(), template.body(), template.deadlineDays(),
                    template.acceptanceMethod(), SYSTEM);
            Optional<Long> id = notices.insertDraft(h, now);
            if (id.isEmpty()) {
                continue;
            }
            List<EstateFindings.Deduction> deductions = findings.deductions(e.estateId(), list.schemeCode(),
                    list.period());
            for (EstateFindings.Deduction d : deductions) {
                long problem = notices.insertProblem(id.get(), d.ruleCode(), describe(d), d.pointsLost(), "FINDING");
                d.files().forEach(f -> notices.addPhoto(problem, "FINDING", f, SYSTEM, now));
            }
            if (deductions.isEmpty()) {
                notices.insertProblem(id.get(), null, reason + "，服务质量未达要求，请对照考评标准全面自查整改",
                        null, "RANKING");
            }
            notices.step(id.get(), null, "DRAFTED", reason, SYSTEM, now);
            audit.recordAs(SYSTEM, "DRAFT", "rectification_notice", id.get(),
                    "生成整改通知书草稿：" + e.estateName() + "（" + reason + "）", null,
                    Map.of("ranking", list.rankingId(), "estate", e.estateId(), "problems",
                            Math.max(1, deductions.size())));
            created.add(id.get());
        }
        List<Long> listed = list.estates().stream().map(cn.kaoping.ranking.ListedEstate::estateId).toList();
        List<Long> dropped = jdbc.sql("""
                UPDATE rectification_notice SET status = 'WITHDRAWN'
                WHERE ranking_id = :ranking AND district_id = :district AND category = :category AND status = 'DRAFT'
                  AND NOT (estate_id = ANY (CAST(:listed AS bigint[])))
                RETURNING id""")
                .param("ranking", list.rankingId()).param("district", list.districtId())
                .param("category", list.category())
                .param("listed", SqlArrays.ids(listed))
                .query(Long.class).list();
        for (long id : dropped) {
            notices.step(id, null, "WITHDRAWN", "更正后的排名不再列入后 " + list.n() + " 名", SYSTEM, now);
            audit.recordAs(SYSTEM, "WITHDRAW", "rectification_notice", id, "排名更正后撤回整改通知书草稿", null,
                    Map.of("ranking", list.rankingId()));
        }
        return created;
    }

    private static String describe(EstateFindings.Deduction d) {
        StringBuilder s = new StringBuilder();
        if (d.itemTitle() != null && !d.itemTitle().isBlank()) {
            // item titles are sentences ("…佩戴标志。"); the reason follows after a colon
            s.append(d.itemTitle().strip().replaceAll("[。；;，,.]+$", "")).append("：");
        }
        s.append(d.reason() == null ? "扣分" : d.reason());
        if (d.note() != null && !d.note().isBlank()) {
            s.append("（检查记录：").append(d.note().strip()).append("）");
        }
        return s.toString();
    }

    /** What a notice raised by hand may list for an estate: its published deductions and its patrol records. */
    @Transactional(readOnly = true)
    public List<Views.Candidate> candidates(KaopingPrincipal p, long estateId) {
        placement(p, estateId);
        List<Views.Candidate> result = new ArrayList<>();
        for (EstateFindings.Deduction d : findings.deductions(estateId)) {
            result.add(new Views.Candidate("F" + d.inspectionId() + ":" + d.ruleCode(),
                    d.roundName() + " · " + d.ruleCode() + " · " + describe(d) + " · -" + d.pointsLost().toPlainString(),
                    d.ruleCode(), describe(d), d.pointsLost(), d.files()));
        }
        for (EstateFindings.PatrolEntry r : findings.patrols(estateId)) {
            String text = (r.kind().equals("WEEKLY") ? "周巡查" : "月考核") + " " + r.recordedOn() + "：规则 "
                    + r.ruleCode() + " " + r.count() + " 处" + (r.note() == null || r.note().isBlank() ? ""
                    : "，" + r.note().strip());
            result.add(new Views.Candidate("P" + r.id(), text, r.ruleCode(), text, null,
                    r.fileId() == null ? List.of() : List.of(r.fileId())));
        }
        return result;
    }

    /** The estate as a notice would name it, after checking the principal may raise notices for it. */
    @Transactional(readOnly = true)
    public EstatePlacement placement(KaopingPrincipal p, long estateId) {
        EstatePlacement place = directory.placements(List.of(estateId)).stream().findFirst()
                .filter(e -> Access.official(p) && p.covers(e.regionPath()))
                .orElseThrow(() -> new NotFoundException("小区不存在"));
        if (!Access.issues(p)) {
            throw new ForbiddenException("只有街道办事处和区房产主管部门可以下达整改通知书");
        }
        return place;
    }

    /**
     * Raises a draft by hand from chosen findings or patrol records (their keys from {@link #candidates}) and/or a
     * problem written by the officer.
     */
    @Transactional
    public long raise(KaopingPrincipal p, long estateId, List<String> chosen, String written) {
        EstatePlacement place = placement(p, estateId);
        if (place.companyId() == null) {
            throw new ValidationException("estate", "该小区没有物业服务企业，不能下达整改通知书");
        }
        Map<String, Views.Candidate> byKey = candidates(p, estateId).stream()
                .collect(Collectors.toMap(Views.Candidate::key, c -> c, (a, b) -> a));
        List<Views.Candidate> picked = new ArrayList<>();
        for (String key : chosen == null ? List.<String>of() : chosen) {
            Views.Candidate c = byKey.get(key);
            if (c == null) {
                throw new ValidationException("findings", "所选的检查记录不存在或不属于该小区");
            }
            picked.add(c);
        }
        String text = written == null ? "" : written.strip();
        if (picked.isEmpty() && text.isEmpty()) {
            throw new ValidationException("problem", "请至少选择一条检查记录或填写一个问题");
        }
        if (text.length() > 1000) {
            throw new ValidationException("problem", "问题描述不能超过 1000 字");
        }
        Template t = template(place.districtId(), place.districtName());
        OffsetDateTime now = now();
        Notice.Header h = new Notice.Header("MANUAL", null, null, null, place.category().name(), estateId,
                place.name(), place.regionPath(), place.streetId(), place.streetName(), place.districtId(),
                place.districtName(), place.companyId(), place.companyName(), null, t.issuingBody(),
                t.numberPrefix(), t.heading(), t.body(), t.deadlineDays(), t.acceptanceMethod(), p.username());
        long id = notices.insertDraft(h, now).orElseThrow();
        for (Views.Candidate c : picked) {
            long problem = notices.insertProblem(id, c.ruleCode(), c.description(), c.pointsLost(),
                    c.key().startsWith("P") ? "PATROL" : "FINDING");
            c.files().forEach(f -> notices.addPhoto(problem, "FINDING", f, p.username(), now));
        }
        if (!text.isEmpty()) {
            notices.insertProblem(id, null, text, null, "MANUAL");
        }
        notices.step(id, null, "DRAFTED", "手工发起", p.displayName(), now);
        audit.recordAs(p.username(), "DRAFT", "rectification_notice", id, "发起整改通知书草稿：" + place.name(), null,
                Map.of("estate", estateId, "problems", picked.size() + (text.isEmpty() ? 0 : 1)));
        return id;
    }

    /** Adds a problem written by the officer to a draft. */
    @Transactional
    public long addProblem(KaopingPrincipal p, long id, String description) {
        Notice n = drafting(p, id);
        n.requireDraft();
        if (description == null || description.isBlank()) {
            throw new ValidationException("description", "请填写问题描述");
        }
        if (description.strip().length() > 1000) {
            throw new ValidationException("description", "问题描述不能超过 1000 字");
        }
        long problem = notices.insertProblem(id, null, description.strip(), null, "MANUAL");
        notices.step(id, problem, "ADDED", description.strip(), p.displayName(), now());
        audit.recordAs(p.username(), "ADD_PROBLEM", "rectification_notice", id, "草稿增加问题：" + description.strip(),
                null, Map.of("problem", problem));
        return problem;
    }

    /** Removes a problem from a draft. */
    @Transactional
    public void removeProblem(KaopingPrincipal p, long id, long problemId) {
        Notice n = drafting(p, id);
        n.requireDraft();
        Problem pr = n.problem(problemId);
        notices.deleteProblem(id, problemId);
        notices.step(id, null, "REMOVED", "删除问题" + pr.position() + "：" + pr.description(), p.displayName(), now());
        audit.recordAs(p.username(), "REMOVE_PROBLEM", "rectification_notice", id, "草稿删除问题：" + pr.description(),
                Map.of("problem", problemId, "description", pr.description()), null);
    }

    // ---------------------------------------------------------------- issue, withdraw

    /** Issues a draft: allocates the document number, fixes the deadline and the text, and tells the company. */
    @Transactional
    public Notice issue(KaopingPrincipal p, long id) {
        Notice n = drafting(p, id);
        LocalDate today = today();
        Template current = template(n.header().districtId(), n.header().districtName());
        notices.applyTemplate(id, current);
        n = notices.lock(id).orElseThrow();
        if (n.status() != NoticeStatus.DRAFT) {
            throw new ConflictException("只有草稿可以下达（当前：" + n.status().label() + "）");
        }
        if (n.problems().isEmpty()) {
            throw new ValidationException("problems", "整改通知书至少要列出一个问题");
        }
        String number = Template.number(current.numberPrefix(), today.getYear(),
                notices.nextNumber(n.header().districtId(), today.getYear()));
        n.issue(number, today);
        notices.saveNotice(n, p.username(), now());
        notices.freezeBody(id, render(n.header(), n.header().body(), n.deadline()));
        if ("RANKING".equals(n.header().source())) {
            jdbc.sql("""
                    INSERT INTO rectification_followup (notice_id, estate_id, status, scheduled_on)
                    VALUES (:n, :e, 'PENDING', :on) ON CONFLICT DO NOTHING""")
                    .param("n", id).param("e", n.header().estateId()).param("on", today).update();
        }
        notices.step(id, null, "ISSUED", number + "，整改期限 " + n.deadline(), p.displayName(), now());
        audit.recordAs(p.username(), "ISSUE", "rectification_notice", id, "下达整改通知书 " + number + "："
                        + n.header().estateName() + " → " + n.header().companyName(), Map.of("status", "DRAFT"),
                Map.of("status", "ISSUED", "number", number, "deadline", n.deadline().toString(),
                        "problems", n.problems().size()));
        events.publishEvent(new NoticeIssued(id, number, n.header().companyId(), n.header().companyName(),
                n.header().districtId(), n.header().streetId(), n.header().estateId(), n.header().estateName(),
                today, n.deadline(), n.problems().size(), n.header().rankingId()));
        notifier.send(new Notification(Notification.Channel.SMS, n.header().companyName(), "整改通知书",
                "【考评】" + n.header().companyName() + "：" + n.header().issuingBody() + "下达" + number + "，"
                        + n.header().estateName() + " 共 " + n.problems().size() + " 个问题，请于 " + n.deadline()
                        + " 前完成整改并报送。"));
        return n;
    }

    /** Discards a draft. */
    @Transactional
    public void withdraw(KaopingPrincipal p, long id) {
        Notice n = drafting(p, id);
        n.withdraw();
        notices.saveNotice(n, null, now());
        notices.step(id, null, "WITHDRAWN", null, p.displayName(), now());
        audit.recordAs(p.username(), "WITHDRAW", "rectification_notice", id, "撤回整改通知书草稿："
                + n.header().estateName(), Map.of("status", "DRAFT"), Map.of("status", "WITHDRAWN"));
    }

    // ---------------------------------------------------------------- the company's answer

    /** The company writes what it did about a problem (kept while the notice is open for answers). */
    @Transactional
    public void answer(KaopingPrincipal p, long id, long problemId, String text) {
        Notice n = answering(p, id);
        String before = n.problem(problemId).answer();
        Problem pr = n.answer(problemId, text);
        notices.saveProblem(pr, p.username(), now(), true, false);
        notices.step(id, problemId, "ANSWERED", pr.answer(), p.displayName(), now());
        audit.recordAs(p.username(), "ANSWER", "rectification_problem", problemId, "填写整改情况：" + n.number()
                + " 问题" + pr.position(), before == null ? null : Map.of("answer", before), Map.of("answer", pr.answer()));
    }

    /** The company adds a photo of the rectified problem. */
    @Transactional
    public long addAnswerPhoto(KaopingPrincipal p, long id, long problemId, byte[] content, String filename) {
        Notice n = answering(p, id);
        Problem pr = n.requireAnswerable(problemId);
        StoredFile file = files.store(content, filename, p.username(), PHOTOS);
        long photo = notices.addPhoto(problemId, "ANSWER", file.id(), p.username(), now());
        notices.step(id, problemId, "PHOTO", filename, p.displayName(), now());
        audit.recordAs(p.username(), "ADD_PHOTO", "rectification_problem", problemId, "上传整改照片：" + n.number()
                + " 问题" + pr.position(), null, Map.of("sha256", file.sha256(), "type", file.contentType(),
                "size", file.size()));
        return photo;
    }

    /** The company submits its answers to the acceptance inspection. */
    @Transactional
    public void submit(KaopingPrincipal p, long id) {
        Notice n = answering(p, id);
        List<Problem> submitted = n.submit();
        OffsetDateTime now = now();
        for (Problem pr : submitted) {
            notices.saveProblem(pr, p.username(), now, false, false);
            notices.step(id, pr.id(), "SUBMITTED", null, p.displayName(), now);
        }
        notices.saveNotice(n, null, now);
        audit.recordAs(p.username(), "SUBMIT", "rectification_notice", id, "报送整改情况：" + n.number() + "，"
                + submitted.size() + " 个问题", Map.of("status", "ISSUED"), Map.of("status", "SUBMITTED"));
    }

    // ---------------------------------------------------------------- acceptance

    /**
     * Records the acceptance of one answered problem: accepted closes it (销号), rejected returns it to the company
     * with the reason ({@link AcceptanceFailed}). The last problem closed closes the notice ({@link NoticeClosed}).
     */
    @Transactional
    public Notice decide(KaopingPrincipal p, long id, long problemId, boolean accepted, String reason) {
        Notice seen = visible(p, id);
        if (!Access.accepts(p)) {
            throw new ForbiddenException("只有区房产主管部门、相关部门和街道办事处可以验收");
        }
        Notice n = notices.lock(seen.id()).orElseThrow();
        NoticeStatus before = n.status();
        LocalDate today = today();
        Problem pr = n.decide(problemId, accepted, reason, today);
        OffsetDateTime now = now();
        notices.saveProblem(pr, p.username(), now, false, true);
        notices.saveNotice(n, null, now);
        notices.step(id, problemId, accepted ? "ACCEPTED" : "REJECTED", accepted ? null : pr.rejection(),
                p.displayName(), now);
        audit.recordAs(p.username(), accepted ? "ACCEPT" : "REJECT", "rectification_problem", problemId,
                (accepted ? "验收合格，销号：" : "验收不合格，退回整改：") + n.number() + " 问题" + pr.position()
                        + (accepted ? "" : "。原因：" + pr.rejection()),
                Map.of("status", "ANSWERED"), Map.of("status", pr.status().name()));
        Notice.Header h = n.header();
        if (!accepted) {
            events.publishEvent(new AcceptanceFailed(id, n.number(), h.companyId(), h.districtId(), h.estateId(),
                    problemId, pr.rejection(), today));
        }
        if (n.status() != before) {
            notices.step(id, null, n.status() == NoticeStatus.CLOSED ? "CLOSED" : "RETURNED", null, p.displayName(),
                    now);
            audit.recordAs(p.username(), n.status() == NoticeStatus.CLOSED ? "CLOSE" : "RETURN",
                    "rectification_notice", id, (n.status() == NoticeStatus.CLOSED ? "整改通知书全部销号："
                            : "整改通知书退回企业重新整改：") + n.number(),
                    Map.of("status", before.name()), Map.of("status", n.status().name()));
        }
        if (n.status() == NoticeStatus.CLOSED) {
            events.publishEvent(new NoticeClosed(id, n.number(), h.companyId(), h.districtId(), h.estateId(), today,
                    n.closedOnTime()));
        }
        return n;
    }

    /** The district reopens a closed notice with a reason; its problems open again under a new deadline. */
    @Transactional
    public Notice reopen(KaopingPrincipal p, long id, String reason) {
        Notice seen = visible(p, id);
        if (!Access.reopens(p)) {
            throw new ForbiddenException("只有区房产主管部门可以重新打开整改通知书");
        }
        Notice n = notices.lock(seen.id()).orElseThrow();
        LocalDate today = today();
        n.reopen(reason, today);
        OffsetDateTime now = now();
        n.problems().forEach(pr -> notices.saveProblem(pr, p.username(), now, false, false));
        notices.saveNotice(n, null, now);
        notices.step(id, null, "REOPENED", n.reopenReason() + "（新的整改期限 " + n.deadline() + "）", p.displayName(),
                now);
        audit.recordAs(p.username(), "REOPEN", "rectification_notice", id, "重新打开整改通知书 " + n.number() + "："
                + n.reopenReason(), Map.of("status", "CLOSED"), Map.of("status", "ISSUED", "reason", n.reopenReason(),
                "deadline", n.deadline().toString()));
        Notice.Header h = n.header();
        events.publishEvent(new NoticeReopened(id, n.number(), h.companyId(), h.districtId(), h.estateId(),
                n.reopenReason(), today));
        return n;
    }

    // ---------------------------------------------------------------- deadlines

    /**
     * The daily deadline check: a reminder (in-app and through the notification port) to every issued notice whose
     * deadline is within the district's reminder lead time, at most one per notice and day; and
     * {@link RectificationOverdue} once per notice and deadline when the deadline passed with open problems.
     */
    @Transactional
    public DeadlineRun checkDeadlines(LocalDate today) {
        OffsetDateTime now = now();
        record Due(long id, String number, String company, String estate, LocalDate deadline, int open) {
        }
        List<Due> due = jdbc.sql("""
                SELECT n.id, n.number, n.company_name, n.estate_name, n.deadline,
                       (SELECT count(*) FROM rectification_problem p WHERE p.notice_id = n.id AND p.status = 'OPEN')
                FROM rectification_notice n LEFT JOIN rectification_template t ON t.district_id = n.district_id
                WHERE n.status = 'ISSUED' AND n.deadline >= :today
                  AND n.deadline - coalesce(t.reminder_days, 3) <= :today
                  AND EXISTS (SELECT 1 FROM rectification_problem p WHERE p.notice_id = n.id AND p.status = 'OPEN')
                ORDER BY n.id""")
                .param("today", today)
                .query((rs, i) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getInt(6))).list();
        int reminded = 0;
        for (Due d : due) {
            long days = java.time.temporal.ChronoUnit.DAYS.between(today, d.deadline());
            String message = d.number() + "（" + d.estate() + "）还有 " + d.open() + " 个问题待整改，"
                    + (days == 0 ? "今天" : days + " 天后（" + d.deadline() + "）") + "到期";
            int inserted = jdbc.sql("""
                    INSERT INTO rectification_reminder (notice_id, sent_on, message, sent_at)
                    VALUES (:n, :on, :m, :at) ON CONFLICT DO NOTHING""")
                    .param("n", d.id()).param("on", today).param("m", message).param("at", now).update();
            if (inserted == 1) {
                reminded++;
                notices.step(d.id(), null, "REMINDED", message, SYSTEM, now);
                notifier.send(new Notification(Notification.Channel.SMS, d.company(), "整改到期提醒",
                        "【考评】" + d.company() + "：" + message + "。"));
            }
        }
        List<RectificationOverdue> overdue = jdbc.sql("""
                UPDATE rectification_notice n SET overdue_deadline = n.deadline
                WHERE """ + OVERDUE + """
                  AND n.overdue_deadline IS DISTINCT FROM n.deadline
                RETURNING n.id, n.number, n.company_id, n.district_id, n.estate_id, n.deadline,
                          (SELECT count(*) FROM rectification_problem p WHERE p.notice_id = n.id AND p.status = 'OPEN')""")
                .param("today", today)
                .query((rs, i) -> new RectificationOverdue(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5), rs.getObject(6, LocalDate.class), rs.getInt(7), today))
                .list();
        for (RectificationOverdue o : overdue) {
            notices.step(o.noticeId(), null, "OVERDUE", "整改期限 " + o.deadline() + " 已过，仍有 " + o.openProblems()
                    + " 个问题未整改", SYSTEM, now);
            audit.recordAs(SYSTEM, "OVERDUE", "rectification_notice", o.noticeId(), "逾期未整改：" + o.number()
                    + "，" + o.openProblems() + " 个问题", null, Map.of("deadline", o.deadline().toString(),
                    "open", o.openProblems()));
            events.publishEvent(o);
        }
        return new DeadlineRun(reminded, overdue.size());
    }

    /** What one deadline check did. */
    public record DeadlineRun(int reminders, int overdue) {
    }

    /** Marks the pending follow-up checks of an estate done: an inspection of it was submitted after the notice. */
    @Transactional
    public int followedUp(long estateId, long inspectionId) {
        return jdbc.sql("""
                UPDATE rectification_followup SET status = 'DONE', inspection_id = :i, done_at = :at
                WHERE estate_id = :e AND status = 'PENDING' AND scheduled_on <= :today""")
                .param("i", inspectionId).param("at", now()).param("e", estateId).param("today", today()).update();
    }

    // ---------------------------------------------------------------- template

    /** The template of the principal's district (a district admin's own; the defaults until edited). */
    @Transactional(readOnly = true)
    public Template template(KaopingPrincipal p) {
        RegionRef district = ownDistrict(p);
        return template(district.id(), district.name());
    }

    @Transactional
    public Template saveTemplate(KaopingPrincipal p, Template edited) {
        RegionRef district = ownDistrict(p);
        Template before = template(district.id(), district.name());
        Template t = new Template(district.id(), edited.issuingBody(), edited.numberPrefix(), edited.heading(),
                edited.body(), edited.deadlineDays(), edited.reminderDays(), edited.acceptanceMethod()).validated();
        notices.saveTemplate(t, p.username(), now());
        audit.recordAs(p.username(), "UPDATE", "rectification_template", district.id(), "修改整改通知书模板："
                + district.name(), before, t);
        return t;
    }

    /** The district whose template the principal edits: a district admin's own district. */
    public RegionRef ownDistrict(KaopingPrincipal p) {
        if (p.role() != Role.DISTRICT_ADMIN || p.regionId() == null) {
            throw new ForbiddenException("只有区房产主管部门可以修改整改通知书模板");
        }
        return directory.region(p.regionId()).orElseThrow(() -> new NotFoundException("所在区不存在"));
    }

    Template template(long districtId, String districtName) {
        return notices.template(districtId).orElseGet(() -> Template.defaults(districtId, districtName));
    }

    // ---------------------------------------------------------------- helpers

    /** The body with its placeholders filled; a draft shows the deadline it would get if issued today. */
    String render(Notice.Header h, String body, LocalDate deadline) {
        LocalDate due = deadline == null ? today().plusDays(h.deadlineDays()) : deadline;
        Map<String, String> values = new LinkedHashMap<>();
        values.put("{企业}", h.companyName());
        values.put("{小区}", h.estateName());
        values.put("{街道}", h.streetName());
        values.put("{期间}", h.period() == null ? "日常巡查" : h.period());
        values.put("{期限}", due.getYear() + "年" + due.getMonthValue() + "月" + due.getDayOfMonth() + "日");
        values.put("{发文机关}", h.issuingBody());
        return Template.render(body, values);
    }

    Notice visible(KaopingPrincipal p, long id) {
        Notice n = notices.find(id).orElseThrow(RectificationService::notFound);
        if (!Access.sees(p, n)) {
            throw notFound();
        }
        return n;
    }

    private Notice drafting(KaopingPrincipal p, long id) {
        Notice seen = visible(p, id);
        if (!Access.issues(p)) {
            throw new ForbiddenException("只有街道办事处和区房产主管部门可以编辑、下达整改通知书");
        }
        return notices.lock(seen.id()).orElseThrow(RectificationService::notFound);
    }

    private Notice answering(KaopingPrincipal p, long id) {
        Notice seen = visible(p, id);
        if (!Access.answers(p, seen)) {
            throw new ForbiddenException("只有收到通知书的物业服务企业可以填写整改情况");
        }
        return notices.lock(seen.id()).orElseThrow(RectificationService::notFound);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    static NotFoundException notFound() {
        return new NotFoundException("整改通知书不存在");
    }

    /** For tests and the demo: the id of a problem at a position. */
    Optional<Long> problemAt(long noticeId, int position) {
        return notices.problems(noticeId).stream().filter(x -> x.position() == position).map(Problem::id).findFirst();
    }
}
