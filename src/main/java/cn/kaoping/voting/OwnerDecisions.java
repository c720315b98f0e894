package cn.kaoping.voting;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Closed owner votes for other modules: an honour re-evaluation asked for early because of declining service needs
 * the owners' consent by 双过半 (seed 002 一、), which is a vote of this estate, closed, with every proposal passed.
 */
@Service
public class OwnerDecisions {

    private final JdbcClient jdbc;

    OwnerDecisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A closed vote of an estate and whether all its proposals passed. */
    public record Decision(long voteId, long estateId, String title, LocalDate closesOn, boolean passed) {
    }

    @Transactional(readOnly = true)
    public Optional<Decision> closed(long voteId, long estateId) {
        return jdbc.sql("""
                SELECT v.id, v.estate_id, v.title, v.closes_on,
                       bool_and(r.passed) AND count(r.proposal) > 0 AS passed
                FROM vote v LEFT JOIN vote_result r ON r.vote_id = v.id
                WHERE v.id = :id AND v.estate_id = :estate AND v.status = 'CLOSED'
                GROUP BY v.id""")
                .param("id", voteId).param("estate", estateId)
                .query((rs, i) -> new Decision(rs.getLong("id"), rs.getLong("estate_id"), rs.getString("title"),
                        rs.getObject("closes_on", LocalDate.class), rs.getBoolean("passed")))
                .optional();
    }
}
