package cn.kaoping.streetassessment.year;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The assessment years, their nodes, submissions, events, objections and published quarters (tables sa_*). */
@Repository
public class AssessmentStore {

    private static final TypeReference<LinkedHashMap<String, BigDecimal>> FIGURES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AssessmentStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // ---- years and streets

    public record Year(long id, long districtId, String districtPath, String districtName, String schemeCode,
                       int schemeVersion, int year, int objectionDays, BigDecimal unqualifiedBelow, String openedBy,
                       OffsetDateTime openedAt) {
    }

    public record Street(long streetId, String name, String path) {
    }

    long insertYear(long districtId, String districtPath, String districtName, String schemeCode, int version,
                    int year, int objectionDays, BigDecimal unqualifiedBelow, String by, OffsetDateTime at) {
        return jdbc.sql("""
                INSERT INTO sa_year (district_id, district_path, district_name, scheme_code, scheme_version, year,
                                     objection_days, unqualified_below, opened_by, opened_at)
                VALUES (:district, :path, :name, :code, :version, :year, :days, :below, :by, :at)
                ON CONFLICT (district_id, scheme_code, year) DO NOTHING
                RETURNING id""")
                .param("district", districtId).param("path", districtPath).param("name", districtName)
                .param("code", schemeCode).param("version", version).param("year", year)
                .param("days", objectionDays).param("below", unqualifiedBelow).param("by", by).param("at", at)
                .query(Long.class).optional().orElse(-1L);
    }

    void insertStreet(long yearId, long streetId, String name, String path) {
        jdbc.sql("INSERT INTO sa_street (year_id, street_id, street_name, street_path) VALUES (:y, :s, :n, :p)")
                .param("y", yearId).param("s", streetId).param("n", name).param("p", path).update();
    }

    public Optional<Year> year(long id) {
        return jdbc.sql("SELECT * FROM sa_year WHERE id = :id").param("id", id).query(AssessmentStore::year)
                .optional();
    }

    /** The years of every district under (or above) a region path, newest first. */
    public List<Year> yearsUnder(String path) {
        return jdbc.sql("""
                SELECT * FROM sa_year WHERE district_path LIKE :path || '%' OR :path LIKE district_path || '%'
                ORDER BY year DESC, district_path, id DESC""")
                .param("path", path).query(AssessmentStore::year).list();
    }

