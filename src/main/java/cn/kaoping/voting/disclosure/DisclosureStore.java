package cn.kaoping.voting.disclosure;

import cn.kaoping.voting.disclosure.FundStatement.Kind;
import cn.kaoping.voting.disclosure.FundStatement.Line;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Service disclosures and fund statements in PostgreSQL, every version kept; rows read by column name. */
@Repository
class DisclosureStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DisclosureStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A published version with who published and who confirmed it. */
    record Published<T>(long id, T content, String publishedBy, OffsetDateTime publishedAt, String confirmedBy,
                        OffsetDateTime confirmedAt) {
    }

    long insert(long estateId, String estatePath, long companyId, ServiceDisclosure d, String by, OffsetDateTime at) {
        return jdbc.sql("""
                INSERT INTO service_disclosure (estate_id, estate_path, company_id, services, grade, standard, fees,
                                                service_phone, channels, published_by, published_at)
                VALUES (:e, :path, :c, :services, :grade, :standard, CAST(:fees AS jsonb), :phone, :channels, :by, :at)
                RETURNING id""")
                .param("e", estateId).param("path", estatePath).param("c", companyId).param("services", d.services())
                .param("grade", d.grade()).param("standard", d.standard())
                .param("fees", json.writeValueAsString(d.fees())).param("phone", d.servicePhone())
                .param("channels", d.channels()).param("by", by).param("at", at).query(Long.class).single();
    }

    /** Every version of the estate's disclosure, newest first. */
    List<Published<ServiceDisclosure>> disclosures(long estateId) {
        return jdbc.sql("SELECT * FROM service_disclosure WHERE estate_id = :e ORDER BY id DESC LIMIT 50")
                .param("e", estateId)
                .query((rs, n) -> new Published<>(rs.getLong("id"), new ServiceDisclosure(rs.getString("services"),
                        rs.getString("grade"), rs.getString("standard"),
                        json.readValue(rs.getString("fees"), new TypeReference<List<ServiceDisclosure.Fee>>() { }),
                        rs.getString("service_phone"), rs.getString("channels")), rs.getString("published_by"),
                        rs.getObject("published_at", OffsetDateTime.class), rs.getString("confirmed_by"),
                        rs.getObject("confirmed_at", OffsetDateTime.class)))
                .list();
    }

    long insert(long estateId, String estatePath, long companyId, FundStatement s, String by, OffsetDateTime at) {
        long id = jdbc.sql("""
                INSERT INTO fund_statement (estate_id, estate_path, company_id, half, fund_opening, fund_closing,
                                            published_by, published_at)
                VALUES (:e, :path, :c, :half, :opening, :closing, :by, :at) RETURNING id""")
                .param("e", estateId).param("path", estatePath).param("c", companyId).param("half", s.half())
                .param("opening", s.fundOpening()).param("closing", s.fundClosing()).param("by", by).param("at", at)
                .query(Long.class).single();
        for (int i = 0; i < s.lines().size(); i++) {
            Line l = s.lines().get(i);
            jdbc.sql("""
                    INSERT INTO fund_statement_line (statement_id, position, kind, item, note, amount, vote_id)
                    VALUES (:s, :p, :k, :item, :note, :amount, :vote)""")
                    .param("s", id).param("p", i + 1).param("k", l.kind().name()).param("item", l.item().strip())
                    .param("note", l.note()).param("amount", l.amount()).param("vote", l.voteId()).update();
        }
        return id;
    }

    /** Every statement of the estate (each half-year's versions), newest half and version first. */
    List<Published<FundStatement>> statements(long estateId) {
        return jdbc.sql("SELECT * FROM fund_statement WHERE estate_id = :e ORDER BY half DESC, id DESC LIMIT 100")
                .param("e", estateId)
                .query((rs, n) -> new Published<>(rs.getLong("id"), new FundStatement(rs.getString("half"),
                        rs.getBigDecimal("fund_opening"), rs.getBigDecimal("fund_closing"), lines(rs.getLong("id"))),
                        rs.getString("published_by"), rs.getObject("published_at", OffsetDateTime.class),
                        rs.getString("confirmed_by"), rs.getObject("confirmed_at", OffsetDateTime.class)))
                .list();
    }

    private List<Line> lines(long statementId) {
        return jdbc.sql("SELECT * FROM fund_statement_line WHERE statement_id = :s ORDER BY position")
                .param("s", statementId)
                .query((rs, n) -> new Line(Kind.valueOf(rs.getString("kind")), rs.getString("item"),
                        rs.getString("note"), rs.getBigDecimal("amount"), (Long) rs.getObject("vote_id"))).list();
    }

    /** The estate a disclosure or statement belongs to, or empty. */
    Optional<Long> estateOf(String table, long id) {
        String sql = table.equals("fund_statement") ? "SELECT estate_id FROM fund_statement WHERE id = :id"
                : "SELECT estate_id FROM service_disclosure WHERE id = :id";
        return jdbc.sql(sql).param("id", id).query(Long.class).optional();
    }

    boolean confirm(String table, long id, String by, OffsetDateTime at) {
        String sql = table.equals("fund_statement")
                ? "UPDATE fund_statement SET confirmed_by = :by, confirmed_at = :at WHERE id = :id AND confirmed_by IS NULL"
                : "UPDATE service_disclosure SET confirmed_by = :by, confirmed_at = :at WHERE id = :id AND confirmed_by IS NULL";
        return jdbc.sql(sql).param("by", by).param("at", at).param("id", id).update() > 0;
    }

    /** Of these estates, those with a statement for the half-year. */
    java.util.Set<Long> withStatement(java.util.Collection<Long> estateIds, String half) {
        if (estateIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("""
                SELECT DISTINCT estate_id FROM fund_statement WHERE half = :half AND estate_id = ANY (CAST(:ids AS bigint[]))""")
                .param("half", half).param("ids", estateIds.toArray(Long[]::new)).query(Long.class).list());
    }
}
