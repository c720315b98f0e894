package cn.kaoping.subsidy.internal;

import cn.kaoping.platform.database.SqlArrays;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.subsidy.internal.Views.ClaimRow;
import cn.kaoping.subsidy.internal.Views.Line;
import cn.kaoping.subsidy.internal.Views.Step;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Claims, their lines and steps in PostgreSQL (plain SQL, ADR 0001); rows are read by column name. */
@Repository
class ClaimStore {

    /** A claim with its line totals: the sum of the amounts and how many lines are flagged, to pay and paid. */
    private static final String CLAIM_SELECT = """
            SELECT c.*, COALESCE(s.total, 0) AS total, COALESCE(s.lines, 0) AS lines,
                   COALESCE(s.flagged, 0) AS flagged, COALESCE(s.to_pay, 0) AS to_pay, COALESCE(s.paid, 0) AS paid
            FROM subsidy_claim c
            LEFT JOIN LATERAL (SELECT sum(l.amount) AS total, count(*) AS lines,
                                      count(*) FILTER (WHERE l.flag IS NOT NULL) AS flagged,
                                      count(*) FILTER (WHERE l.amount > 0) AS to_pay,
                                      count(*) FILTER (WHERE l.amount > 0 AND l.paid_on IS NOT NULL) AS paid
                               FROM subsidy_line l WHERE l.claim_id = c.id) s ON TRUE
            """;
    private static final RowMapper<ClaimRow> ROW = (rs, i) -> new ClaimRow(rs.getLong("id"), rs.getLong("round_id"),
            rs.getString("round_name"), rs.getString("period"), rs.getObject("period_start", LocalDate.class),
            rs.getObject("period_end", LocalDate.class), rs.getInt("year"), rs.getLong("district_id"),
            rs.getString("district_name"), rs.getLong("street_id"), rs.getString("street_name"),
            ClaimStatus.valueOf(rs.getString("status")), (Long) rs.getObject("reviewed_by_id"),
            (Long) rs.getObject("approved_by_id"), rs.getBigDecimal("approved_total"),
            rs.getObject("paid_on", LocalDate.class), rs.getBigDecimal("paid_amount"), rs.getString("paid_voucher"),
            rs.getBigDecimal("total").setScale(2), rs.getInt("lines"), rs.getInt("flagged"), rs.getInt("to_pay"),
            rs.getInt("paid"));
    private static final RowMapper<Claim> CLAIM = (rs, i) -> new Claim(rs.getLong("id"), rs.getString("street_name"),
            rs.getString("period"), rs.getObject("period_end", LocalDate.class),
            ClaimStatus.valueOf(rs.getString("status")), (Long) rs.getObject("reviewed_by_id"),
            (Long) rs.getObject("approved_by_id"), rs.getBigDecimal("approved_total"),
            rs.getObject("paid_on", LocalDate.class), rs.getBigDecimal("paid_amount"), rs.getString("paid_voucher"),
            rs.getBigDecimal("total").setScale(2), rs.getInt("to_pay"), rs.getInt("paid"));
    private static final RowMapper<Line> LINE = (rs, i) -> new Line(rs.getLong("id"), rs.getLong("claim_id"),
            rs.getLong("estate_id"), rs.getString("estate_name"), (Long) rs.getObject("company_id"),
            rs.getString("company_name"), rs.getBigDecimal("total"), rs.getString("grade"),
            rs.getBigDecimal("registry_area"), rs.getBigDecimal("area"),
            rs.getObject("registry_entry", LocalDate.class), rs.getObject("entry_date", LocalDate.class),
            rs.getString("correction_reason"), rs.getString("corrected_by"), rs.getBigDecimal("rate"),
            months(rs.getArray("months")), rs.getBigDecimal("exact"), rs.getBigDecimal("amount"),
            rs.getString("flag"), rs.getObject("paid_on", LocalDate.class), rs.getBigDecimal("paid_amount"),
            rs.getString("paid_voucher"), rs.getString("paid_note"), rs.getString("paid_by"),
            rs.getObject("paid_document", UUID.class));
    private static final RowMapper<Step> STEP = (rs, i) -> new Step(rs.getLong("id"), (Long) rs.getObject("line_id"),
            rs.getString("action"), rs.getString("actor"), rs.getObject("occurred_on", LocalDate.class),
            rs.getObject("at", OffsetDateTime.class), rs.getString("note"), rs.getObject("document_id", UUID.class));

