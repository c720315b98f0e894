package cn.kaoping.voting.internal;

import cn.kaoping.voting.rules.Ballot;
import cn.kaoping.voting.rules.Matter;
import cn.kaoping.voting.rules.RollUnit;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Votes, their proposals, rolls, ballots and results in PostgreSQL; rows read by column name. */
@Repository
public class Votes {

    private final JdbcClient jdbc;

    Votes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored vote with where it belongs. */
    public record Stored(Vote vote, String estateName, String estatePath, String linkKey, byte[] salt,
                         OffsetDateTime codesIssuedAt, LocalDate resultUntil, String source) {

        /** The exit recommendation letter the vote answers, if it was started from one. */
        public Long exitLetter() {
            return source != null && source.startsWith("exit:") ? Long.valueOf(source.substring(5)) : null;
        }
    }

    public long insert(Vote v, String estateName, String estatePath, String by, OffsetDateTime at) {
        long id = jdbc.sql("""
                INSERT INTO vote (estate_id, estate_name, estate_path, matter, title, announced_on, opens_on, closes_on,
                                  status, created_by, created_at)
                VALUES (:estate, :name, :path, :matter, :title, :announced, :opens, :closes, :status, :by, :at)
                RETURNING id""")
                .param("estate", v.estateId()).param("name", estateName).param("path", estatePath)
                .param("matter", v.matter().item()).param("title", v.title()).param("announced", v.announcedOn())
                .param("opens", v.opensOn()).param("closes", v.closesOn()).param("status", v.status().name())
                .param("by", by).param("at", at).query(Long.class).single();
        for (int i = 0; i < v.proposals().size(); i++) {
            jdbc.sql("INSERT INTO vote_proposal (vote_id, position, text) VALUES (:v, :p, :t)")
                    .param("v", id).param("p", i + 1).param("t", v.proposals().get(i)).update();
        }
        return id;
    }

    public Optional<Stored> find(long id) {
        return load("SELECT * FROM vote WHERE id = :id", id);
    }

    /** The vote read FOR SHARE: ballots run side by side, a close (FOR UPDATE) waits for them and they for it. */
    public Optional<Stored> share(long id) {
        return load("SELECT * FROM vote WHERE id = :id FOR SHARE", id);
    }

    public Optional<Stored> lock(long id) {
        return load("SELECT * FROM vote WHERE id = :id FOR UPDATE", id);
    }

    private Optional<Stored> load(String sql, long id) {
        List<String> proposals = jdbc.sql("SELECT text FROM vote_proposal WHERE vote_id = :id ORDER BY position")
                .param("id", id).query(String.class).list();
        return jdbc.sql(sql).param("id", id).query((rs, n) -> new Stored(new Vote(rs.getLong("id"),
                        rs.getLong("estate_id"), Matter.ofItem(rs.getInt("matter")), rs.getString("title"), proposals,
                        rs.getObject("announced_on", LocalDate.class), rs.getObject("opens_on", LocalDate.class),
                        rs.getObject("closes_on", LocalDate.class), VoteStatus.valueOf(rs.getString("status")),
                        rs.getString("approved_by"), rs.getInt("roll_size")),
                        rs.getString("estate_name"), rs.getString("estate_path"), rs.getString("link_key"),
                        rs.getBytes("salt"), rs.getObject("codes_issued_at", OffsetDateTime.class),
                        rs.getObject("result_until", LocalDate.class), rs.getString("source")))
                .optional();
    }

    public void saveState(Vote v, OffsetDateTime at) {
        jdbc.sql("""
                UPDATE vote SET status = :status, approved_by = :approved, roll_size = :roll,
                       closed_at = CASE WHEN :status = 'CLOSED' THEN CAST(:at AS timestamptz) ELSE closed_at END
                WHERE id = :id""")
                .param("status", v.status().name()).param("approved", v.approvedBy()).param("roll", v.rollSize())
                .param("at", at).param("id", v.id()).update();
    }

    /** The owners' link and the salt of the vote's codes, set once as the window opens. */
    public void setLink(long id, String linkKey, byte[] salt) {
        jdbc.sql("UPDATE vote SET link_key = :k, salt = :s WHERE id = :id AND link_key IS NULL")
                .param("k", linkKey).param("s", salt).param("id", id).update();
    }

    public void setSource(long id, String source) {
        jdbc.sql("UPDATE vote SET source = :s WHERE id = :id").param("s", source).param("id", id).update();
    }

    public void setResultUntil(long id, LocalDate until) {
        jdbc.sql("UPDATE vote SET result_until = :u WHERE id = :id").param("u", until).param("id", id).update();
    }

    public Optional<Long> byLink(String linkKey) {
        return jdbc.sql("SELECT id FROM vote WHERE link_key = :k").param("k", linkKey).query(Long.class).optional();
    }

    /** Votes of estates under a region path (or of one estate), newest first. */
    public List<Stored> under(String pathPrefix, Long estateId) {
        List<Long> ids = jdbc.sql("""
                SELECT id FROM vote WHERE (CAST(:path AS text) IS NULL OR estate_path LIKE :path || '%')
                  AND (CAST(:estate AS bigint) IS NULL OR estate_id = :estate) ORDER BY id DESC LIMIT 500""")
                .param("path", pathPrefix).param("estate", estateId).query(Long.class).list();
        return ids.stream().map(this::find).flatMap(Optional::stream).toList();
    }

    // --- roll and ballots --------------------------------------------------------------------------------------

