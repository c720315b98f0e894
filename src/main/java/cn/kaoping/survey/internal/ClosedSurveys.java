package cn.kaoping.survey.internal;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Finds the closed surveys whose results a round takes: those opened for it, and stand-alone ones of its period. */
@Repository
public class ClosedSurveys {

    private final JdbcClient jdbc;

    ClosedSurveys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Closed surveys for the round, or without a round and ending inside {@code from}–{@code to}; oldest close first. */
    public List<Long> forRound(long roundId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT id FROM survey
                WHERE status = 'CLOSED'
                  AND (round_id = :round OR (round_id IS NULL AND ends_on BETWEEN :from AND :to))
                ORDER BY closed_at, id""")
                .param("round", roundId).param("from", from).param("to", to).query(Long.class).list();
    }

    /** Every closed survey that ended inside {@code from}–{@code to}, for or without a round; oldest close first. */
    public List<Long> endingBetween(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT id FROM survey WHERE status = 'CLOSED' AND ends_on BETWEEN :from AND :to
                ORDER BY closed_at, id""")
                .param("from", from).param("to", to).query(Long.class).list();
    }
}