    /** Serialises publications of one year (revision numbers). */
    void lockYear(long id) {
        jdbc.sql("SELECT id FROM sa_year WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).single();
    }

    public List<Street> streets(long yearId) {
        return jdbc.sql("SELECT * FROM sa_street WHERE year_id = :y ORDER BY street_path")
                .param("y", yearId)
                .query((rs, i) -> new Street(rs.getLong("street_id"), rs.getString("street_name"),
                        rs.getString("street_path"))).list();
    }

    void assign(long yearId, String department, String username) {
        jdbc.sql("""
                INSERT INTO sa_department (year_id, department, username) VALUES (:y, :d, :u)
                ON CONFLICT (year_id, department) DO UPDATE SET username = EXCLUDED.username""")
                .param("y", yearId).param("d", department).param("u", username).update();
    }

    void unassign(long yearId, String department) {
        jdbc.sql("DELETE FROM sa_department WHERE year_id = :y AND department = :d")
                .param("y", yearId).param("d", department).update();
    }

    /** Department → the user who reviews its rows. */
    public Map<String, String> reviewers(long yearId) {
        Map<String, String> m = new LinkedHashMap<>();
        jdbc.sql("SELECT department, username FROM sa_department WHERE year_id = :y ORDER BY department")
                .param("y", yearId).query(rs -> {
                    m.put(rs.getString("department"), rs.getString("username"));
                });
        return m;
    }

    // ---- nodes and submissions

    public record FileRef(UUID id, String name) {
    }

    public record Submission(long id, long nodeId, String note, Map<String, BigDecimal> figures, String submittedBy,
                             OffsetDateTime submittedAt, String outcome, String reason, String reviewedBy,
                             OffsetDateTime reviewedAt, List<FileRef> files) {

        public boolean awaitingReview() {
            return outcome == null;
        }
    }

    void insertNode(long yearId, long streetId, String item, String rule, String label, String department,
                    LocalDate due) {
        jdbc.sql("""
                INSERT INTO sa_node (year_id, street_id, item_code, rule_code, label, department, due, status)
                VALUES (:y, :s, :item, :rule, :label, :dept, :due, 'OPEN')""")
                .param("y", yearId).param("s", streetId).param("item", item).param("rule", rule)
                .param("label", label).param("dept", department).param("due", due).update();
    }

    private static final String NODE = """
            SELECT n.*, s.street_name FROM sa_node n
            JOIN sa_street s ON s.year_id = n.year_id AND s.street_id = n.street_id""";

    public Optional<Node> node(long id) {
        return jdbc.sql(NODE + " WHERE n.id = :id").param("id", id).query(AssessmentStore::node).optional();
    }

    Optional<Node> lockNode(long id) {
        return jdbc.sql(NODE + " WHERE n.id = :id FOR UPDATE OF n").param("id", id).query(AssessmentStore::node)
                .optional();
    }

    /** The nodes of a year, of one street or all ({@code streetId} null), by due date. */
    public List<Node> nodes(long yearId, Long streetId) {
        return jdbc.sql(NODE + """
                 WHERE n.year_id = :y AND (CAST(:s AS bigint) IS NULL OR n.street_id = :s)
                ORDER BY n.due, s.street_path, n.rule_code""")
                .param("y", yearId).param("s", streetId).query(AssessmentStore::node).list();
    }

    /**
     * Open or returned nodes of the streets under a path due from {@code from} to {@code until}, soonest first (a
     * past year's missed nodes stay out of today's work).
     */
    public List<Node> dueUnder(String path, LocalDate from, LocalDate until, int limit) {
        return jdbc.sql(NODE + """
                 WHERE s.street_path LIKE :path || '%' AND n.status IN ('OPEN', 'RETURNED')
                   AND n.due BETWEEN :from AND :until
                ORDER BY n.due, n.id LIMIT :limit""")
                .param("path", path).param("from", from).param("until", until).param("limit", limit)
                .query(AssessmentStore::node).list();
    }

    /** Nodes of every year due exactly on one of the days, still open or returned (for reminders). */
    public List<Node> dueOn(List<LocalDate> days) {
        return jdbc.sql(NODE + """
                 WHERE n.status IN ('OPEN', 'RETURNED') AND n.due = ANY (CAST(:days AS date[]))
                ORDER BY n.due, n.id""")
                .param("days", days.stream().map(LocalDate::toString).toArray(String[]::new))
                .query(AssessmentStore::node).list();
    }

    /** Keeps a node's new status. */
    void save(Node node) {
        jdbc.sql("UPDATE sa_node SET status = :s WHERE id = :id").param("s", node.status().name())
                .param("id", node.id()).update();
    }

    long insertSubmission(long nodeId, String note, Map<String, BigDecimal> figures, String by, OffsetDateTime at) {
        return jdbc.sql("""
                INSERT INTO sa_submission (node_id, note, figures, submitted_by, submitted_at)
                VALUES (:node, :note, CAST(:figures AS jsonb), :by, :at) RETURNING id""")
                .param("node", nodeId).param("note", note).param("figures", json.writeValueAsString(figures))
                .param("by", by).param("at", at).query(Long.class).single();
    }

    void attach(long submissionId, UUID fileId, String name) {
        jdbc.sql("INSERT INTO sa_submission_file (submission_id, file_id, name) VALUES (:s, :f, :n)")
                .param("s", submissionId).param("f", fileId).param("n", name).update();
    }

    boolean review(long submissionId, String outcome, String reason, String by, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE sa_submission SET outcome = :o, reason = :r, reviewed_by = :by, reviewed_at = :at
                WHERE id = :id AND outcome IS NULL""")
                .param("o", outcome).param("r", reason).param("by", by).param("at", at).param("id", submissionId)
                .update() == 1;
    }

    /** The submissions of the given nodes, oldest first, with their files. */
    public List<Submission> submissions(List<Long> nodeIds) {
        if (nodeIds.isEmpty()) {
            return List.of();
        }
        Map<Long, List<FileRef>> files = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT f.* FROM sa_submission_file f JOIN sa_submission s ON s.id = f.submission_id
                WHERE s.node_id = ANY (CAST(:ids AS bigint[])) ORDER BY f.name""")
                .param("ids", nodeIds.toArray(Long[]::new))
                .query(rs -> {
                    files.computeIfAbsent(rs.getLong("submission_id"), k -> new java.util.ArrayList<>())
                            .add(new FileRef(rs.getObject("file_id", UUID.class), rs.getString("name")));
                });
        return jdbc.sql("""
                SELECT * FROM sa_submission WHERE node_id = ANY (CAST(:ids AS bigint[])) ORDER BY submitted_at, id""")
                .param("ids", nodeIds.toArray(Long[]::new))
                .query((rs, i) -> new Submission(rs.getLong("id"), rs.getLong("node_id"), rs.getString("note"),
                        json.readValue(rs.getString("figures"), FIGURES), rs.getString("submitted_by"),
                        rs.getObject("submitted_at", OffsetDateTime.class), rs.getString("outcome"),
                        rs.getString("reason"), rs.getString("reviewed_by"),
                        rs.getObject("reviewed_at", OffsetDateTime.class),
                        files.getOrDefault(rs.getLong("id"), List.of()))).list();
    }

