package cn.kaoping.casework.randomcheck;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Random checks and their inspection records (tables random_check, random_check_record). */
@Repository
public class RandomCheckStore {

    private final JdbcClient jdbc;

    RandomCheckStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long districtId, String path, String name, String title, int count, String objects,
                String inspectors, String conflicts, String objectsHash, String inspectorsHash, String commitment,
                String secret, String by, OffsetDateTime at) {
        return jdbc.sql("""
                INSERT INTO random_check (district_id, district_path, district_name, title, count, objects,
                    inspectors, conflicts, objects_hash, inspectors_hash, commitment, secret, status, frozen_by,
                    frozen_at)
                VALUES (:d, :p, :n, :t, :c, CAST(:o AS jsonb), CAST(:i AS jsonb), CAST(:x AS jsonb), :oh, :ih, :cm,
                        :s, :status, :by, :at) RETURNING id""")
                .param("d", districtId).param("p", path).param("n", name).param("t", title).param("c", count)
                .param("o", objects).param("i", inspectors).param("x", conflicts).param("oh", objectsHash)
                .param("ih", inspectorsHash).param("cm", commitment).param("s", secret)
                .param("status", RandomCheckStatus.FROZEN.name()).param("by", by)
                .param("at", at).query(Long.class).single();
    }

    /** Keeps a drawn check, unless it was drawn meanwhile. */
    boolean drawn(RandomCheck c) {
        return jdbc.sql("""
                UPDATE random_check SET status = :status, seed = :s, pairs = CAST(:p AS jsonb), drawn_at = :at
                WHERE id = :id AND status = 'FROZEN'""")
                .param("status", c.status().name()).param("s", c.seed()).param("p", c.pairs())
                .param("at", c.drawnAt()).param("id", c.id()).update() == 1;
    }

    public Optional<RandomCheck> check(long id) {
        return jdbc.sql("SELECT * FROM random_check WHERE id = :id").param("id", id).query(RandomCheckStore::check)
                .optional();
    }

    public List<RandomCheck> under(String path) {
        return jdbc.sql("""
                SELECT * FROM random_check WHERE district_path LIKE :p || '%' OR :p LIKE district_path || '%'
                ORDER BY frozen_at DESC""").param("p", path).query(RandomCheckStore::check).list();
    }

    public List<RandomCheck> drawnChecks() {
        return jdbc.sql("SELECT * FROM random_check WHERE status = 'DRAWN' ORDER BY drawn_at DESC LIMIT 200")
                .query(RandomCheckStore::check).list();
    }

    boolean insertRecord(long checkId, String objectId, LocalDate on, boolean passed, String findings, UUID photo,
                         LocalDate publishBy, String by, OffsetDateTime at) {
        return jdbc.sql("""
                INSERT INTO random_check_record (check_id, object_id, inspected_on, passed, findings, photo,
                                                 publish_by, recorded_by, recorded_at)
                VALUES (:c, :o, :on, :p, :f, :ph, :by_date, :by, :at) ON CONFLICT DO NOTHING""")
                .param("c", checkId).param("o", objectId).param("on", on).param("p", passed).param("f", findings)
                .param("ph", photo).param("by_date", publishBy).param("by", by).param("at", at).update() == 1;
    }

    /** Keeps a result published, unless it was published meanwhile. */
    boolean publish(CheckResult r) {
        return jdbc.sql("""
                UPDATE random_check_record SET published_on = :on
                WHERE check_id = :c AND object_id = :o AND published_on IS NULL""")
                .param("on", r.publishedOn()).param("c", r.checkId()).param("o", r.objectId()).update() == 1;
    }

    public List<CheckResult> records(long checkId) {
        return jdbc.sql("SELECT * FROM random_check_record WHERE check_id = :c ORDER BY object_id")
                .param("c", checkId)
                .query((rs, i) -> new CheckResult(rs.getLong("check_id"), rs.getString("object_id"),
                        rs.getObject("inspected_on", LocalDate.class), rs.getBoolean("passed"),
                        rs.getString("findings"), rs.getObject("photo", UUID.class),
                        rs.getObject("publish_by", LocalDate.class), rs.getObject("published_on", LocalDate.class),
                        rs.getString("recorded_by"))).list();
    }

    private static RandomCheck check(ResultSet rs, int i) throws SQLException {
        return new RandomCheck(rs.getLong("id"), rs.getLong("district_id"), rs.getString("district_path"),
                rs.getString("district_name"), rs.getString("title"), rs.getInt("count"), rs.getString("objects"),
                rs.getString("inspectors"), rs.getString("conflicts"), rs.getString("objects_hash"),
                rs.getString("inspectors_hash"), rs.getString("commitment"), rs.getString("secret"),
                rs.getString("seed"), rs.getString("pairs"), RandomCheckStatus.valueOf(rs.getString("status")),
                rs.getString("frozen_by"),
                rs.getObject("frozen_at", OffsetDateTime.class), rs.getObject("drawn_at", OffsetDateTime.class));
    }
}
