package cn.kaoping.rectification.internal;

import cn.kaoping.platform.database.SqlArrays;
import cn.kaoping.rectification.ReportedProblems;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Notices, problems, photos, ledger steps and templates in PostgreSQL (plain SQL, ADR 0001). */
@Repository
class Notices {

    /** Who the ledger and the audit name for steps nobody took by hand. */
    static final String SYSTEM = "系统";

    private final JdbcClient jdbc;
    private final java.time.Clock clock;

    Notices(JdbcClient jdbc, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Notice> find(long id) {
        return jdbc.sql("SELECT * FROM rectification_notice WHERE id = :id").param("id", id)
                .query((rs, i) -> notice(rs)).optional();
    }

    /** The notice locked for a transition (SELECT … FOR UPDATE), with its problems. */
    Optional<Notice> lock(long id) {
        return jdbc.sql("SELECT * FROM rectification_notice WHERE id = :id FOR UPDATE").param("id", id)
                .query((rs, i) -> notice(rs)).optional();
    }

    private Notice notice(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        Notice.Header h = Notice.Header.builder().source(rs.getString("source"))
                .rankingId((Long) rs.getObject("ranking_id")).schemeCode(rs.getString("scheme_code"))
                .period(rs.getString("period")).category(rs.getString("category"))
                .estate(rs.getLong("estate_id"), rs.getString("estate_name")).estatePath(rs.getString("estate_path"))
                .street(rs.getLong("street_id"), rs.getString("street_name"))
                .district(rs.getLong("district_id"), rs.getString("district_name"))
                .company(rs.getLong("company_id"), rs.getString("company_name")).reason(rs.getString("reason"))
                .issuingBody(rs.getString("issuing_body")).numberPrefix(rs.getString("number_prefix"))
                .heading(rs.getString("heading")).body(rs.getString("body")).deadlineDays(rs.getInt("deadline_days"))
                .acceptanceMethod(rs.getString("acceptance_method")).createdBy(rs.getString("created_by")).build();
        return new Notice(id, h, NoticeStatus.valueOf(rs.getString("status")), rs.getString("number"),
                rs.getObject("issued_on", LocalDate.class), rs.getObject("deadline", LocalDate.class),
                rs.getObject("closed_on", LocalDate.class), rs.getString("reopen_reason"),
                rs.getObject("overdue_deadline", LocalDate.class), problems(id));
    }

    List<Problem> problems(long noticeId) {
        return jdbc.sql("""
                SELECT p.*, (SELECT count(*) FROM rectification_photo ph
                             WHERE ph.problem_id = p.id AND ph.kind = 'ANSWER') AS answer_photos
                FROM rectification_problem p WHERE p.notice_id = :n ORDER BY p.position, p.id""")
                .param("n", noticeId)
                .query((rs, i) -> new Problem(rs.getLong("id"), rs.getInt("position"), rs.getString("rule_code"),
                        rs.getString("description"), rs.getBigDecimal("points_lost"), rs.getString("source"),
                        ProblemStatus.valueOf(rs.getString("status")), rs.getString("answer"),
                        rs.getString("rejection"), rs.getInt("rejections"), rs.getObject("closed_on", LocalDate.class),
                        rs.getInt("answer_photos")))
                .list();
    }

    /** Inserts a draft; for a ranking's draft nothing happens when the ranking already has one for the estate. */
    Optional<Long> insertDraft(Notice.Header h, OffsetDateTime at) {
        return jdbc.sql("""
                INSERT INTO rectification_notice (status, source, ranking_id, scheme_code, period, category, estate_id,
                    estate_name, estate_path, street_id, street_name, district_id, district_name, company_id,
                    company_name, reason, issuing_body, number_prefix, heading, body, deadline_days, acceptance_method,
                    created_by, created_at)
                VALUES ('DRAFT', :source, :ranking, :scheme, :period, :category, :estate, :estateName, :estatePath,
                    :street, :streetName, :district, :districtName, :company, :companyName, :reason, :issuingBody,
                    :prefix, :heading, :body, :days, :acceptance, :by, :at)
                ON CONFLICT (ranking_id, estate_id) DO NOTHING
                RETURNING id""")
                .param("source", h.source()).param("ranking", h.rankingId()).param("scheme", h.schemeCode())
                .param("period", h.period()).param("category", h.category()).param("estate", h.estateId())
                .param("estateName", h.estateName()).param("estatePath", h.estatePath()).param("street", h.streetId())
                .param("streetName", h.streetName()).param("district", h.districtId())
                .param("districtName", h.districtName()).param("company", h.companyId())
                .param("companyName", h.companyName()).param("reason", h.reason())
                .param("issuingBody", h.issuingBody()).param("prefix", h.numberPrefix()).param("heading", h.heading())
                .param("body", h.body()).param("days", h.deadlineDays()).param("acceptance", h.acceptanceMethod())
                .param("by", h.createdBy()).param("at", at)
                .query(Long.class).optional();
    }

    /** Inserts an open problem as the draft's last one. */
    Problem insertProblem(long noticeId, String ruleCode, String description, BigDecimal pointsLost, String source) {
        return insertProblem(noticeId, ruleCode, description, pointsLost, source, null);
    }

    /** A problem that came from another module's record, named by its reference (complaint:12). */
    Problem insertProblem(long noticeId, String ruleCode, String description, BigDecimal pointsLost, String source,
                          String reference) {
        return jdbc.sql("""
                INSERT INTO rectification_problem (notice_id, position, rule_code, description, points_lost, source,
                                                   status, reference)
                VALUES (:n, (SELECT coalesce(max(position), 0) + 1 FROM rectification_problem WHERE notice_id = :n),
                        :rule, :description, :points, :source, 'OPEN', :reference)
                RETURNING id, position""")
                .param("n", noticeId).param("rule", ruleCode).param("description", description)
                .param("points", pointsLost).param("source", source).param("reference", reference)
                .query((rs, i) -> new Problem(rs.getLong("id"), rs.getInt("position"), ruleCode, description,
                        pointsLost, source, ProblemStatus.OPEN, null, null, 0, null, 0))
                .single();
    }

    /** The notice (not withdrawn) a record of another module is listed on. */
    Optional<ReportedProblems.NoticeRef> listing(String reference) {
        return jdbc.sql("""
                SELECT n.id, n.number, n.status FROM rectification_problem p
                JOIN rectification_notice n ON n.id = p.notice_id
                WHERE p.reference = :reference AND n.status <> 'WITHDRAWN' ORDER BY n.id DESC LIMIT 1""")
                .param("reference", reference)
                .query((rs, i) -> new ReportedProblems.NoticeRef(rs.getLong("id"),
                        rs.getString("number"), NoticeStatus.valueOf(rs.getString("status")).label()))
                .optional();
    }

    /** The estate's newest draft raised by hand, locked, to which reported problems are added. */
    Optional<Notice> openDraft(long estateId) {
        return jdbc.sql("""
                SELECT * FROM rectification_notice WHERE estate_id = :e AND status = 'DRAFT' AND source = 'MANUAL'
                ORDER BY id DESC LIMIT 1 FOR UPDATE""")
                .param("e", estateId).query((rs, i) -> notice(rs)).optional();
    }

    /** A ranking's drafts, locked, of the estates its corrected bottom list no longer names. */
    List<Notice> unlistedDrafts(long rankingId, long districtId, String category, List<Long> listed) {
        return jdbc.sql("""
                SELECT * FROM rectification_notice
                WHERE ranking_id = :ranking AND district_id = :district AND category = :category AND status = 'DRAFT'
                  AND NOT (estate_id = ANY (CAST(:listed AS bigint[])))
                ORDER BY id FOR UPDATE""")
                .param("ranking", rankingId).param("district", districtId).param("category", category)
                .param("listed", SqlArrays.ids(listed))
                .query((rs, i) -> notice(rs)).list();
    }

    /** The notices, locked, whose deadline passed with open problems and was not yet reported as passed. */
    List<Notice> overdueNotReported(LocalDate today) {
        return jdbc.sql("SELECT n.* FROM rectification_notice n WHERE " + NoticeQueries.OVERDUE + """
                  AND n.overdue_deadline IS DISTINCT FROM n.deadline
                ORDER BY n.id FOR UPDATE""")
                .param("today", today).query((rs, i) -> notice(rs)).list();
    }

    /** Removes a problem of a draft and numbers the remaining ones 1, 2, 3 … again. */
    void deleteProblem(long noticeId, long problemId) {
        jdbc.sql("DELETE FROM rectification_problem WHERE id = :p AND notice_id = :n")
                .param("p", problemId).param("n", noticeId).update();
        jdbc.sql("""
                UPDATE rectification_problem p SET position = o.rn
                FROM (SELECT id, row_number() OVER (ORDER BY position, id) AS rn FROM rectification_problem
                      WHERE notice_id = :n) o
                WHERE p.id = o.id""").param("n", noticeId).update();
    }

    /**
     * Saves the notice's state; the issuer is kept the first time one is given, and the time of any save that finds
     * the notice submitted (the submission, and each decision while problems still wait) as {@code submitted_at}.
     */
    void saveNotice(Notice n, String issuedBy, OffsetDateTime at) {
        jdbc.sql("""
                UPDATE rectification_notice SET status = :status, number = :number, issued_on = :issued,
                    deadline = :deadline, closed_on = :closed, reopen_reason = :reopen,
                    issued_by = coalesce(issued_by, CAST(:by AS text)),
                    submitted_at = CASE WHEN :status = 'SUBMITTED' THEN CAST(:at AS timestamptz) ELSE submitted_at END
                WHERE id = :id""")
                .param("status", n.status().name()).param("number", n.number()).param("issued", n.issuedOn())
                .param("deadline", n.deadline()).param("closed", n.closedOn()).param("reopen", n.reopenReason())
                .param("by", issuedBy).param("at", at).param("id", n.id()).update();
    }

    /** Keeps the deadline last reported as passed (nothing else: a submitted notice keeps its time). */
    void saveOverdue(Notice n) {
        jdbc.sql("UPDATE rectification_notice SET overdue_deadline = :overdue WHERE id = :id")
                .param("overdue", n.overdueDeadline()).param("id", n.id()).update();
    }

    /** Schedules the follow-up check (回头看) of an issued notice raised from a bottom list, once. */
    void scheduleFollowUp(long noticeId, long estateId, LocalDate on) {
        jdbc.sql("""
                INSERT INTO rectification_followup (notice_id, estate_id, status, scheduled_on)
                VALUES (:n, :e, 'PENDING', :on) ON CONFLICT DO NOTHING""")
                .param("n", noticeId).param("e", estateId).param("on", on).update();
    }

    /** Keeps the day's reminder of a notice; false when it already has one for the day. */
    boolean remember(long noticeId, LocalDate on, String message, OffsetDateTime at) {
        return jdbc.sql("""
                INSERT INTO rectification_reminder (notice_id, sent_on, message, sent_at)
                VALUES (:n, :on, :m, :at) ON CONFLICT DO NOTHING""")
                .param("n", noticeId).param("on", on).param("m", message).param("at", at).update() == 1;
    }

    /** Freezes the text of an issued notice (the body with its placeholders filled). */
    void freezeBody(long id, String body) {
        jdbc.sql("UPDATE rectification_notice SET body = :body WHERE id = :id").param("body", body).param("id", id)
                .update();
    }

    /** Applies the template's current text to a draft (the district edited it after the draft was made). */
    void applyTemplate(long id, Template t) {
        jdbc.sql("""
                UPDATE rectification_notice SET issuing_body = :ib, number_prefix = :prefix, heading = :heading,
                    body = :body, deadline_days = :days, acceptance_method = :am
                WHERE id = :id AND status = 'DRAFT'""")
                .param("ib", t.issuingBody()).param("prefix", t.numberPrefix()).param("heading", t.heading())
                .param("body", t.body()).param("days", t.deadlineDays()).param("am", t.acceptanceMethod())
                .param("id", id).update();
    }

    void saveProblem(Problem p, String by, OffsetDateTime at, boolean answered, boolean decided) {
        jdbc.sql("""
                UPDATE rectification_problem SET status = :status, answer = :answer, rejection = :rejection,
                    rejections = :rejections, closed_on = :closed,
                    answered_by = CASE WHEN :answered THEN :by ELSE answered_by END,
                    answered_at = CASE WHEN :answered THEN :at ELSE answered_at END,
                    decided_by = CASE WHEN :decided THEN :by ELSE decided_by END,
                    decided_at = CASE WHEN :decided THEN :at ELSE decided_at END
                WHERE id = :id""")
                .param("status", p.status().name()).param("answer", p.answer()).param("rejection", p.rejection())
                .param("rejections", p.rejections()).param("closed", p.closedOn()).param("answered", answered)
                .param("decided", decided).param("by", by).param("at", at).param("id", p.id()).update();
    }

    long addPhoto(long problemId, String kind, UUID fileId, String by, OffsetDateTime at) {
        return jdbc.sql("""
                INSERT INTO rectification_photo (problem_id, kind, file_id, added_by, added_at)
                VALUES (:p, :kind, :file, :by, :at) RETURNING id""")
                .param("p", problemId).param("kind", kind).param("file", fileId).param("by", by).param("at", at)
                .query(Long.class).single();
    }

    List<Views.Photo> photos(long noticeId) {
        return jdbc.sql("""
                SELECT ph.id, ph.problem_id, ph.kind, ph.file_id FROM rectification_photo ph
                JOIN rectification_problem p ON p.id = ph.problem_id
                WHERE p.notice_id = :n ORDER BY ph.id""")
                .param("n", noticeId)
                .query((rs, i) -> new Views.Photo(rs.getLong("id"), rs.getLong("problem_id"), rs.getString("kind"),
                        rs.getObject("file_id", UUID.class)))
                .list();
    }

    void step(long noticeId, Long problemId, String action, String note, String actor, OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO rectification_step (notice_id, problem_id, action, note, actor, at)
                VALUES (:n, :p, :action, :note, :actor, :at)""")
                .param("n", noticeId).param("p", problemId).param("action", action).param("note", note)
                .param("actor", actor).param("at", at).update();
    }

    List<Views.Step> steps(long noticeId) {
        return jdbc.sql("""
                SELECT s.id, s.problem_id, p.position, s.action, s.note, s.actor, s.at
                FROM rectification_step s LEFT JOIN rectification_problem p ON p.id = s.problem_id
                WHERE s.notice_id = :n ORDER BY s.id""")
                .param("n", noticeId)
                .query((rs, i) -> new Views.Step(rs.getLong("id"), (Long) rs.getObject("problem_id"),
                        (Integer) rs.getObject("position"), rs.getString("action"), rs.getString("note"),
                        rs.getString("actor"), rs.getObject("at", OffsetDateTime.class)
                                .atZoneSameInstant(clock.getZone()).toOffsetDateTime()))
                .list();
    }

    /** The next number of a district's year, allocated atomically (two issues at once never share one). */
    int nextNumber(long districtId, int year) {
        return jdbc.sql("""
                INSERT INTO rectification_number (district_id, year, last) VALUES (:d, :y, 1)
                ON CONFLICT (district_id, year) DO UPDATE SET last = rectification_number.last + 1
                RETURNING last""")
                .param("d", districtId).param("y", year).query(Integer.class).single();
    }

    Optional<Template> template(long districtId) {
        return jdbc.sql("SELECT * FROM rectification_template WHERE district_id = :d").param("d", districtId)
                .query((rs, i) -> new Template(rs.getLong("district_id"), rs.getString("issuing_body"),
                        rs.getString("number_prefix"), rs.getString("heading"), rs.getString("body"),
                        rs.getInt("deadline_days"), rs.getInt("reminder_days"), rs.getString("acceptance_method")))
                .optional();
    }

    void saveTemplate(Template t, String by, OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO rectification_template (district_id, issuing_body, number_prefix, heading, body,
                    deadline_days, reminder_days, acceptance_method, updated_by, updated_at)
                VALUES (:d, :ib, :prefix, :heading, :body, :days, :remind, :am, :by, :at)
                ON CONFLICT (district_id) DO UPDATE SET issuing_body = EXCLUDED.issuing_body,
                    number_prefix = EXCLUDED.number_prefix, heading = EXCLUDED.heading, body = EXCLUDED.body,
                    deadline_days = EXCLUDED.deadline_days, reminder_days = EXCLUDED.reminder_days,
                    acceptance_method = EXCLUDED.acceptance_method, updated_by = EXCLUDED.updated_by,
                    updated_at = EXCLUDED.updated_at""")
                .param("d", t.districtId()).param("ib", t.issuingBody()).param("prefix", t.numberPrefix())
                .param("heading", t.heading()).param("body", t.body()).param("days", t.deadlineDays())
                .param("remind", t.reminderDays()).param("am", t.acceptanceMethod()).param("by", by).param("at", at)
                .update();
    }
}
