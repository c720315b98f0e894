package cn.kaoping.casework.meetings;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Joint meetings, their units and decisions in PostgreSQL; rows read by column name. */
@Repository
public class Meetings {

    private final JdbcClient jdbc;

    Meetings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Unit(String code, String name) {
    }

    /** A unit invited to a meeting and whether it came (null until the minutes). */
    public record Invited(String code, String name, Boolean attended) {
    }

    public List<Unit> units() {
        return jdbc.sql("SELECT code, name FROM meeting_unit ORDER BY position")
                .query((rs, n) -> new Unit(rs.getString("code"), rs.getString("name"))).list();
    }

    long insert(long regionId, String regionPath, String topic, LocalDate heldOn, String place, String by,
                OffsetDateTime at) {
        return jdbc.sql("""
                INSERT INTO joint_meeting (region_id, region_path, topic, held_on, place, status, created_by, created_at)
                VALUES (:r, :path, :topic, :on, :place, 'PLANNED', :by, :at) RETURNING id""")
                .param("r", regionId).param("path", regionPath).param("topic", topic).param("on", heldOn)
                .param("place", place).param("by", by).param("at", at).query(Long.class).single();
    }

    void invite(long id, String unit) {
        jdbc.sql("INSERT INTO joint_meeting_unit (meeting_id, unit_code) VALUES (:m, :u) ON CONFLICT DO NOTHING")
                .param("m", id).param("u", unit).update();
    }

    Optional<JointMeeting> find(long id) {
        return jdbc.sql("SELECT * FROM joint_meeting WHERE id = :id").param("id", id).query((rs, n) -> meeting(rs))
                .optional();
    }

    Optional<JointMeeting> lock(long id) {
        return jdbc.sql("SELECT * FROM joint_meeting WHERE id = :id FOR UPDATE").param("id", id)
                .query((rs, n) -> meeting(rs)).optional();
    }

    List<JointMeeting> under(String path) {
        return jdbc.sql("SELECT * FROM joint_meeting WHERE region_path LIKE :p || '%' ORDER BY held_on DESC, id DESC"
                + " LIMIT 200").param("p", path).query((rs, n) -> meeting(rs)).list();
    }

    List<Invited> invited(long id) {
        return jdbc.sql("""
                SELECT u.code, u.name, i.attended FROM joint_meeting_unit i JOIN meeting_unit u ON u.code = i.unit_code
                WHERE i.meeting_id = :m ORDER BY u.position""").param("m", id)
                .query((rs, n) -> new Invited(rs.getString("code"), rs.getString("name"),
                        (Boolean) rs.getObject("attended"))).list();
    }

    List<MeetingDecision> decisions(long id) {
        return jdbc.sql("""
                SELECT d.*, u.name AS unit_name FROM joint_meeting_decision d JOIN meeting_unit u ON u.code = d.unit_code
                WHERE d.meeting_id = :m ORDER BY d.position""").param("m", id)
                .query((rs, n) -> new MeetingDecision(rs.getInt("position"), rs.getString("issue"),
                        rs.getString("handling"), rs.getString("unit_code"), rs.getString("unit_name"), rs.getObject("due", LocalDate.class),
                        rs.getObject("done_on", LocalDate.class), rs.getString("done_note"), rs.getString("done_by")))
                .list();
    }

    /** Keeps a minuted meeting with who came and what was decided. */
    void minute(JointMeeting m, List<String> attended, List<MeetingDecision> decisions) {
        long id = m.id();
        jdbc.sql("UPDATE joint_meeting SET status = :s, minutes = :m WHERE id = :id").param("s", m.status().name())
                .param("m", m.minutes()).param("id", id).update();
        jdbc.sql("UPDATE joint_meeting_unit SET attended = unit_code = ANY (CAST(:a AS text[])) WHERE meeting_id = :id")
                .param("a", attended.toArray(String[]::new)).param("id", id).update();
        for (MeetingDecision d : decisions) {
            jdbc.sql("""
                    INSERT INTO joint_meeting_decision (meeting_id, position, issue, handling, unit_code, due)
                    VALUES (:m, :p, :i, :h, :u, :due)""")
                    .param("m", id).param("p", d.position()).param("i", d.issue()).param("h", d.handling())
                    .param("u", d.unitCode()).param("due", d.due()).update();
        }
    }

    /** Keeps a decision done, unless it was recorded done meanwhile. */
    boolean complete(long id, MeetingDecision d) {
        return jdbc.sql("""
                UPDATE joint_meeting_decision SET done_on = :on, done_note = :note, done_by = :by
                WHERE meeting_id = :m AND position = :p AND done_on IS NULL""")
                .param("on", d.doneOn()).param("note", d.doneNote()).param("by", d.doneBy()).param("m", id)
                .param("p", d.position()).update() > 0;
    }

    /** Decisions not done of meetings under a path, soonest due first. */
    record Open(long meetingId, String topic, MeetingDecision decision) {
    }

