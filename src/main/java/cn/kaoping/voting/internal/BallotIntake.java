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
 * The phone ballot's path through PostgreSQL in three statements (issue 13: ballot intake on the survey's fast
 * path): the vote row read FOR SHARE (a close waits for ballots in flight, and they for it), one lookup of everything
 * the rules need (the client's lock-out, the unit holding the code, its ballots in force, whether its person voted on
 * paper, the person's units), and one statement that stores the ballot in force and its change for every unit of the
 * person.
 */
@Repository
class BallotIntake {

    private final JdbcClient jdbc;

    BallotIntake(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What decides whether the vote takes a ballot now. */
    record Gate(String status, LocalDate opensOn, LocalDate closesOn, byte[] salt, int proposals) {
    }

    Optional<Gate> gate(long voteId) {
        return jdbc.sql("""
                SELECT status, opens_on, closes_on, salt,
                       (SELECT count(*) FROM vote_proposal p WHERE p.vote_id = v.id) AS proposals
                FROM vote v WHERE id = :v FOR SHARE""")
                .param("v", voteId)
                .query((rs, n) -> new Gate(rs.getString("status"), rs.getObject("opens_on", LocalDate.class),
                        rs.getObject("closes_on", LocalDate.class), rs.getBytes("salt"), rs.getInt("proposals")))
                .optional();
    }

    /**
     * @param unit     the unit holding the code, or null
     * @param own      its ballots in force by proposal
     * @param onPaper  whether any unit of its person voted on paper or waits for a paper entry
     * @param units    every unit of its person (itself included)
     */
    record Lookup(Timestamp lockedUntil, String unit, Map<Integer, String> own, boolean onPaper, List<String> units) {
    }

    Lookup lookup(long voteId, byte[] codeHash, String guardKey) {
        return jdbc.sql("""
                WITH u AS (
                    SELECT r.unit, r.owner, r.unsold FROM vote_code c
                    JOIN vote_roll r ON r.vote_id = c.vote_id AND r.unit = c.unit
                    WHERE c.vote_id = :v AND c.code_hash = :h
                ), person AS (
                    SELECT r.unit FROM vote_roll r, u WHERE r.vote_id = :v
                      AND (r.unit = u.unit OR (u.unsold AND r.unsold)
                           OR (NOT u.unsold AND NOT r.unsold AND r.owner = u.owner))
                )
                SELECT (SELECT locked_until FROM client_guard WHERE client_key = :k) AS locked_until,
                       (SELECT unit FROM u) AS unit,
                       (SELECT string_agg(b.proposal || ':' || b.ballot, ',') FROM vote_ballot b, u
                        WHERE b.vote_id = :v AND b.unit = u.unit) AS own,
                       EXISTS (SELECT 1 FROM vote_ballot b JOIN person p ON p.unit = b.unit
                               WHERE b.vote_id = :v AND b.channel = 'PAPER')
                       OR EXISTS (SELECT 1 FROM vote_paper_entry e JOIN person p ON p.unit = e.unit
                                  WHERE e.vote_id = :v) AS on_paper,
                       (SELECT array_agg(unit ORDER BY unit) FROM person) AS units""")
                .param("v", voteId).param("h", codeHash).param("k", guardKey)
                .query((rs, n) -> {
                    Map<Integer, String> own = new HashMap<>();
                    String text = rs.getString("own");
                    if (text != null) {
                        for (String pair : text.split(",")) {
                            int colon = pair.indexOf(':');
                            own.put(Integer.parseInt(pair.substring(0, colon)), pair.substring(colon + 1));
                        }
                    }
                    java.sql.Array units = rs.getArray("units");
                    return new Lookup(rs.getTimestamp("locked_until"), rs.getString("unit"), own,
                            rs.getBoolean("on_paper"), units == null ? List.of()
                            : List.of((String[]) units.getArray()));
                })
                .single();
    }

    /** Stores the ballots (one per proposal, in order) for every unit, each with its change row, in one statement. */
    void cast(long voteId, List<String> units, List<String> ballots, OffsetDateTime at) {
        jdbc.sql("""
                WITH rows AS (
                    SELECT u.unit, x.proposal::int AS proposal, x.ballot
                    FROM unnest(CAST(:units AS text[])) AS u(unit),
                         unnest(CAST(:ballots AS text[])) WITH ORDINALITY AS x(ballot, proposal)
                ), upsert AS (
                    INSERT INTO vote_ballot (vote_id, unit, proposal, ballot, channel, cast_at)
                    SELECT :v, unit, proposal, ballot, 'PHONE', :at FROM rows
                    ON CONFLICT (vote_id, unit, proposal) DO UPDATE
                    SET ballot = EXCLUDED.ballot, channel = EXCLUDED.channel, cast_at = EXCLUDED.cast_at,
                        keyed_by = NULL
                    RETURNING 1
                )
                INSERT INTO vote_ballot_change (vote_id, unit, proposal, ballot, channel, cast_at)
                SELECT :v, unit, proposal, ballot, 'PHONE', :at FROM rows""")
                .param("v", voteId).param("units", units.toArray(String[]::new))
                .param("ballots", ballots.toArray(String[]::new)).param("at", at).update();
    }
}
