package cn.kaoping.voting.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ballots' side tables: one-time codes per unit (hashes only), paper entries waiting for their second keying,
 * and what the roll may show of each unit (the channel it voted through, never the ballot).
 */
@Repository
public class Ballots {

    private final JdbcClient jdbc;

    Ballots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Units of the roll that have not voted on their phones (their codes may be issued again), in roll order. */
    public List<Unit> unitsWithoutPhoneBallot(long voteId) {
        return jdbc.sql("""
                SELECT r.unit, r.owner, r.unsold FROM vote_roll r
                WHERE r.vote_id = :v AND NOT EXISTS (SELECT 1 FROM vote_ballot b
                      WHERE b.vote_id = r.vote_id AND b.unit = r.unit AND b.channel = 'PHONE')
                ORDER BY r.unit""")
                .param("v", voteId)
                .query((rs, n) -> new Unit(rs.getString("unit"), rs.getString("owner"), rs.getBoolean("unsold")))
                .list();
    }

    public record Unit(String unit, String owner, boolean unsold) {
    }

    public void replaceCode(long voteId, String unit, byte[] hash) {
        jdbc.sql("""
                INSERT INTO vote_code (vote_id, unit, code_hash) VALUES (:v, :u, :h)
                ON CONFLICT (vote_id, unit) DO UPDATE SET code_hash = EXCLUDED.code_hash""")
                .param("v", voteId).param("u", unit).param("h", hash).update();
    }

    public void codesIssued(long voteId, OffsetDateTime at) {
        jdbc.sql("UPDATE vote SET codes_issued_at = :at WHERE id = :v").param("at", at).param("v", voteId).update();
    }

    /** The unit holding a code, if any. */
    public Optional<String> unitOfCode(long voteId, byte[] hash) {
        return jdbc.sql("SELECT unit FROM vote_code WHERE vote_id = :v AND code_hash = :h").param("v", voteId)
                .param("h", hash).query(String.class).optional();
    }