    /** Whether a file belongs to a submission of the node (so that it may be shown to who sees the node). */
    public boolean fileOfNode(long nodeId, UUID fileId) {
        return jdbc.sql("""
                SELECT count(*) FROM sa_submission_file f JOIN sa_submission s ON s.id = f.submission_id
                WHERE s.node_id = :node AND f.file_id = :file""")
                .param("node", nodeId).param("file", fileId).query(Long.class).single() > 0;
    }

    // ---- events

    public record Event(long id, long yearId, long streetId, String streetName, String ruleCode, int count,
                        LocalDate occurredOn, String note, UUID fileId, String department, String recordedBy,
                        OffsetDateTime recordedAt) {
    }

    long insertEvent(long yearId, long streetId, String rule, int count, LocalDate on, String note, UUID file,
                     String department, String by, OffsetDateTime at) {
        return jdbc.sql("""
                INSERT INTO sa_event (year_id, street_id, rule_code, count, occurred_on, note, file_id, department,
                                      recorded_by, recorded_at)
                VALUES (:y, :s, :rule, :count, :on, :note, :file, :dept, :by, :at) RETURNING id""")
                .param("y", yearId).param("s", streetId).param("rule", rule).param("count", count)
                .param("on", on).param("note", note).param("file", file).param("dept", department)
                .param("by", by).param("at", at).query(Long.class).single();
    }

    public Optional<Event> event(long id) {
        return jdbc.sql("""
                SELECT e.*, s.street_name FROM sa_event e
                JOIN sa_street s ON s.year_id = e.year_id AND s.street_id = e.street_id WHERE e.id = :id""")
                .param("id", id).query(AssessmentStore::event).optional();
    }

    public List<Event> events(long yearId, Long streetId) {
        return jdbc.sql("""
                SELECT e.*, s.street_name FROM sa_event e
                JOIN sa_street s ON s.year_id = e.year_id AND s.street_id = e.street_id
                WHERE e.year_id = :y AND (CAST(:s AS bigint) IS NULL OR e.street_id = :s)
                ORDER BY e.occurred_on, e.id""")
                .param("y", yearId).param("s", streetId).query(AssessmentStore::event).list();
    }

    // ---- objections

    public record Objection(long id, long yearId, long streetId, Long eventId, Long nodeId, String reason,
                            String filedBy, OffsetDateTime filedAt, String decision, String answer,
                            String decidedBy, OffsetDateTime decidedAt) {

        public boolean open() {
            return decision == null;
        }

        public boolean withdrawn() {
            return "WITHDRAWN".equals(decision);
        }
    }

    Optional<Long> insertObjection(long yearId, long streetId, Long eventId, Long nodeId, String reason, String by,
                                   OffsetDateTime at) {
        return jdbc.sql("""
                INSERT INTO sa_objection (year_id, street_id, event_id, node_id, reason, filed_by, filed_at)
                VALUES (:y, :s, :e, :n, :r, :by, :at) ON CONFLICT DO NOTHING RETURNING id""")
                .param("y", yearId).param("s", streetId).param("e", eventId).param("n", nodeId).param("r", reason)
                .param("by", by).param("at", at).query(Long.class).optional();
    }

    public Optional<Objection> objection(long id) {
        return jdbc.sql("SELECT * FROM sa_objection WHERE id = :id").param("id", id)
                .query(AssessmentStore::objection).optional();
    }

    public List<Objection> objections(long yearId, Long streetId) {
        return jdbc.sql("""
                SELECT * FROM sa_objection WHERE year_id = :y AND (CAST(:s AS bigint) IS NULL OR street_id = :s)
                ORDER BY filed_at, id""")
                .param("y", yearId).param("s", streetId).query(AssessmentStore::objection).list();
    }

