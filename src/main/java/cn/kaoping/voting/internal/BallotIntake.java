package cn.kaoping.voting.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The phone ballot's path through PostgreSQL in two statements, as survey intake's (issue 13: ballot intake on the
 * survey's fast path): one lookup of everything the rules need, and one statement that stores the ballot in force
 * and its change for every unit of the person, commits on its own, and re-checks under a lock what could have
 * changed since the lookup (the close, a paper ballot).
 */
@Repository
class BallotIntake {

    private final JdbcClient jdbc;

    BallotIntake(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Everything the rules need, read in one statement: the vote's state and proposals, the client's lock-out, the unit holding the code (or
     * null), its ballots in force by proposal, whether any unit of its person voted on paper or waits for a paper
     * entry, and every unit of its person (itself included). Empty when the vote does not exist.
     */
    record Lookup(boolean open, boolean ended, int proposals, Timestamp lockedUntil, String unit,
                  Map<Integer, String> own, boolean onPaper, List<String> units) {
    }

    /** Separates the units and the ballots bound as one text each (no unit name holds it). */
    private static final String SEPARATOR = "\u001f";

    /**
     * @param today the day by the application's clock: the vote takes ballots ({@code open}) while OPEN and today lies
     *              in its window; it has {@code ended} when CLOSED or past its last day (read as booleans, so the
     *              driver parses no dates on the hot path)
     */
    Optional<Lookup> lookup(long voteId, byte[] codeHash, String guardKey, LocalDate today) {
        return jdbc.sql("""
                WITH g AS (
                    SELECT status = 'OPEN' AND CAST(:today AS date) BETWEEN opens_on AND closes_on AS open,
                           status = 'CLOSED' OR CAST(:today AS date) > closes_on AS ended
                    FROM vote WHERE id = :v
                ), u AS (
                    SELECT r.unit, r.person FROM vote_code c
                    JOIN vote_roll r ON r.vote_id = c.vote_id AND r.unit = c.unit
                    WHERE c.vote_id = :v AND c.code_hash = :h
                ), person AS (
                    SELECT r.unit FROM vote_roll r WHERE r.vote_id = :v AND r.person = (SELECT person FROM u)
                )
                SELECT g.open, g.ended,
                       (SELECT count(*) FROM vote_proposal p WHERE p.vote_id = :v) AS proposals,
                       (SELECT locked_until FROM client_guard WHERE client_key = :k) AS locked_until,
                       (SELECT unit FROM u) AS unit,
                       (SELECT string_agg(b.proposal || ':' || b.ballot, ',') FROM vote_ballot b, u
                        WHERE b.vote_id = :v AND b.unit = u.unit) AS own,
                       EXISTS (SELECT 1 FROM vote_ballot b JOIN person p ON p.unit = b.unit
                               WHERE b.vote_id = :v AND b.channel = 'PAPER')
                       OR EXISTS (SELECT 1 FROM vote_paper_entry e JOIN person p ON p.unit = e.unit
                                  WHERE e.vote_id = :v) AS on_paper,
                       (SELECT string_agg(unit, E'\\x1f' ORDER BY unit) FROM person) AS units
                FROM g""")
                .param("v", voteId).param("h", codeHash).param("k", guardKey).param("today", today)
                .query((rs, n) -> {
                    Map<Integer, String> own = new HashMap<>();
                    String text = rs.getString("own");
                    if (text != null) {
                        for (String pair : text.split(",")) {
                            int colon = pair.indexOf(':');
                            own.put(Integer.parseInt(pair.substring(0, colon)), pair.substring(colon + 1));
                        }
                    }
                    String units = rs.getString("units");
                    return new Lookup(rs.getBoolean("open"), rs.getBoolean("ended"), rs.getInt("proposals"),
                            rs.getTimestamp("locked_until"), rs.getString("unit"), own, rs.getBoolean("on_paper"),
                            units == null ? List.of() : List.of(units.split(SEPARATOR)));
                })
                .optional();
    }

    /** What storing found: whether the vote still took ballots, and how many ballots (unit × proposal) went in. */
    record Stored(boolean open, int stored) {
    }

    /**
     * Stores the ballots (one per proposal, in order) for every unit, each with its change row, in one statement that
     * commits on its own (no transaction is open around it). Its first step takes the vote row FOR SHARE only while
     * the vote is open today, so a close waits for the statement and a statement after the close stores nothing. A
     * ballot in force on paper is never overwritten (the paper one wins a race with the phone), nor are ballots stored
     * while a paper entry waits for any of the units.
     */
    Stored cast(long voteId, List<String> units, List<String> ballots, OffsetDateTime at) {
        return jdbc.sql("""
                WITH open AS (
                    SELECT 1 FROM vote WHERE id = CAST(:v AS bigint) AND status = 'OPEN'
                      AND CAST(:today AS date) BETWEEN opens_on AND closes_on FOR SHARE
                ), rows AS (
                    SELECT u.unit, x.proposal::int AS proposal, x.ballot
                    FROM open, unnest(string_to_array(CAST(:units AS text), E'\\x1f')) AS u(unit),
                         unnest(string_to_array(CAST(:ballots AS text), E'\\x1f'))
                             WITH ORDINALITY AS x(ballot, proposal)
                    WHERE NOT EXISTS (SELECT 1 FROM vote_paper_entry e WHERE e.vote_id = CAST(:v AS bigint)
                                      AND e.unit = ANY (string_to_array(CAST(:units AS text), E'\\x1f')))
                ), upsert AS (
                    INSERT INTO vote_ballot (vote_id, unit, proposal, ballot, channel, cast_at)
                    SELECT CAST(:v AS bigint), unit, proposal, ballot, 'PHONE', CAST(:at AS timestamptz) FROM rows
                    ON CONFLICT (vote_id, unit, proposal) DO UPDATE
                    SET ballot = EXCLUDED.ballot, cast_at = EXCLUDED.cast_at
                    WHERE vote_ballot.channel = 'PHONE'
                    RETURNING unit, proposal, ballot
                ), changes AS (
                    INSERT INTO vote_ballot_change (vote_id, unit, proposal, ballot, channel, cast_at)
                    SELECT CAST(:v AS bigint), unit, proposal, ballot, 'PHONE', CAST(:at AS timestamptz) FROM upsert
                    RETURNING 1
                )
                SELECT (SELECT count(*) FROM open) AS open, (SELECT count(*) FROM changes) AS stored""")
                .param("v", voteId).param("today", at.toLocalDate()).param("units", String.join(SEPARATOR, units))
                .param("ballots", String.join(SEPARATOR, ballots)).param("at", at)
                .query((rs, n) -> new Stored(rs.getInt("open") > 0, rs.getInt("stored"))).single();
    }
}
