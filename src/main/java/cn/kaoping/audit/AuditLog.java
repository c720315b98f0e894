package cn.kaoping.audit;

import cn.kaoping.shared.CurrentUser;
import cn.kaoping.shared.Paged;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends to and reads the audit log. Appending joins the caller's transaction, so a change and its audit
 * line commit together or not at all; a cluster-wide advisory lock keeps the hash chain linear across instances.
 */
@Service
public class AuditLog {

    private static final long CHAIN_LOCK = 0x6b616f70696e67L; // "kaoping"
    private static final String GENESIS = "0".repeat(64);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Records a change by the current user. {@code before}/{@code after} are any JSON-serialisable values. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String entityType, Object entityId, String summary, Object before,
                       Object after) {
        recordAs(CurrentUser.name(), action, entityType, entityId, summary, before, after);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAs(String actor, String action, String entityType, Object entityId, String summary,
                         Object before, Object after) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:lock)").param("lock", CHAIN_LOCK).query().singleRow();
        String prev = jdbc.sql("SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1")
                .query(String.class).optional().orElse(GENESIS);
        jdbc.sql("""
                INSERT INTO audit_event (occurred_at, actor, action, entity_type, entity_id, summary, before, after,
                                         prev_hash, hash)
                VALUES (:at, :actor, :action, :type, :id, :summary, CAST(:before AS jsonb), CAST(:after AS jsonb),
                        :prev, audit_hash(:prev, :at, :actor, :action, :type, :id, :summary,
                                          CAST(:before AS jsonb), CAST(:after AS jsonb)))
                """)
                .param("at", OffsetDateTime.now(clock))
                .param("actor", actor)
                .param("action", action)
                .param("type", entityType)
                .param("id", entityId == null ? null : entityId.toString())
                .param("summary", summary)
                .param("before", toJson(before))
                .param("after", toJson(after))
                .param("prev", prev)
                .update();
    }

    private String toJson(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }

    @Transactional(readOnly = true)
    public Paged<AuditEntry> search(AuditQuery q, int page, int size) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (q.actor() != null && !q.actor().isBlank()) {
            where.add("actor = :actor");
            params.put("actor", q.actor().trim());
        }
        if (q.entityType() != null && !q.entityType().isBlank()) {
            where.add("entity_type = :type");
            params.put("type", q.entityType().trim());
        }
        if (q.entityId() != null && !q.entityId().isBlank()) {
            where.add("entity_id = :eid");
            params.put("eid", q.entityId().trim());
        }
        if (q.action() != null && !q.action().isBlank()) {
            where.add("action = :action");
            params.put("action", q.action().trim());
        }
        ZoneId zone = clock.getZone();
        if (q.from() != null) {
            where.add("occurred_at >= :from");
            params.put("from", q.from().atStartOfDay(zone).toOffsetDateTime());
        }
        if (q.to() != null) {
            where.add("occurred_at < :to");
            params.put("to", q.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        }
        String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        long total = jdbc.sql("SELECT count(*) FROM audit_event" + filter).params(params).query(Long.class).single();
        // people are named as the accounts table names them today (read, not imported: account writes to this log)
        List<AuditEntry> rows = jdbc.sql("""
                SELECT a.id, a.occurred_at, a.actor,
                       CASE WHEN a.actor = 'system' THEN '系统' ELSE COALESCE(u.display_name, a.actor) END AS actor_name,
                       a.action, a.entity_type, a.entity_id, a.summary, a.before::text AS before, a.after::text AS after
                FROM (SELECT * FROM audit_event""" + filter + """
                 ORDER BY id DESC LIMIT :limit OFFSET :offset) a
                LEFT JOIN app_user u ON u.username = a.actor
                ORDER BY a.id DESC""")
                .params(params).param("limit", size).param("offset", (long) (page - 1) * size)
                .query((rs, i) -> new AuditEntry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class),
                        rs.getString("actor"), rs.getString("actor_name"), rs.getString("action"),
                        rs.getString("entity_type"),
                        rs.getString("entity_id"), rs.getString("summary"), rs.getString("before"),
                        rs.getString("after")))
                .list();
        return new Paged<>(rows, page, size, total);
    }

    /** The id of the first row whose hash does not match its content and predecessor, if any. */
    @Transactional(readOnly = true)
    public Optional<Long> firstBrokenLink() {
        return jdbc.sql("""
                SELECT id FROM (
                    SELECT id, hash, prev_hash,
                           lag(hash, 1, :genesis) OVER (ORDER BY id) AS expected_prev,
                           audit_hash(prev_hash, occurred_at, actor, action, entity_type, entity_id, summary,
                                      before, after) AS recomputed
                    FROM audit_event) chain
                WHERE prev_hash <> expected_prev OR hash <> recomputed
                ORDER BY id LIMIT 1""")
                .param("genesis", GENESIS).query(Long.class).optional();
    }
}