    public void freezeRoll(long voteId, List<RollUnit> roll) {
        for (RollUnit u : roll) {
            jdbc.sql("INSERT INTO vote_roll (vote_id, unit, owner, area, unsold) VALUES (:v, :u, :o, :a, :s)")
                    .param("v", voteId).param("u", u.unit()).param("o", u.owner()).param("a", u.area())
                    .param("s", u.unsold()).update();
        }
    }

    /** The roll with the ballots in force for one proposal (null where the unit did not vote). */
    public List<RollUnit> roll(long voteId, int proposal) {
        return jdbc.sql("""
                SELECT r.unit, r.owner, r.area, r.unsold, b.ballot FROM vote_roll r
                LEFT JOIN vote_ballot b ON b.vote_id = r.vote_id AND b.unit = r.unit AND b.proposal = :p
                      AND (b.proxy IS NULL OR b.proxy_checked_by IS NOT NULL)
                WHERE r.vote_id = :v ORDER BY r.unit""")
                .param("v", voteId).param("p", proposal)
                .query((rs, n) -> new RollUnit(rs.getString("unit"), rs.getString("owner"), rs.getBigDecimal("area"),
                        rs.getBoolean("unsold"), rs.getString("ballot") == null ? null
                        : Ballot.valueOf(rs.getString("ballot"))))
                .list();
    }

    public Optional<RollUnit> rollUnit(long voteId, String unit) {
        return jdbc.sql("SELECT * FROM vote_roll WHERE vote_id = :v AND unit = :u").param("v", voteId)
                .param("u", unit).query((rs, n) -> new RollUnit(rs.getString("unit"), rs.getString("owner"),
                        rs.getBigDecimal("area"), rs.getBoolean("unsold"), null)).optional();
    }

    /** Ballots in force of one person's other units (same owner, or every unsold unit), per proposal. */
    public Map<Integer, String> ballotsOfPerson(long voteId, RollUnit unit) {
        return jdbc.sql("""
                SELECT b.proposal, min(b.ballot) AS ballot FROM vote_ballot b JOIN vote_roll r
                  ON r.vote_id = b.vote_id AND r.unit = b.unit
                WHERE b.vote_id = :v AND r.unit <> :u
                  AND ((:unsold AND r.unsold) OR (NOT :unsold AND NOT r.unsold AND r.owner = :owner))
                GROUP BY b.proposal""")
                .param("v", voteId).param("u", unit.unit()).param("unsold", unit.unsold()).param("owner", unit.owner())
                .query((rs, n) -> Map.entry(rs.getInt("proposal"), rs.getString("ballot"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Every unit of the unit's person: the owner's units by name, or all the developer's unsold ones. */
    public List<String> unitsOfPerson(long voteId, RollUnit unit) {
        return jdbc.sql("""
                SELECT unit FROM vote_roll WHERE vote_id = :v
                  AND (unit = :u OR (:unsold AND unsold) OR (NOT :unsold AND NOT unsold AND owner = :owner))
                ORDER BY unit""")
                .param("v", voteId).param("u", unit.unit()).param("unsold", unit.unsold()).param("owner", unit.owner())
                .query(String.class).list();
    }

    public void cast(long voteId, String unit, int proposal, Ballot ballot, String channel, String by,
                     OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO vote_ballot (vote_id, unit, proposal, ballot, channel, cast_at, keyed_by)
                VALUES (:v, :u, :p, :b, :c, :at, :by)
                ON CONFLICT (vote_id, unit, proposal) DO UPDATE
                SET ballot = EXCLUDED.ballot, channel = EXCLUDED.channel, cast_at = EXCLUDED.cast_at,
                    keyed_by = EXCLUDED.keyed_by""")
                .param("v", voteId).param("u", unit).param("p", proposal).param("b", ballot.name())
                .param("c", channel).param("at", at).param("by", by).update();
        jdbc.sql("""
                INSERT INTO vote_ballot_change (vote_id, unit, proposal, ballot, channel, cast_at, keyed_by)
                VALUES (:v, :u, :p, :b, :c, :at, :by)""")
                .param("v", voteId).param("u", unit).param("p", proposal).param("b", ballot.name())
                .param("c", channel).param("at", at).param("by", by).update();
    }

    /** Participation so far: which units took part, never how they voted. */
    public List<String> unitsVoted(long voteId) {
        return jdbc.sql("""
                SELECT DISTINCT unit FROM vote_ballot WHERE vote_id = :v
                  AND (proxy IS NULL OR proxy_checked_by IS NOT NULL) ORDER BY unit""").param("v", voteId)
                .query(String.class).list();
    }

    // --- results -----------------------------------------------------------------------------------------------

    public void saveResult(long voteId, int proposal, boolean passed, String tallyJson) {
        jdbc.sql("""
                INSERT INTO vote_result (vote_id, proposal, passed, tally)
                VALUES (:v, :p, :passed, CAST(:t AS jsonb))""")
                .param("v", voteId).param("p", proposal).param("passed", passed).param("t", tallyJson).update();
    }

    /** Whether the vote was counted and every proposal passed. */
    public boolean passed(long voteId) {
        return Boolean.TRUE.equals(jdbc.sql("SELECT bool_and(passed) FROM vote_result WHERE vote_id = :v")
                .param("v", voteId).query(Boolean.class).single());
    }

    public List<String> results(long voteId) {
        return jdbc.sql("SELECT tally::text FROM vote_result WHERE vote_id = :v ORDER BY proposal")
                .param("v", voteId).query(String.class).list();
    }

}