    private final JdbcClient jdbc;

    ClaimStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static List<YearMonth> months(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray()).map(d -> YearMonth.from(((Date) d).toLocalDate())).toList();
    }

    // ---------------------------------------------------------------- claims

    Optional<ClaimRow> row(long id) {
        return jdbc.sql(CLAIM_SELECT + " WHERE c.id = :id").param("id", id).query(ROW).optional();
    }

    /** The claims under a region path, newest half-year first, optionally of one year. */
    List<ClaimRow> under(String path, Integer year) {
        return jdbc.sql(CLAIM_SELECT + """
                WHERE c.street_path LIKE :path AND (CAST(:year AS int) IS NULL OR c.year = CAST(:year AS int))
                ORDER BY c.period_end DESC, c.street_name, c.id""")
                .param("path", path + "%").param("year", year).query(ROW).list();
    }

    /** The street path a claim belongs to, for the scope check. */
    Optional<String> streetPath(long id) {
        return jdbc.sql("SELECT street_path FROM subsidy_claim WHERE id = :id").param("id", id)
                .query(String.class).optional();
    }

    /** The claim locked for a transition (SELECT … FOR UPDATE), with its line totals; 404 when it is gone. */
    Claim lock(long id) {
        jdbc.sql("SELECT id FROM subsidy_claim WHERE id = :id FOR UPDATE").param("id", id).query(Long.class)
                .optional().orElseThrow(() -> new NotFoundException("补贴申报不存在"));
        return jdbc.sql(CLAIM_SELECT + " WHERE c.id = :id").param("id", id).query(CLAIM).single();
    }

    /** Saves the state a transition changed; every save counts a new version of the claim. */
    void save(Claim c) {
        jdbc.sql("""
                UPDATE subsidy_claim SET status = :status, reviewed_by_id = :reviewed, approved_by_id = :approved,
                    approved_total = :approvedTotal, paid_on = :paidOn, paid_amount = :paidAmount,
                    paid_voucher = :voucher, version = version + 1
                WHERE id = :id""")
                .param("status", c.status().name()).param("reviewed", c.reviewedById())
                .param("approved", c.approvedById()).param("approvedTotal", c.approvedTotal())
                .param("paidOn", c.paidOn()).param("paidAmount", c.paidAmount()).param("voucher", c.paidVoucher())
                .param("id", c.id()).update();
    }

    // ---------------------------------------------------------------- building claims

    /** The claim of a round and street, locked, if there is one. */
    Optional<Long> lockOf(long roundId, long streetId) {
        return jdbc.sql("SELECT id FROM subsidy_claim WHERE round_id = :r AND street_id = :s FOR UPDATE")
                .param("r", roundId).param("s", streetId).query(Long.class).optional();
    }

    ClaimStatus status(long id) {
        return ClaimStatus.valueOf(jdbc.sql("SELECT status FROM subsidy_claim WHERE id = :id").param("id", id)
                .query(String.class).single());
    }

    long insert(NewClaim c) {
        return jdbc.sql("""
                INSERT INTO subsidy_claim (round_id, round_revision, round_name, period, period_start,
                    period_end, year, district_id, district_name, street_id, street_name, street_path)
                VALUES (:round, :rev, :name, :period, :start, :end, :year, :district, :districtName,
                        :street, :streetName, :path) RETURNING id""")
                .param("round", c.roundId()).param("rev", c.revision()).param("name", c.roundName())
                .param("period", c.period()).param("start", c.periodStart()).param("end", c.periodEnd())
                .param("year", c.year()).param("district", c.districtId()).param("districtName", c.districtName())
                .param("street", c.streetId()).param("streetName", c.streetName()).param("path", c.streetPath())
                .query(Long.class).single();
    }

    void refresh(long id, int revision, String roundName) {
        jdbc.sql("UPDATE subsidy_claim SET round_revision = :rev, round_name = :name WHERE id = :id")
                .param("rev", revision).param("name", roundName).param("id", id).update();
    }

    /** Adds an estate's line to a claim, or updates its score and grade; area and entry date come from the registry. */
    void upsertLine(long claim, long estateId, String estateName, Long companyId, String companyName,
                    BigDecimal total, String grade, BigDecimal area, LocalDate entry) {
        jdbc.sql("""
                INSERT INTO subsidy_line (claim_id, estate_id, estate_name, company_id, company_name, total,
                    grade, registry_area, area, registry_entry, entry_date, months, flag)
                VALUES (:claim, :estate, :name, :company, :companyName, :total, :grade, :area, :area,
                        :entry, :entry, '{}', 'NO_GRADE')
                ON CONFLICT (claim_id, estate_id) DO UPDATE SET total = EXCLUDED.total,
                    grade = EXCLUDED.grade, estate_name = EXCLUDED.estate_name""")
                .param("claim", claim).param("estate", estateId).param("name", estateName)
                .param("company", companyId).param("companyName", companyName).param("total", total)
                .param("grade", grade).param("area", area).param("entry", entry).update();
    }

    /** The draft claims of a district and year (they follow a change of its rates). */
    List<Long> drafts(long districtId, int year) {
        return jdbc.sql("SELECT id FROM subsidy_claim WHERE district_id = :d AND year = :y AND status = 'DRAFT'")
                .param("d", districtId).param("y", year).query(Long.class).list();
    }

    // ---------------------------------------------------------------- lines

    Optional<Line> line(long id) {
        return jdbc.sql("SELECT * FROM subsidy_line WHERE id = :id").param("id", id).query(LINE).optional();
    }

    List<Line> lines(long claim) {
        return jdbc.sql("SELECT * FROM subsidy_line WHERE claim_id = :c ORDER BY estate_name, id").param("c", claim)
                .query(LINE).list();
    }

    void correctLine(long id, BigDecimal area, LocalDate entry, String reason, String by) {
        jdbc.sql("""
                UPDATE subsidy_line SET area = :area, entry_date = :entry, correction_reason = :reason,
                    corrected_by = :by WHERE id = :id""")
                .param("area", area).param("entry", entry).param("reason", reason).param("by", by).param("id", id)
                .update();
    }

    /** Stores how a line's amount came to be: rate, months, exact amount, amount at the fen, or why none. */
    void storeAmount(long id, SubsidyRule.Result r) {
        jdbc.sql("""
                UPDATE subsidy_line SET rate = :rate, months = CAST(:months AS date[]), exact = :exact,
                    amount = :amount, flag = :flag WHERE id = :id""")
                .param("rate", r.rate())
                .param("months", SqlArrays.texts(r.months().stream().map(m -> m.atDay(1).toString()).toList()))
                .param("exact", r.exact()).param("amount", r.amount())
                .param("flag", r.flag() == null ? null : r.flag().name()).param("id", id).update();
    }

    void payLine(long id, LocalDate on, BigDecimal amount, String voucher, String note, String by, UUID document) {
        jdbc.sql("""
                UPDATE subsidy_line SET paid_on = :on, paid_amount = :amount, paid_voucher = :voucher,
                    paid_note = :note, paid_by = :by, paid_document = :doc WHERE id = :id""")
                .param("on", on).param("amount", amount).param("voucher", voucher).param("note", note)
                .param("by", by).param("doc", document).param("id", id).update();
    }

    // ---------------------------------------------------------------- steps

    void step(long claim, Long line, String action, long actorId, String actor, LocalDate on, OffsetDateTime at,
              String note, UUID document) {
        jdbc.sql("""
                INSERT INTO subsidy_step (claim_id, line_id, action, actor_id, actor, occurred_on, at, note, document_id)
                VALUES (:c, :l, :a, :uid, :actor, :on, :at, :note, :doc)""")
                .param("c", claim).param("l", line).param("a", action).param("uid", actorId).param("actor", actor)
                .param("on", on).param("at", at).param("note", note).param("doc", document).update();
    }

    /** The steps of a claim; with a line, the claim's own steps and that line's. */
    List<Step> steps(long claim, Long line) {
        return jdbc.sql("""
                SELECT * FROM subsidy_step WHERE claim_id = :c
                  AND (CAST(:line AS bigint) IS NULL OR line_id IS NULL OR line_id = CAST(:line AS bigint))
                ORDER BY at, id""")
                .param("c", claim).param("line", line).query(STEP).list();
    }

    /** Whether a document was attached to one of the claim's steps. */
    boolean hasDocument(long claim, UUID document) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM subsidy_step WHERE claim_id = :c AND document_id = :d)""")
                .param("c", claim).param("d", document).query(Boolean.class).single();
    }

    /** A claim to insert for a round and street office. */
    record NewClaim(long roundId, int revision, String roundName, String period, LocalDate periodStart,
                    LocalDate periodEnd, int year, long districtId, String districtName, long streetId,
                    String streetName, String streetPath) {
    }
}