    /** The unit's ballots in force per proposal, with the channel they came through. */
    public Map<Integer, Cast> castOf(long voteId, String unit) {
        return jdbc.sql("SELECT proposal, ballot, channel FROM vote_ballot WHERE vote_id = :v AND unit = :u")
                .param("v", voteId).param("u", unit)
                .query((rs, n) -> Map.entry(rs.getInt("proposal"), new Cast(rs.getString("ballot"),
                        rs.getString("channel"))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public record Cast(String ballot, String channel) {
    }

    // --- paper entries -----------------------------------------------------------------------------------------

    public record Entry(String unit, List<String> ballots, String keyedBy, OffsetDateTime keyedAt, UUID scanId,
                        String scanName, String proxy, UUID authorisationId, String authorisationName) {
    }

    public Optional<Entry> pending(long voteId, String unit) {
        return jdbc.sql("SELECT * FROM vote_paper_entry WHERE vote_id = :v AND unit = :u").param("v", voteId)
                .param("u", unit).query((rs, n) -> entry(rs)).optional();
    }

    public List<Entry> pending(long voteId) {
        return jdbc.sql("SELECT * FROM vote_paper_entry WHERE vote_id = :v ORDER BY unit").param("v", voteId)
                .query((rs, n) -> entry(rs)).list();
    }

    private static Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Entry(rs.getString("unit"), List.of(rs.getString("ballots").split(",")), rs.getString("keyed_by"),
                rs.getObject("keyed_at", OffsetDateTime.class), rs.getObject("scan_id", UUID.class),
                rs.getString("scan_name"), rs.getString("proxy"), rs.getObject("authorisation_id", UUID.class),
                rs.getString("authorisation_name"));
    }

    public void savePending(long voteId, Entry e) {
        jdbc.sql("""
                INSERT INTO vote_paper_entry (vote_id, unit, ballots, keyed_by, keyed_at, scan_id, scan_name, proxy,
                                              authorisation_id, authorisation_name)
                VALUES (:v, :u, :b, :by, :at, :scan, :name, :proxy, :auth, :authName)
                ON CONFLICT (vote_id, unit) DO UPDATE SET ballots = EXCLUDED.ballots, keyed_by = EXCLUDED.keyed_by,
                    keyed_at = EXCLUDED.keyed_at, scan_id = EXCLUDED.scan_id, scan_name = EXCLUDED.scan_name,
                    proxy = EXCLUDED.proxy, authorisation_id = EXCLUDED.authorisation_id,
                    authorisation_name = EXCLUDED.authorisation_name""")
                .param("v", voteId).param("u", e.unit()).param("b", String.join(",", e.ballots()))
                .param("by", e.keyedBy()).param("at", e.keyedAt()).param("scan", e.scanId())
                .param("name", e.scanName()).param("proxy", e.proxy()).param("auth", e.authorisationId())
                .param("authName", e.authorisationName()).update();
    }

    public void dropPending(long voteId, String unit) {
        jdbc.sql("DELETE FROM vote_paper_entry WHERE vote_id = :v AND unit = :u").param("v", voteId).param("u", unit)
                .update();
    }

    public void confirmPaper(long voteId, String unit, String confirmedBy, UUID scanId, String proxy,
                             UUID authorisationId) {
        jdbc.sql("""
                UPDATE vote_ballot SET confirmed_by = :by, scan_id = :scan, proxy = :proxy, authorisation_id = :auth
                WHERE vote_id = :v AND unit = :u""")
                .param("by", confirmedBy).param("scan", scanId).param("proxy", proxy).param("auth", authorisationId)
                .param("v", voteId).param("u", unit).update();
    }

    /** A proxy's ballot whose authorisation the committee has not yet checked: it does not count yet. */
    public record ProxyToCheck(String unit, String proxy, UUID authorisationId) {
    }

    public List<ProxyToCheck> proxiesToCheck(long voteId) {
        return jdbc.sql("""
                SELECT DISTINCT unit, proxy, authorisation_id FROM vote_ballot
                WHERE vote_id = :v AND proxy IS NOT NULL AND proxy_checked_by IS NULL ORDER BY unit""")
                .param("v", voteId).query((rs, n) -> new ProxyToCheck(rs.getString("unit"), rs.getString("proxy"),
                        rs.getObject("authorisation_id", UUID.class))).list();
    }

    /** Marks a proxy's authorisation checked; false when the unit has no unchecked proxy ballot. */
    public boolean checkProxy(long voteId, String unit, String by) {
        return jdbc.sql("""
                UPDATE vote_ballot SET proxy_checked_by = :by
                WHERE vote_id = :v AND unit = :u AND proxy IS NOT NULL AND proxy_checked_by IS NULL""")
                .param("by", by).param("v", voteId).param("u", unit).update() > 0;
    }

    /** Whether the file is a slip scan or an authorisation kept with one of the vote's ballots or entries. */
    public boolean holdsFile(long voteId, UUID file) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM vote_ballot WHERE vote_id = :v AND (scan_id = :f OR authorisation_id = :f))
                    OR EXISTS (SELECT 1 FROM vote_paper_entry WHERE vote_id = :v
                               AND (scan_id = :f OR authorisation_id = :f))""")
                .param("v", voteId).param("f", file).query(Boolean.class).single();
    }

    // --- the roll as the committee may print it ----------------------------------------------------------------

    /** A unit of the roll with how it took part: the channel only (PAPER, PHONE), or a paper entry waiting. */
    public record RollLine(String unit, String owner, java.math.BigDecimal area, boolean unsold, String channel,
                           boolean pendingPaper, String proxy, boolean proxyChecked) {
    }

    public List<RollLine> rollLines(long voteId) {
        return jdbc.sql("""
                SELECT r.unit, r.owner, r.area, r.unsold,
                       (SELECT min(b.channel) FROM vote_ballot b WHERE b.vote_id = r.vote_id AND b.unit = r.unit)
                           AS channel,
                       EXISTS (SELECT 1 FROM vote_paper_entry e WHERE e.vote_id = r.vote_id AND e.unit = r.unit)
                           AS pending,
                       (SELECT min(b.proxy) FROM vote_ballot b WHERE b.vote_id = r.vote_id AND b.unit = r.unit)
                           AS proxy,
                       EXISTS (SELECT 1 FROM vote_ballot b WHERE b.vote_id = r.vote_id AND b.unit = r.unit
                               AND b.proxy_checked_by IS NOT NULL) AS proxy_checked
                FROM vote_roll r WHERE r.vote_id = :v ORDER BY r.unit""")
                .param("v", voteId)
                .query((rs, n) -> new RollLine(rs.getString("unit"), rs.getString("owner"), rs.getBigDecimal("area"),
                        rs.getBoolean("unsold"), rs.getString("channel"), rs.getBoolean("pending"),
                        rs.getString("proxy"), rs.getBoolean("proxy_checked")))
                .list();
    }
}
