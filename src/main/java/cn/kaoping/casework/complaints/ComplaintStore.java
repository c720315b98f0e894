package cn.kaoping.casework.complaints;

import cn.kaoping.casework.complaints.Complaint.Callback;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Complaints, their steps, categories and the working calendar in PostgreSQL; rows read by column name. */
@Repository
public class ComplaintStore {

    private final JdbcClient jdbc;

    ComplaintStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A complaint with what the screens and the API show of it. */
    public record Row(Complaint complaint, String estateName, String estatePath, Long companyId, String category,
               String categoryName, String source, String hotlineNo, OffsetDateTime receivedAt, String content,
               String complainant, String phone) {
    }

    public record Category(String code, String name, int signDays, int closeDays) {
    }

    List<Category> categories() {
        return jdbc.sql("SELECT * FROM complaint_category ORDER BY position")
                .query((rs, n) -> new Category(rs.getString("code"), rs.getString("name"), rs.getInt("sign_days"),
                        rs.getInt("close_days"))).list();
    }

    /** The calendar's exceptions (holidays on weekdays, make-up working days on weekends). */
    public Map<LocalDate, Boolean> calendar() {
        Map<LocalDate, Boolean> days = new HashMap<>();
        jdbc.sql("SELECT day, working FROM working_calendar").query((rs, n) -> days.put(
                rs.getObject("day", LocalDate.class), rs.getBoolean("working"))).list();
        return days;
    }

    /** A day of the calendar that is not what its weekday says (a holiday, or a make-up working day 调休). */
    public record CalendarDay(LocalDate day, boolean working, String note) {
    }

