package cn.kaoping.casework;

import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Complaint figures for a region (a street, a district), optionally one company or one estate, over the days
 * received from {@code from} to {@code to} (issue 14): what the street-office assessment (seed 001 row 6: 6.3.a
 * complaints resolved, 6.3.b pushed back without handling), the daily inspection's complaint rows and the credit file
 * read. On time means on or before the deadline day in China time.
 */
@Service
public class ComplaintFigures {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;

    ComplaintFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param repeats complaints on the same estate and category as another received in the 30 days before
     */
    public record Figures(long received, long signedOnTime, long closed, long closedOnTime, long pushedBack,
                          long satisfied, long basicallySatisfied, long unsatisfied, long repeats, long open) {
    }

    @Transactional(readOnly = true)
    public Figures of(String regionPath, Long companyId, Long estateId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT count(*) AS received,
                       count(*) FILTER (WHERE signed_at IS NOT NULL
                                        AND CAST(signed_at AT TIME ZONE :zone AS date) <= sign_due) AS signed_on_time,
                       count(*) FILTER (WHERE status = 'CLOSED') AS closed,
                       count(*) FILTER (WHERE status = 'CLOSED'
                                        AND CAST(closed_at AT TIME ZONE :zone AS date) <= close_due) AS closed_on_time,
                       count(*) FILTER (WHERE status = 'RETURNED') AS pushed_back,
                       count(*) FILTER (WHERE callback = 'SATISFIED') AS satisfied,
                       count(*) FILTER (WHERE callback = 'BASICALLY_SATISFIED') AS basically,
                       count(*) FILTER (WHERE callback = 'UNSATISFIED') AS unsatisfied,
                       count(*) FILTER (WHERE EXISTS (
                           SELECT 1 FROM complaint p WHERE p.estate_id = c.estate_id AND p.category = c.category
                             AND p.id <> c.id AND p.received_at <= c.received_at
                             AND p.received_at > c.received_at - interval '30 days')) AS repeats,
                       count(*) FILTER (WHERE status NOT IN ('CLOSED', 'RETURNED')) AS open
                FROM complaint c
                WHERE c.estate_path LIKE :path || '%'
                  AND (CAST(:company AS bigint) IS NULL OR c.company_id = :company)
                  AND (CAST(:estate AS bigint) IS NULL OR c.estate_id = :estate)
                  AND CAST(c.received_at AT TIME ZONE :zone AS date) BETWEEN :from AND :to""")
                .param("zone", CHINA.getId()).param("path", regionPath).param("company", companyId)
                .param("estate", estateId).param("from", from).param("to", to)
                .query((rs, n) -> new Figures(rs.getLong("received"), rs.getLong("signed_on_time"),
                        rs.getLong("closed"), rs.getLong("closed_on_time"), rs.getLong("pushed_back"),
                        rs.getLong("satisfied"), rs.getLong("basically"), rs.getLong("unsatisfied"),
                        rs.getLong("repeats"), rs.getLong("open")))
                .single();
    }
}
