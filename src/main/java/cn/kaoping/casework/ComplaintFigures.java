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

    /** One estate's figures. */
    public record EstateFigures(long estateId, String estateName, Figures figures) {
    }

    /** Figures per estate of a region (only estates with a complaint in the period). */
    @Transactional(readOnly = true)
    public java.util.List<EstateFigures> byEstate(String regionPath, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT c.estate_id, min(c.estate_name) AS estate_name, count(*) AS received,
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
                  AND CAST(c.received_at AT TIME ZONE :zone AS date) BETWEEN :from AND :to
                GROUP BY c.estate_id ORDER BY min(c.estate_name)""")
                .param("zone", CHINA.getId()).param("path", regionPath).param("company", null, java.sql.Types.BIGINT)
                .param("estate", null, java.sql.Types.BIGINT).param("from", from).param("to", to)
                .query((rs, n) -> new EstateFigures(rs.getLong("estate_id"), rs.getString("estate_name"),
                        figures(rs))).list();
    }

    /** The sum of several estates' figures (a street's, a district's). */
    public static Figures sum(java.util.Collection<Figures> all) {
        long[] t = new long[10];
        for (Figures f : all) {
            long[] v = {f.received(), f.signedOnTime(), f.closed(), f.closedOnTime(), f.pushedBack(), f.satisfied(),
                    f.basicallySatisfied(), f.unsatisfied(), f.repeats(), f.open()};
            for (int i = 0; i < t.length; i++) {
                t[i] += v[i];
            }
        }
        return new Figures(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], t[9]);
    }

    private static Figures figures(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Figures(rs.getLong("received"), rs.getLong("signed_on_time"), rs.getLong("closed"),
                rs.getLong("closed_on_time"), rs.getLong("pushed_back"), rs.getLong("satisfied"),
                rs.getLong("basically"), rs.getLong("unsatisfied"), rs.getLong("repeats"), rs.getLong("open"));
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
                .query((rs, n) -> figures(rs))
                .single();
    }
}
