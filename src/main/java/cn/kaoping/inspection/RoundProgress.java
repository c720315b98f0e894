package cn.kaoping.inspection;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How far the rounds under a region have got, for dashboards: per round its inspection tasks and how many were
 * handed in, accepted or sent back. Counts only the tasks of estates under the region, so a street office sees
 * its own tasks of a district's round.
 */
@Service
@Transactional(readOnly = true)
public class RoundProgress {

    private final JdbcClient jdbc;

    RoundProgress(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A round and its tasks under the region asked for.
     *
     * @param status    DRAFT, OPEN, PUBLICITY or PUBLISHED
     * @param tasks     inspection tasks of estates under the region
     * @param submitted tasks handed in and not sent back: awaiting review or accepted
     * @param accepted  tasks the district accepted
     * @param returned  tasks sent back to the street office, awaiting resubmission
     */
    public record RoundTasks(long roundId, String name, String schemeCode, int schemeVersion, String period,
                             LocalDate periodStart, LocalDate periodEnd, String status, int tasks, int submitted,
                             int accepted, int returned) {

        /** Handed in and not yet reviewed. */
        public int awaitingReview() {
            return submitted - accepted;
        }

        /** Not handed in yet (never, or not again after a return). */
        public int pending() {
            return tasks - submitted - returned;
        }
    }

    /**
     * The rounds led under a region path, or holding a task of an estate under it (drafts only when led there, as
     * the rounds screen shows them), newest period first, at most {@code limit}.
     *
     * @param schemeCode only rounds of this scheme; null for all
     */
    public List<RoundTasks> under(String regionPath, String schemeCode, int limit) {
        return jdbc.sql("""
                SELECT r.id, r.name, r.scheme_code, r.scheme_version, r.period, r.period_start, r.period_end, r.status,
                       count(i.id) AS tasks,
                       count(i.id) FILTER (WHERE i.status IN ('SUBMITTED', 'ACCEPTED')) AS submitted,
                       count(i.id) FILTER (WHERE i.status = 'ACCEPTED') AS accepted,
                       count(i.id) FILTER (WHERE i.status = 'RETURNED') AS returned
                FROM round r
                LEFT JOIN inspection i ON i.round_id = r.id AND i.estate_path LIKE :path
                WHERE (CAST(:scheme AS text) IS NULL OR r.scheme_code = CAST(:scheme AS text))
                  AND (r.region_path LIKE :path
                       OR (r.status <> 'DRAFT' AND EXISTS (
                           SELECT 1 FROM inspection x WHERE x.round_id = r.id AND x.estate_path LIKE :path)))
                GROUP BY r.id
                ORDER BY r.period_end DESC, r.id DESC
                LIMIT :limit""")
                .param("path", regionPath + "%").param("scheme", schemeCode).param("limit", limit)
                .query((rs, i) -> new RoundTasks(rs.getLong("id"), rs.getString("name"), rs.getString("scheme_code"),
                        rs.getInt("scheme_version"), rs.getString("period"),
                        rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class),
                        rs.getString("status"), rs.getInt("tasks"), rs.getInt("submitted"), rs.getInt("accepted"),
                        rs.getInt("returned")))
                .list();
    }
}
