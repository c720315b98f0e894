package cn.kaoping.inspection;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Published round results for other modules: the latest revision of a round, read from its immutable snapshot. */
@Service
@Transactional(readOnly = true)
public class PublishedResults {

    private final JdbcClient jdbc;

    PublishedResults(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The latest revision of a round's published results; empty while the round is not published. */
    public Optional<PublishedRound> latest(RoundId round) {
        return jdbc.sql("""
                SELECT r.id, r.name, r.scheme_code, r.scheme_version, r.period, r.period_start, r.period_end,
                       rr.revision, rr.reason, rr.content_hash, rr.published_at
                FROM round r JOIN round_result rr ON rr.round_id = r.id
                WHERE r.id = :id ORDER BY rr.revision DESC LIMIT 1""")
                .param("id", round.value())
                .query((rs, i) -> new PublishedRound(round, rs.getString("name"), rs.getInt("revision"),
                        rs.getString("reason"), rs.getString("content_hash"), rs.getString("scheme_code"),
                        rs.getInt("scheme_version"), new Period(rs.getString("period"),
                                rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class)),
                        rs.getObject("published_at", OffsetDateTime.class),
                        results(round.value(), rs.getInt("revision"))))
                .optional();
    }

    /** Ids of the published rounds of a scheme, newest period first. */
    public List<RoundId> published(String schemeCode) {
        return jdbc.sql("""
                SELECT id FROM round WHERE scheme_code = :code AND status = 'PUBLISHED'
                ORDER BY period_end DESC, id DESC""")
                .param("code", schemeCode).query((rs, i) -> new RoundId(rs.getLong("id"))).list();
    }

    private List<EstateResult> results(long round, int revision) {
        return jdbc.sql("""
                SELECT e.* FROM round_result rr,
                     jsonb_to_recordset(rr.content -> 'estates')
                         AS e("estateId" BIGINT, "estateName" TEXT, "companyId" BIGINT, "streetId" BIGINT,
                              total NUMERIC, grade TEXT, passed BOOLEAN)
                WHERE rr.round_id = :round AND rr.revision = :revision
                ORDER BY e.total DESC, e."estateId"
                """)
                .param("round", round).param("revision", revision)
                .query((rs, i) -> new EstateResult(rs.getLong("estateId"), rs.getString("estateName"),
                        (Long) rs.getObject("companyId"), rs.getLong("streetId"), rs.getBigDecimal("total"),
                        rs.getString("grade"), rs.getBoolean("passed")))
                .list();
    }
}
