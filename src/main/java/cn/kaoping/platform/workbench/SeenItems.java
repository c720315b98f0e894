package cn.kaoping.platform.workbench;

import cn.kaoping.platform.database.SqlArrays;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Which work items a user has seen (opened the workbench while they were listed): the bell counts the others. */
@Component
public class SeenItems {

    private final JdbcClient jdbc;
    private final Clock clock;

    SeenItems(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The items of the list the user has not seen yet. */
    @Transactional(readOnly = true)
    public List<WorkItem> unseen(String username, List<WorkItem> items) {
        if (items.isEmpty()) {
            return List.of();
        }
        Set<String> seen = new HashSet<>(jdbc.sql("""
                SELECT item_key FROM workbench_seen WHERE username = :u AND item_key = ANY (CAST(:keys AS text[]))""")
                .param("u", username).param("keys", SqlArrays.texts(items.stream().map(WorkItem::key).toList()))
                .query(String.class).list());
        return items.stream().filter(i -> !seen.contains(i.key())).toList();
    }

    /** Marks the listed items seen, and forgets the keys of items no longer listed (done or gone). */
    @Transactional
    public void markSeen(String username, List<WorkItem> items) {
        String[] keys = items.stream().map(WorkItem::key).distinct().toArray(String[]::new);
        jdbc.sql("""
                DELETE FROM workbench_seen WHERE username = :u AND NOT (item_key = ANY (CAST(:keys AS text[])))""")
                .param("u", username).param("keys", SqlArrays.texts(List.of(keys))).update();
        jdbc.sql("""
                INSERT INTO workbench_seen (username, item_key, seen_at)
                SELECT :u, k, :at FROM unnest(CAST(:keys AS text[])) AS k
                ON CONFLICT DO NOTHING""")
                .param("u", username).param("keys", SqlArrays.texts(List.of(keys)))
                .param("at", OffsetDateTime.now(clock)).update();
    }
}
