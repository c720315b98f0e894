package cn.kaoping.account;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Read-only look-ups of users for other modules, e.g. the officers a street office may assign tasks to. */
@Component
public class AccountDirectory {

    private final JdbcClient jdbc;

    AccountDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The enabled street officers (STREET_OFFICER) of the region, by display name. */
    @Transactional(readOnly = true)
    public List<Officer> officersOf(long regionId) {
        return jdbc.sql("""
                SELECT id, username, display_name FROM app_user
                WHERE region_id = :region AND role = 'STREET_OFFICER' AND enabled
                ORDER BY display_name, username""")
                .param("region", regionId)
                .query((rs, i) -> new Officer(rs.getLong("id"), rs.getString("username"), rs.getString("display_name")))
                .list();
    }

    /** The enabled users of one role at the region (e.g. a district's department staff), by display name. */
    @Transactional(readOnly = true)
    public List<Officer> usersOf(long regionId, cn.kaoping.shared.Role role) {
        return jdbc.sql("""
                SELECT id, username, display_name FROM app_user
                WHERE region_id = :region AND role = :role AND enabled
                ORDER BY display_name, username""")
                .param("region", regionId).param("role", role.name())
                .query((rs, i) -> new Officer(rs.getLong("id"), rs.getString("username"), rs.getString("display_name")))
                .list();
    }

    /** Display names by username, for screens that name people (a username without an account maps to itself). */
    @Transactional(readOnly = true)
    public java.util.Map<String, String> displayNames(java.util.Collection<String> usernames) {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        List<String> wanted = usernames.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (wanted.isEmpty()) {
            return names;
        }
        jdbc.sql("SELECT username, display_name FROM app_user WHERE username = ANY (CAST(:names AS text[]))")
                .param("names", cn.kaoping.platform.database.SqlArrays.texts(wanted))
                .query((rs, i) -> names.put(rs.getString("username"), rs.getString("display_name"))).list();
        wanted.forEach(u -> names.putIfAbsent(u, u));
        return names;
    }

    /** The display name of one user, or the username when there is no such account. */
    @Transactional(readOnly = true)
    public String displayName(String username) {
        return username == null ? null : displayNames(List.of(username)).get(username);
    }

    /** A street officer: user id, username (what tasks record as assignee) and display name. */
    public record Officer(long id, String username, String displayName) {
    }
}
