package cn.kaoping.escalation.internal;

import cn.kaoping.escalation.internal.Views.Circular;
import cn.kaoping.escalation.internal.Views.Interview;
import cn.kaoping.escalation.internal.Views.Penalty;
import cn.kaoping.platform.database.SqlArrays;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rungs a decision creates (通报, 约谈, 处罚) with their yearly numbers, in PostgreSQL. */
@Repository
class RungStore {

    /** Circulars with their company, district and notices, read in one statement whether one or a list. */
    private static final String CIRCULARS = """
            SELECT x.id, x.case_id, x.number, x.issued_on, x.reason, c.company_id, c.company_name, c.district_id,
                   c.district_name, x.decided_by_name,
                   ARRAY(SELECT n.number || '（' || n.estate_name || '）' FROM escalation_circular_notice cn
                         JOIN escalation_notice n ON n.notice_id = cn.notice_id WHERE cn.circular_id = x.id
                         ORDER BY n.number) AS notices
            FROM escalation_circular x JOIN escalation_case c ON c.id = x.case_id""";
    private static final RowMapper<Circular> CIRCULAR = (rs, i) -> new Circular(rs.getLong("id"),
            rs.getLong("case_id"), rs.getString("number"), rs.getObject("issued_on", LocalDate.class),
            rs.getString("reason"), rs.getLong("company_id"), rs.getString("company_name"), rs.getLong("district_id"),
            rs.getString("district_name"), rs.getString("decided_by_name"),
            List.of((String[]) rs.getArray("notices").getArray()));

    private final JdbcClient jdbc;

    RungStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** 通报〔2066〕3号, 约谈〔2066〕1号, 处罚〔2066〕1号: one sequence per kind and year. */
    String number(SuggestionKind kind, int year) {
        int n = jdbc.sql("""
                INSERT INTO escalation_number (kind, year, last) VALUES (:kind, :year, 1)
                ON CONFLICT (kind, year) DO UPDATE SET last = escalation_number.last + 1 RETURNING last""")
                .param("kind", kind.name()).param("year", year).query(Integer.class).single();
        return kind.label() + "〔" + year + "〕" + n + "号";
    }

    /** Who decided a rung and when. */
    record Decider(String username, String name, OffsetDateTime at) {
    }

