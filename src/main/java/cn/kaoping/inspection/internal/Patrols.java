package cn.kaoping.inspection.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Weekly patrols and monthly checks of old estates in PostgreSQL. */
@Repository
public class Patrols {

    static final RowMapper<PatrolRow> ROW = (rs, i) -> new PatrolRow(rs.getLong("id"), rs.getLong("estate_id"),
            PatrolKind.valueOf(rs.getString("kind")), rs.getObject("recorded_on", LocalDate.class),
            rs.getString("scheme_code"), rs.getString("rule_code"), rs.getInt("count"), rs.getString("note"),
            rs.getObject("file_id", UUID.class), (Long) rs.getObject("carried_into"), rs.getString("created_by"));

    private final JdbcClient jdbc;

    Patrols(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long estateId, String estatePath, PatrolKind kind, LocalDate on, String scheme, String rule,
                       int count, String note, UUID fileId, String by, OffsetDateTime at) {
        return jdbc.sql("""
                INSERT INTO patrol_record (estate_id, estate_path, kind, recorded_on, scheme_code, rule_code, count,
                                           note, file_id, created_by, created_at)
                VALUES (:estate, :path, :kind, :on, :scheme, :rule, :count, :note, :file, :by, :at) RETURNING id""")
                .param("estate", estateId).param("path", estatePath).param("kind", kind.name()).param("on", on)
                .param("scheme", scheme).param("rule", rule).param("count", count).param("note", note)
                .param("file", fileId).param("by", by).param("at", at).query(Long.class).single();
    }

    /** The records of an estate, newest first (at most 500). */
    public List<PatrolRow> ofEstate(long estateId) {
        return jdbc.sql("SELECT * FROM patrol_record WHERE estate_id = :id ORDER BY recorded_on DESC, id DESC LIMIT 500")
                .param("id", estateId).query(ROW).list();
    }

    /** The records of an estate for a scheme within a period, oldest first. */
    public List<PatrolRow> within(long estateId, String scheme, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT * FROM patrol_record
                WHERE estate_id = :id AND scheme_code = :scheme AND recorded_on BETWEEN :from AND :to
                ORDER BY recorded_on, id""")
                .param("id", estateId).param("scheme", scheme).param("from", from).param("to", to).query(ROW).list();
    }

    /** Marks records as carried into an inspection; only those not carried yet. Returns how many were marked. */
    public int markCarried(List<Long> ids, long inspectionId) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("UPDATE patrol_record SET carried_into = :insp WHERE id IN (:ids) AND carried_into IS NULL")
                .param("insp", inspectionId).param("ids", ids).update();
    }

    /** The kinds of quick entry for old estates (seed 004): weekly patrol 周巡查 and monthly check 月考核. */
    public enum PatrolKind {
        WEEKLY("周巡查"), MONTHLY("月考核");

        private final String label;

        PatrolKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One patrol record. */
    public record PatrolRow(long id, long estateId, PatrolKind kind, LocalDate recordedOn, String schemeCode,
                            String rule, int count, String note, UUID fileId, Long carriedInto, String createdBy) {
    }
}
