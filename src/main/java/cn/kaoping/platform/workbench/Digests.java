package cn.kaoping.platform.workbench;

import cn.kaoping.platform.notification.Notification;
import cn.kaoping.platform.notification.Notifier;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily digest of a user's work items: stored in-app (the digests page) and handed to the notification port,
 * which delivers it when the deployment has an e-mail adapter and logs it otherwise.
 */
@Component
public class Digests {

    /** At most this many items are spelled out in one digest; the rest are counted. */
    static final int SPELLED_OUT = 20;

    private final JdbcClient jdbc;
    private final Notifier notifier;
    private final Clock clock;

    Digests(JdbcClient jdbc, Notifier notifier, Clock clock) {
        this.jdbc = jdbc;
        this.notifier = notifier;
        this.clock = clock;
    }

    /**
     * Writes today's digest of the items for the user, once (a second call the same day changes nothing); nothing for
     * a user with nothing to do. Returns whether a digest was written.
     */
    @Transactional
    public boolean write(String username, String displayName, Workbench.Items items) {
        if (items.items().isEmpty()) {
            return false;
        }
        String body = body(items);
        int written = jdbc.sql("""
                INSERT INTO workbench_digest (username, day, items, overdue, body, created_at)
                VALUES (:u, :day, :items, :overdue, :body, :at) ON CONFLICT DO NOTHING""")
                .param("u", username).param("day", items.today()).param("items", items.items().size())
                .param("overdue", (int) items.overdue()).param("body", body).param("at", OffsetDateTime.now(clock))
                .update();
        if (written > 0) {
            notifier.send(new Notification(Notification.Channel.EMAIL, displayName,
                    "考评工作台 " + items.today() + "：待办 " + items.items().size() + " 项", body));
        }
        return written > 0;
    }

    /** The user's digests, newest first (the last 30). */
    @Transactional(readOnly = true)
    public List<Digest> of(String username) {
        return jdbc.sql("""
                SELECT day, items, overdue, body FROM workbench_digest WHERE username = :u ORDER BY day DESC LIMIT 30""")
                .param("u", username)
                .query((rs, i) -> new Digest(rs.getObject("day", LocalDate.class), rs.getInt("items"),
                        rs.getInt("overdue"), rs.getString("body")))
                .list();
    }

    static String body(Workbench.Items items) {
        DateTimeFormatter day = DateTimeFormatter.ofPattern("M月d日");
        StringBuilder b = new StringBuilder("待办 %d 项，其中逾期 %d 项。%n".formatted(items.items().size(),
                items.overdue()));
        items.items().stream().limit(SPELLED_OUT).forEach(i -> b.append("· ")
                .append(i.overdueOn(items.today()) ? "【逾期】" : "").append(i.title())
                .append(i.subject() == null ? "" : "（" + i.subject() + "）")
                .append(i.due() == null ? "" : "，" + i.due().format(day) + "前").append('\n'));
        if (items.items().size() > SPELLED_OUT) {
            b.append("……另有 ").append(items.items().size() - SPELLED_OUT).append(" 项，请登录工作台查看。\n");
        }
        return b.toString();
    }

    public record Digest(LocalDate day, int items, int overdue, String body) {
    }
}