    List<Open> open(String path, int limit) {
        return jdbc.sql("""
                SELECT d.*, u.name AS unit_name, m.topic FROM joint_meeting_decision d
                JOIN joint_meeting m ON m.id = d.meeting_id JOIN meeting_unit u ON u.code = d.unit_code
                WHERE m.region_path LIKE :p || '%' AND d.done_on IS NULL ORDER BY d.due LIMIT :limit""")
                .param("p", path).param("limit", limit)
                .query((rs, n) -> new Open(rs.getLong("meeting_id"), rs.getString("topic"), new MeetingDecision(
                        rs.getInt("position"), rs.getString("issue"), rs.getString("handling"),
                        rs.getString("unit_code"), rs.getString("unit_name"), rs.getObject("due", LocalDate.class),
                        null, null, null))).list();
    }

    /** A work order a meeting is about, as its page lists it. */
    public record Linked(long id, String estateName, String categoryName, String content, String status) {
    }

    /** The street's work orders a meeting may be about: not closed or pushed back, newest first. */
    List<Linked> openComplaints(String path, int limit) {
        return jdbc.sql("""
                SELECT c.id, c.estate_name, k.name AS category_name, c.content, c.status FROM complaint c
                JOIN complaint_category k ON k.code = c.category
                WHERE c.estate_path LIKE :p || '%' AND c.status NOT IN ('CLOSED', 'RETURNED')
                ORDER BY c.received_at DESC, c.id DESC LIMIT :limit""")
                .param("p", path).param("limit", limit).query((rs, n) -> linked(rs)).list();
    }

    /** Of the given work orders, those under a path (the convening street's). */
    List<Long> complaintsUnder(String path, List<Long> ids) {
        return jdbc.sql("""
                SELECT id FROM complaint WHERE id = ANY (CAST(:ids AS bigint[])) AND estate_path LIKE :p || '%'""")
                .param("ids", ids.toArray(Long[]::new)).param("p", path).query(Long.class).list();
    }

    void link(long meetingId, long complaintId) {
        jdbc.sql("""
                INSERT INTO joint_meeting_complaint (meeting_id, complaint_id) VALUES (:m, :c)
                ON CONFLICT DO NOTHING""").param("m", meetingId).param("c", complaintId).update();
    }

    List<Linked> complaints(long meetingId) {
        return jdbc.sql("""
                SELECT c.id, c.estate_name, k.name AS category_name, c.content, c.status FROM joint_meeting_complaint j
                JOIN complaint c ON c.id = j.complaint_id JOIN complaint_category k ON k.code = c.category
                WHERE j.meeting_id = :m ORDER BY c.id""").param("m", meetingId).query((rs, n) -> linked(rs)).list();
    }

    /** The meetings a work order was brought to, by id and topic, oldest first. */
    public List<JointMeeting> meetingsOf(long complaintId) {
        return jdbc.sql("""
                SELECT m.* FROM joint_meeting_complaint j JOIN joint_meeting m ON m.id = j.meeting_id
                WHERE j.complaint_id = :c ORDER BY m.held_on, m.id""").param("c", complaintId)
                .query((rs, n) -> meeting(rs)).list();
    }

    /**
     * How each street under a path carries out its meetings' decisions (seed 003: 由街道办事处组织落实): decisions
     * of meetings held in the period, done, done by the deadline, and open past it on the day.
     */
    public record Completion(long streetId, String street, int meetings, int decisions, int done, int doneOnTime,
                             int overdue) {

        Completion named(String name) {
            return new Completion(streetId, name, meetings, decisions, done, doneOnTime, overdue);
        }

        /** Done of decided, in whole percent rounded down; null without decisions. */
        public Integer rate() {
            return decisions == 0 ? null : done * 100 / decisions;
        }
    }

    List<Completion> completion(String path, LocalDate from, LocalDate to, LocalDate today) {
        return jdbc.sql("""
                SELECT m.region_id, count(DISTINCT m.id) AS meetings, count(d.position) AS decisions,
                       count(d.done_on) AS done, count(*) FILTER (WHERE d.done_on <= d.due) AS on_time,
                       count(*) FILTER (WHERE d.done_on IS NULL AND d.due < :today) AS overdue
                FROM joint_meeting m LEFT JOIN joint_meeting_decision d ON d.meeting_id = m.id
                WHERE m.region_path LIKE :p || '%' AND m.held_on BETWEEN :from AND :to
                GROUP BY m.region_id ORDER BY m.region_id""")
                .param("p", path).param("from", from).param("to", to).param("today", today)
                .query((rs, n) -> new Completion(rs.getLong("region_id"), null,
                        rs.getInt("meetings"), rs.getInt("decisions"), rs.getInt("done"), rs.getInt("on_time"),
                        rs.getInt("overdue"))).list();
    }

    private static Linked linked(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Linked(rs.getLong("id"), rs.getString("estate_name"), rs.getString("category_name"),
                rs.getString("content"), rs.getString("status"));
    }

    private static JointMeeting meeting(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new JointMeeting(rs.getLong("id"), rs.getLong("region_id"), rs.getString("region_path"),
                rs.getString("topic"), rs.getObject("held_on", LocalDate.class), rs.getString("place"),
                MeetingStatus.valueOf(rs.getString("status")), rs.getString("minutes"), rs.getString("created_by"));
    }
}
