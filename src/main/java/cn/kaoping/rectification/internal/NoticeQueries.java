package cn.kaoping.rectification.internal;

import cn.kaoping.platform.storage.FileStore;
import cn.kaoping.platform.storage.StoredFile;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.Paged;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the rectification screens, the API and the use cases read about notices, always within the principal's scope
 * (404 outside it): the list with its filters, one notice's page, the reminders, a photo; and the notice locked for
 * the next step of whoever may take it.
 */
@Service
public class NoticeQueries {

    private final Notices notices;
    private final JdbcClient jdbc;
    private final FileStore files;
    private final Clock clock;

    NoticeQueries(Notices notices, JdbcClient jdbc, FileStore files, Clock clock) {
        this.notices = notices;
        this.jdbc = jdbc;
        this.files = files;
        this.clock = clock;
    }

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
        sql.query((rs, i) -> result.put(rs.getLong("street_id"), rs.getString("street_name"))).list();
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
                .query((rs, i) -> new Views.FollowUp(rs.getString("status"),
                        rs.getObject("scheduled_on", LocalDate.class), rs.getObject("done_at", OffsetDateTime.class))).optional().orElse(null);
        List<Views.Reminder> reminders = jdbc.sql("""
                SELECT r.notice_id, n.number, r.sent_on, r.message FROM rectification_reminder r
                JOIN rectification_notice n ON n.id = r.notice_id WHERE r.notice_id = :n ORDER BY r.sent_on DESC""")
                .param("n", id).query((rs, i) -> new Views.Reminder(rs.getLong("notice_id"),
                        rs.getString("number"), rs.getObject("sent_on", LocalDate.class), rs.getString("message"))).list();
        boolean inScopeOfficial = Access.official(p) && p.covers(n.header().estatePath());
        return new Views.NoticePage(n, photos, notices.steps(id), followUp, reminders, n.overdue(today()),
                inScopeOfficial && Access.issues(p) && n.status() == NoticeStatus.DRAFT,
                Access.answers(p, n) && n.status() == NoticeStatus.ISSUED,
                inScopeOfficial && Access.accepts(p) && n.status() == NoticeStatus.SUBMITTED,
                inScopeOfficial && Access.reopens(p) && n.status() == NoticeStatus.CLOSED,
                n.status() == NoticeStatus.DRAFT ? n.header().text(today().plusDays(n.header().deadlineDays()))
                        : n.header().body());
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
                .query((rs, i) -> new Views.Reminder(rs.getLong("notice_id"), rs.getString("number"),
                        rs.getObject("sent_on", LocalDate.class), rs.getString("message"))).list();
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

    /** The notice if the principal sees it; 404 otherwise. */
    Notice visible(KaopingPrincipal p, long id) {
        Notice n = notices.find(id).orElseThrow(NoticeQueries::notFound);
        if (!Access.sees(p, n)) {
            throw notFound();
        }
        return n;
    }

    /** The notice locked for a draft's change by a street office or district (403 for anyone else who sees it). */
    Notice drafting(KaopingPrincipal p, long id) {
        Notice seen = visible(p, id);
        if (!Access.issues(p)) {
            throw new ForbiddenException("只有街道办事处和区房产主管部门可以编辑、下达整改通知书");
        }
        return notices.lock(seen.id()).orElseThrow(NoticeQueries::notFound);
    }

    /** The notice locked for its company's answer (403 for anyone else who sees it). */
    Notice answering(KaopingPrincipal p, long id) {
        Notice seen = visible(p, id);
        if (!Access.answers(p, seen)) {
            throw new ForbiddenException("只有收到通知书的物业服务企业可以填写整改情况");
        }
        return notices.lock(seen.id()).orElseThrow(NoticeQueries::notFound);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    static NotFoundException notFound() {
        return new NotFoundException("整改通知书不存在");
    }

    /** For tests and the demo: the id of a problem at a position. */
    Optional<Long> problemAt(long noticeId, int position) {
        return notices.problems(noticeId).stream().filter(x -> x.position() == position).map(Problem::id).findFirst();
    }
}