    List<CalendarDay> calendarYear(int year) {
        return jdbc.sql("SELECT * FROM working_calendar WHERE day BETWEEN :from AND :to ORDER BY day")
                .param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year, 12, 31))
                .query((rs, n) -> new CalendarDay(rs.getObject("day", LocalDate.class), rs.getBoolean("working"),
                        rs.getString("note"))).list();
    }

    void putCalendarDay(CalendarDay d) {
        jdbc.sql("""
                INSERT INTO working_calendar (day, working, note) VALUES (:day, :working, :note)
                ON CONFLICT (day) DO UPDATE SET working = EXCLUDED.working, note = EXCLUDED.note""")
                .param("day", d.day()).param("working", d.working()).param("note", d.note()).update();
    }

    boolean removeCalendarDay(LocalDate day) {
        return jdbc.sql("DELETE FROM working_calendar WHERE day = :day").param("day", day).update() > 0;
    }

    /** Whether another category than {@code code} is called {@code name}. */
    boolean categoryNameTaken(String name, String code) {
        return jdbc.sql("SELECT count(*) FROM complaint_category WHERE name = :name AND code <> :code")
                .param("name", name).param("code", code).query(Integer.class).single() > 0;
    }

    /** Adds a category at the end of the list, or renames one and changes its deadlines (for complaints after). */
    void putCategory(Category c) {
        jdbc.sql("""
                INSERT INTO complaint_category (code, name, sign_days, close_days, position)
                VALUES (:code, :name, :sign, :close, (SELECT coalesce(max(position), 0) + 1 FROM complaint_category))
                ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, sign_days = EXCLUDED.sign_days,
                                                 close_days = EXCLUDED.close_days""")
                .param("code", c.code()).param("name", c.name()).param("sign", c.signDays())
                .param("close", c.closeDays()).update();
    }

    record New(long estateId, String estateName, String estatePath, Long companyId, String category, String source,
               String hotlineNo, OffsetDateTime receivedAt, String content, String complainant, String phone,
               LocalDate signDue, LocalDate closeDue, String createdBy) {
    }

    /**
     * Inserts a complaint; empty when its hotline number is already stored (an import runs again). In the same
     * statement it is marked a repeat when the estate had a complaint of its category in the 30 days before, and the
     * estate's complaints of that category in the 30 days after it (an import out of order) are marked repeats.
     */
    Optional<Long> insert(New c) {
        return jdbc.sql("""
                WITH n AS (
                    INSERT INTO complaint (estate_id, estate_name, estate_path, company_id, category, source,
                                           hotline_no, received_at, content, complainant, phone, status, sign_due,
                                           close_due, created_by, is_repeat)
                    VALUES (:estate, :name, :path, :company, :category, :source, :no, :at, :content, :who, :phone,
                            'RECEIVED', :signDue, :closeDue, :by,
                            EXISTS (SELECT 1 FROM complaint p WHERE p.estate_id = :estate AND p.category = :category
                                    AND p.received_at <= :at AND p.received_at > CAST(:at AS timestamptz) - interval '30 days'))
                    ON CONFLICT (hotline_no) DO NOTHING RETURNING id),
                later AS (
                    UPDATE complaint SET is_repeat = TRUE
                    WHERE EXISTS (SELECT 1 FROM n) AND estate_id = :estate AND category = :category AND NOT is_repeat
                      AND received_at >= :at AND received_at < CAST(:at AS timestamptz) + interval '30 days')
                SELECT id FROM n""")
                .param("estate", c.estateId()).param("name", c.estateName()).param("path", c.estatePath())
                .param("company", c.companyId()).param("category", c.category()).param("source", c.source())
                .param("no", c.hotlineNo()).param("at", c.receivedAt()).param("content", c.content())
                .param("who", c.complainant()).param("phone", c.phone()).param("signDue", c.signDue())
                .param("closeDue", c.closeDue()).param("by", c.createdBy()).query(Long.class).optional();
    }

    Optional<Row> find(long id) {
        return jdbc.sql("""
                SELECT c.*, k.name AS category_name FROM complaint c JOIN complaint_category k ON k.code = c.category
                WHERE c.id = :id""").param("id", id).query((rs, n) -> row(rs)).optional();
    }

    Optional<Row> lock(long id) {
        return jdbc.sql("""
                SELECT c.*, k.name AS category_name FROM complaint c JOIN complaint_category k ON k.code = c.category
                WHERE c.id = :id FOR UPDATE OF c""").param("id", id).query((rs, n) -> row(rs)).optional();
    }

    /** Complaints under a region path, or assigned to a company, newest first (at most {@code limit}). */
    List<Row> list(String pathPrefix, Long assigneeCompany, ComplaintStatus status, int limit) {
        return list(pathPrefix, assigneeCompany, Filter.of(status), limit);
    }

    /**
     * What the list is narrowed to; {@code null} means any. {@code overdueOn}: only open work orders past their
     * signing (while unsigned) or closing deadline on that day. {@code from}/{@code to}: days received, China time.
     */
    public record Filter(ComplaintStatus status, String category, String estateName, String source,
                         LocalDate from, LocalDate to, LocalDate overdueOn) {

        public static Filter of(ComplaintStatus status) {
            return new Filter(status, null, null, null, null, null, null);
        }
    }

    List<Row> list(String pathPrefix, Long assigneeCompany, Filter f, int limit) {
        String name = f.estateName() == null || f.estateName().isBlank() ? null
                : "%" + f.estateName().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("""
                SELECT c.*, k.name AS category_name FROM complaint c JOIN complaint_category k ON k.code = c.category
                WHERE (CAST(:path AS text) IS NULL OR c.estate_path LIKE :path || '%')
                  AND (CAST(:company AS bigint) IS NULL OR c.assignee_company_id = :company)
                  AND (CAST(:status AS text) IS NULL OR c.status = :status)
                  AND (CAST(:category AS text) IS NULL OR c.category = :category)
                  AND (CAST(:name AS text) IS NULL OR c.estate_name LIKE :name)
                  AND (CAST(:source AS text) IS NULL OR c.source = :source)
                  AND (CAST(:from AS date) IS NULL OR c.received_at >= CAST(CAST(:from AS date) AS timestamp) AT TIME ZONE 'Asia/Shanghai')
                  AND (CAST(:to AS date) IS NULL
                       OR c.received_at < CAST(CAST(:to AS date) + 1 AS timestamp) AT TIME ZONE 'Asia/Shanghai')
                  AND (CAST(:today AS date) IS NULL OR (c.status NOT IN ('CLOSED', 'RETURNED')
                       AND (c.close_due < :today OR (c.status = 'RECEIVED' AND c.sign_due < :today))))
                ORDER BY c.received_at DESC, c.id DESC LIMIT :limit""")
                .param("path", pathPrefix).param("company", assigneeCompany)
                .param("status", f.status() == null ? null : f.status().name())
                .param("category", f.category(), java.sql.Types.VARCHAR).param("name", name, java.sql.Types.VARCHAR)
                .param("source", f.source(), java.sql.Types.VARCHAR).param("from", f.from(), java.sql.Types.DATE)
                .param("to", f.to(), java.sql.Types.DATE).param("today", f.overdueOn(), java.sql.Types.DATE)
                .param("limit", limit)
                .query((rs, n) -> row(rs)).list();
    }

    void save(Complaint c) {
        jdbc.sql("""
                UPDATE complaint SET status = :status, signed_at = :signed, assignee_company_id = :company,
                       assignee_department = :department, answer = :answer, answered_at = :answered,
                       closed_at = :closed, callback = :callback, verdict = :verdict, returned_reason = :reason, returned_at = :returned
                WHERE id = :id""")
                .param("status", c.status().name()).param("signed", c.signedAt())
                .param("company", c.assigneeCompanyId()).param("department", c.assigneeDepartment())
                .param("answer", c.answer()).param("answered", c.answeredAt()).param("closed", c.closedAt())
                .param("callback", c.callback() == null ? null : c.callback().name())
                .param("verdict", c.verdict() == null ? null : c.verdict().name())
                .param("reason", c.returnedReason()).param("returned", c.returnedAt()).param("id", c.id()).update();
    }

    /**
     * For the rest of the transaction, complaints filed or changed leave the daily roll-up alone (V35's trigger);
     * {@link #rebuildRollUp} then recounts the estates touched. An import of thousands of orders does this.
     */
    void deferRollUp() {
        jdbc.sql("SELECT set_config('kaoping.complaint_day', 'deferred', true)").query(String.class).single();
    }

    /** Recounts the daily roll-up of the estates from their complaints (V35), and keeps it by trigger again. */
    void rebuildRollUp(java.util.Collection<Long> estateIds) {
        jdbc.sql("SELECT complaint_day_recount(CAST(:ids AS bigint[]))").param("ids", estateIds.toArray(Long[]::new))
                .query((rs, n) -> 1).list();
        jdbc.sql("SELECT set_config('kaoping.complaint_day', '', true)").query(String.class).single();
    }

    /** The company's complaints closed as 属实 or 部分属实 in a calendar year (China time) that it handled. */
    int substantiated(long companyId, int year) {
        return jdbc.sql("""
                SELECT count(*) FROM complaint WHERE assignee_company_id = :company
                  AND verdict IN ('SUBSTANTIATED', 'PARTLY') AND status = 'CLOSED'
                  AND closed_at >= make_timestamptz(:year, 1, 1, 0, 0, 0, 'Asia/Shanghai')
                  AND closed_at < make_timestamptz(:year + 1, 1, 1, 0, 0, 0, 'Asia/Shanghai')""")
                .param("company", companyId).param("year", year).query(Integer.class).single();
    }

    void step(long id, OffsetDateTime at, String actor, String action, String note) {
        jdbc.sql("INSERT INTO complaint_step (complaint_id, at, actor, action, note) VALUES (:c, :at, :a, :x, :n)")
                .param("c", id).param("at", at).param("a", actor).param("x", action).param("n", note).update();
    }

    void addPhoto(long id, int position, java.util.UUID file, String name) {
        jdbc.sql("INSERT INTO complaint_photo (complaint_id, position, file_id, name) VALUES (:c, :p, :f, :n)")
                .param("c", id).param("p", position).param("f", file).param("n", name).update();
    }

    /** A photo sent with a complaint. */
    public record Photo(java.util.UUID fileId, String name) {
    }

    List<Photo> photos(long id) {
        return jdbc.sql("SELECT file_id, name FROM complaint_photo WHERE complaint_id = :c ORDER BY position")
                .param("c", id).query((rs, n) -> new Photo(rs.getObject("file_id", java.util.UUID.class),
                        rs.getString("name"))).list();
    }

    public record Step(OffsetDateTime at, String actor, String action, String note) {
    }

    List<Step> steps(long id) {
        return jdbc.sql("SELECT * FROM complaint_step WHERE complaint_id = :c ORDER BY id").param("c", id)
                .query((rs, n) -> new Step(rs.getObject("at", OffsetDateTime.class), rs.getString("actor"),
                        rs.getString("action"), rs.getString("note"))).list();
    }

    /** Open complaints past a deadline whose overdue event has not been published yet. */
    record Late(long id, String stage, long estateId, String estatePath, Long companyId, String category,
                LocalDate due) {
    }

    List<Late> late(LocalDate today, int limit) {
        return jdbc.sql("""
                SELECT id, 'SIGN' AS stage, estate_id, estate_path, company_id, category, sign_due AS due FROM complaint
                WHERE status = 'RECEIVED' AND sign_due < :today AND NOT sign_overdue_sent
                UNION ALL
                SELECT id, 'CLOSE', estate_id, estate_path, company_id, category, close_due FROM complaint
                WHERE status IN ('RECEIVED', 'SIGNED', 'ASSIGNED', 'ANSWERED') AND close_due < :today
                  AND NOT close_overdue_sent
                ORDER BY due LIMIT :limit""")
                .param("today", today).param("limit", limit)
                .query((rs, n) -> new Late(rs.getLong("id"), rs.getString("stage"), rs.getLong("estate_id"),
                        rs.getString("estate_path"), (Long) rs.getObject("company_id"), rs.getString("category"),
                        rs.getObject("due", LocalDate.class))).list();
    }

    boolean markOverdueSent(long id, String stage) {
        String sql = stage.equals("SIGN")
                ? "UPDATE complaint SET sign_overdue_sent = TRUE WHERE id = :id AND NOT sign_overdue_sent"
                : "UPDATE complaint SET close_overdue_sent = TRUE WHERE id = :id AND NOT close_overdue_sent";
        return jdbc.sql(sql).param("id", id).update() > 0;
    }

    private static Row row(ResultSet rs) throws SQLException {
        Complaint c = new Complaint(rs.getLong("id"), rs.getLong("estate_id"),
                ComplaintStatus.valueOf(rs.getString("status")), rs.getObject("sign_due", LocalDate.class),
                rs.getObject("close_due", LocalDate.class), rs.getObject("signed_at", OffsetDateTime.class),
                (Long) rs.getObject("assignee_company_id"), rs.getString("assignee_department"),
                rs.getString("answer"), rs.getObject("answered_at", OffsetDateTime.class),
                rs.getObject("closed_at", OffsetDateTime.class),
                rs.getString("callback") == null ? null : Callback.valueOf(rs.getString("callback")),
                rs.getString("verdict") == null ? null : Complaint.Verdict.valueOf(rs.getString("verdict")),
                rs.getString("returned_reason"), rs.getObject("returned_at", OffsetDateTime.class));
        return new Row(c, rs.getString("estate_name"), rs.getString("estate_path"),
                (Long) rs.getObject("company_id"), rs.getString("category"), rs.getString("category_name"),
                rs.getString("source"), rs.getString("hotline_no"), rs.getObject("received_at", OffsetDateTime.class),
                rs.getString("content"), rs.getString("complainant"), rs.getString("phone"));
    }
}