    boolean decide(long id, String decision, String answer, String by, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE sa_objection SET decision = :d, answer = :a, decided_by = :by, decided_at = :at
                WHERE id = :id AND decision IS NULL""")
                .param("d", decision).param("a", answer).param("by", by).param("at", at).param("id", id)
                .update() == 1;
    }

    // ---- reminders

    boolean markReminded(long nodeId, int daysBefore, OffsetDateTime at) {
        return jdbc.sql("""
                INSERT INTO sa_reminder (node_id, days_before, sent_at) VALUES (:n, :d, :at)
                ON CONFLICT DO NOTHING""")
                .param("n", nodeId).param("d", daysBefore).param("at", at).update() == 1;
    }

    // ---- published quarters

    public record Quarter(long id, long yearId, int quarter, int revision, LocalDate asOf, String reason,
                          String publishedBy, OffsetDateTime publishedAt) {
    }

    public record QuarterResult(long streetId, String streetName, BigDecimal total, int place, String evaluation) {
    }

    long insertQuarter(long yearId, int quarter, int revision, LocalDate asOf, String reason, String by,
                       OffsetDateTime at) {
        return jdbc.sql("""
                INSERT INTO sa_quarter (year_id, quarter, revision, as_of, reason, published_by, published_at)
                VALUES (:y, :q, :r, :asOf, :reason, :by, :at) RETURNING id""")
                .param("y", yearId).param("q", quarter).param("r", revision).param("asOf", asOf)
                .param("reason", reason).param("by", by).param("at", at).query(Long.class).single();
    }

    void insertResult(long quarterId, QuarterResult r) {
        jdbc.sql("""
                INSERT INTO sa_quarter_result (quarter_id, street_id, street_name, total, place, evaluation)
                VALUES (:q, :s, :n, :t, :p, CAST(:e AS jsonb))""")
                .param("q", quarterId).param("s", r.streetId()).param("n", r.streetName()).param("t", r.total())
                .param("p", r.place()).param("e", r.evaluation()).update();
    }

    /** Every published revision of a year, newest revision of each quarter last. */
    public List<Quarter> quarters(long yearId) {
        return jdbc.sql("SELECT * FROM sa_quarter WHERE year_id = :y ORDER BY quarter, revision")
                .param("y", yearId).query(AssessmentStore::quarter).list();
    }

    public Optional<Quarter> quarter(long id) {
        return jdbc.sql("SELECT * FROM sa_quarter WHERE id = :id").param("id", id).query(AssessmentStore::quarter)
                .optional();
    }

    /** The latest revision of every published quarter of every year, newest first (the public list). */
    public List<Quarter> latestPublished(int limit) {
        return jdbc.sql("""
                SELECT q.* FROM sa_quarter q
                WHERE q.revision = (SELECT max(revision) FROM sa_quarter o
                                    WHERE o.year_id = q.year_id AND o.quarter = q.quarter)
                ORDER BY q.published_at DESC LIMIT :limit""")
                .param("limit", limit).query(AssessmentStore::quarter).list();
    }

    public List<QuarterResult> results(long quarterId) {
        return jdbc.sql("SELECT * FROM sa_quarter_result WHERE quarter_id = :q ORDER BY place, street_name")
                .param("q", quarterId)
                .query((rs, i) -> new QuarterResult(rs.getLong("street_id"), rs.getString("street_name"),
                        rs.getBigDecimal("total"), rs.getInt("place"), rs.getString("evaluation"))).list();
    }

    // ---- mappers

    private static Year year(ResultSet rs, int i) throws SQLException {
        return new Year(rs.getLong("id"), rs.getLong("district_id"), rs.getString("district_path"),
                rs.getString("district_name"), rs.getString("scheme_code"), rs.getInt("scheme_version"),
                rs.getInt("year"), rs.getInt("objection_days"), rs.getBigDecimal("unqualified_below"),
                rs.getString("opened_by"), rs.getObject("opened_at", OffsetDateTime.class));
    }

    private static Node node(ResultSet rs, int i) throws SQLException {
        return new Node(rs.getLong("id"), rs.getLong("year_id"), rs.getLong("street_id"), rs.getString("street_name"),
                rs.getString("item_code"), rs.getString("rule_code"), rs.getString("label"),
                rs.getString("department"), rs.getObject("due", LocalDate.class),
                NodeStatus.valueOf(rs.getString("status")));
    }

    private static Event event(ResultSet rs, int i) throws SQLException {
        return new Event(rs.getLong("id"), rs.getLong("year_id"), rs.getLong("street_id"),
                rs.getString("street_name"), rs.getString("rule_code"), rs.getInt("count"),
                rs.getObject("occurred_on", LocalDate.class), rs.getString("note"),
                rs.getObject("file_id", UUID.class), rs.getString("department"), rs.getString("recorded_by"),
                rs.getObject("recorded_at", OffsetDateTime.class));
    }

    private static Objection objection(ResultSet rs, int i) throws SQLException {
        return new Objection(rs.getLong("id"), rs.getLong("year_id"), rs.getLong("street_id"),
                (Long) rs.getObject("event_id"), (Long) rs.getObject("node_id"), rs.getString("reason"),
                rs.getString("filed_by"), rs.getObject("filed_at", OffsetDateTime.class), rs.getString("decision"),
                rs.getString("answer"), rs.getString("decided_by"), rs.getObject("decided_at", OffsetDateTime.class));
    }

    private static Quarter quarter(ResultSet rs, int i) throws SQLException {
        return new Quarter(rs.getLong("id"), rs.getLong("year_id"), rs.getInt("quarter"), rs.getInt("revision"),
                rs.getObject("as_of", LocalDate.class), rs.getString("reason"), rs.getString("published_by"),
                rs.getObject("published_at", OffsetDateTime.class));
    }
}