    /** Stores a 通报 naming the notices whose conditions the suggestion gathered; returns its id. */
    long insertCircular(Suggestion s, String number, LocalDate issuedOn, String reason, Decider by) {
        long id = jdbc.sql("""
                INSERT INTO escalation_circular (case_id, suggestion_id, number, issued_on, reason, decided_by,
                                                 decided_by_name, decided_at)
                VALUES (:case, :s, :number, :on, :reason, :by, :byName, :at) RETURNING id""")
                .param("case", s.caseId()).param("s", s.id()).param("number", number)
                .param("on", issuedOn).param("reason", reason).param("by", by.username())
                .param("byName", by.name()).param("at", by.at()).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO escalation_circular_notice (circular_id, notice_id)
                SELECT DISTINCT :c, notice_id FROM escalation_trigger WHERE suggestion_id = :s AND notice_id IS NOT NULL""")
                .param("c", id).param("s", s.id()).update();
        return id;
    }

    long insertInterview(Suggestion s, long circularId, String number, Forms.InterviewForm f, Decider by) {
        return jdbc.sql("""
                INSERT INTO escalation_interview (case_id, suggestion_id, circular_id, number, held_on, place, attendees,
                                                  minutes, commitments, decided_by, decided_by_name, decided_at)
                VALUES (:case, :s, :circular, :number, :on, :place, :attendees, :minutes, :commitments, :by, :byName, :at)
                RETURNING id""")
                .param("case", s.caseId()).param("s", s.id()).param("circular", circularId)
                .param("number", number).param("on", f.heldOn()).param("place", f.place().strip())
                .param("attendees", f.attendees().strip()).param("minutes", f.minutes().strip())
                .param("commitments", f.commitments().strip()).param("by", by.username())
                .param("byName", by.name()).param("at", by.at()).query(Long.class).single();
    }

    long insertPenalty(Suggestion s, long interviewId, String number, Forms.PenaltyForm f, String measure,
                       Decider by) {
        return jdbc.sql("""
                INSERT INTO escalation_penalty (case_id, suggestion_id, interview_id, number, decided_on, decision,
                                                legal_basis, amount, measure, decided_by, decided_by_name, decided_at)
                VALUES (:case, :s, :interview, :number, :on, :decision, :basis, :amount, :measure, :by, :byName, :at)
                RETURNING id""")
                .param("case", s.caseId()).param("s", s.id()).param("interview", interviewId)
                .param("number", number).param("on", f.decidedOn()).param("decision", f.decision().strip())
                .param("basis", f.legalBasis().strip()).param("amount", f.amount()).param("measure", measure)
                .param("by", by.username()).param("byName", by.name()).param("at", by.at())
                .query(Long.class).single();
    }

    /** The rectification notices a 通报 names. */
    List<Long> circularNotices(long circularId) {
        return jdbc.sql("SELECT notice_id FROM escalation_circular_notice WHERE circular_id = :c ORDER BY notice_id")
                .param("c", circularId).query(Long.class).list();
    }

    // ---------------------------------------------------------------- what the next rung waits for

    /** A decided 通报 not yet looked at for a 约谈. */
    record IssuedCircular(long id, long caseId, String number, LocalDate issuedOn) {
    }

    /** The 通报 issued on or before a day that have not yet suggested a 约谈, oldest first. */
    List<IssuedCircular> circularsAwaitingInterview(LocalDate issuedBy) {
        return jdbc.sql("""
                SELECT c.id, c.case_id, c.number, c.issued_on FROM escalation_circular c
                WHERE c.issued_on <= :issuedBy
                  AND NOT EXISTS (SELECT 1 FROM escalation_trigger t WHERE t.trigger_key = 'interview:circular:' || c.id)
                ORDER BY c.id""")
                .param("issuedBy", issuedBy)
                .query((rs, i) -> new IssuedCircular(rs.getLong("id"), rs.getLong("case_id"),
                        rs.getString("number"), rs.getObject("issued_on", LocalDate.class))).list();
    }

    /** The notices of a 通报 (number and estate) not closed by a day: closed later, or not at all. */
    List<String> noticesOpenOn(long circularId, LocalDate day) {
        return jdbc.sql("""
                SELECT n.number || '（' || n.estate_name || '）' FROM escalation_circular_notice cn
                JOIN escalation_notice n ON n.notice_id = cn.notice_id
                WHERE cn.circular_id = :c AND (NOT n.closed OR n.closed_on > :deadline) ORDER BY n.number""")
                .param("c", circularId).param("deadline", day).query(String.class).list();
    }

    /** A decided 约谈 not yet looked at for a 处罚. */
    record HeldInterview(long id, long caseId, long companyId, String districtPath, String number,
                         LocalDate heldOn) {
    }

    /** The 约谈 of these companies in a district that have not yet suggested a 处罚, oldest first. */
    List<HeldInterview> interviewsAwaitingPenalty(long districtId, Collection<Long> companies) {
        return jdbc.sql("""
                SELECT i.id, i.case_id, c.company_id, c.district_path, i.number, i.held_on
                FROM escalation_interview i JOIN escalation_case c ON c.id = i.case_id
                WHERE c.district_id = :district AND c.company_id = ANY (CAST(:companies AS bigint[]))
                  AND NOT EXISTS (SELECT 1 FROM escalation_trigger t WHERE t.trigger_key = 'penalty:interview:' || i.id)
                ORDER BY i.id""")
                .param("district", districtId)
                .param("companies", SqlArrays.ids(companies))
                .query((rs, i) -> new HeldInterview(rs.getLong("id"), rs.getLong("case_id"),
                        rs.getLong("company_id"), rs.getString("district_path"), rs.getString("number"),
                        rs.getObject("held_on", LocalDate.class))).list();
    }

    // ---------------------------------------------------------------- reads

    Optional<Circular> circular(long id) {
        return jdbc.sql(CIRCULARS + " WHERE x.id = :id").param("id", id).query(CIRCULAR).optional();
    }

    /** Every circular, newest first. */
    List<Circular> circulars() {
        return jdbc.sql(CIRCULARS + " ORDER BY x.issued_on DESC, x.id DESC LIMIT 500").query(CIRCULAR).list();
    }

    List<Circular> circularsOf(long caseId) {
        return jdbc.sql(CIRCULARS + " WHERE x.case_id = :id ORDER BY x.issued_on, x.id").param("id", caseId)
                .query(CIRCULAR).list();
    }

    Optional<Interview> interview(long id) {
        return interviews("x.id = :id", id).stream().findFirst();
    }

    List<Interview> interviewsOf(long caseId) {
        return interviews("x.case_id = :id", caseId);
    }

    private List<Interview> interviews(String where, long id) {
        return jdbc.sql("""
                SELECT x.id, x.case_id, x.number, x.held_on, x.place, x.attendees, x.minutes, x.commitments,
                       c.company_id, c.company_name, c.district_name, x.decided_by_name, x.circular_id,
                       ci.number AS circular_number
                FROM escalation_interview x JOIN escalation_case c ON c.id = x.case_id
                JOIN escalation_circular ci ON ci.id = x.circular_id WHERE""" + " " + where
                        + " ORDER BY x.held_on, x.id")
                .param("id", id).query((rs, i) -> new Interview(rs.getLong("id"), rs.getLong("case_id"),
                        rs.getString("number"), rs.getObject("held_on", LocalDate.class), rs.getString("place"),
                        rs.getString("attendees"), rs.getString("minutes"), rs.getString("commitments"),
                        rs.getLong("company_id"), rs.getString("company_name"), rs.getString("district_name"),
                        rs.getString("decided_by_name"), rs.getLong("circular_id"), rs.getString("circular_number"))).list();
    }

    Optional<Penalty> penalty(long id) {
        return penalties("x.id = :id", id).stream().findFirst();
    }

    List<Penalty> penaltiesOf(long caseId) {
        return penalties("x.case_id = :id", caseId);
    }

    private List<Penalty> penalties(String where, long id) {
        return jdbc.sql("""
                SELECT x.id, x.case_id, x.number, x.decided_on, x.decision, x.legal_basis, x.amount, x.measure,
                       c.company_id, c.company_name, c.district_name, x.decided_by_name, x.interview_id,
                       i.number AS interview_number
                FROM escalation_penalty x JOIN escalation_case c ON c.id = x.case_id
                JOIN escalation_interview i ON i.id = x.interview_id WHERE""" + " " + where
                        + " ORDER BY x.decided_on, x.id")
                .param("id", id).query((rs, i) -> new Penalty(rs.getLong("id"), rs.getLong("case_id"),
                        rs.getString("number"), rs.getObject("decided_on", LocalDate.class), rs.getString("decision"),
                        rs.getString("legal_basis"), rs.getBigDecimal("amount"), rs.getString("measure"),
                        rs.getLong("company_id"), rs.getString("company_name"), rs.getString("district_name"),
                        rs.getString("decided_by_name"), rs.getLong("interview_id"), rs.getString("interview_number"))).list();
    }
}
