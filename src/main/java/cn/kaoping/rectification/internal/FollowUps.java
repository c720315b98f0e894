package cn.kaoping.rectification.internal;

import cn.kaoping.inspection.EarlierProblems;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The follow-up check 回头看 (seed 000: 对整改问题进行"回头看"): the inspection form of the next round lists the
 * problems of the estate's earlier notices and how far each got.
 */
@Component
class FollowUps implements EarlierProblems {

    private final JdbcClient jdbc;

    FollowUps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<EarlierProblem> of(long estateId, LocalDate before) {
        return jdbc.sql("""
                SELECT n.id, n.number, n.issued_on, p.rule_code, p.description, p.status
                FROM rectification_problem p JOIN rectification_notice n ON n.id = p.notice_id
                WHERE n.estate_id = :estate AND n.status IN ('ISSUED', 'SUBMITTED', 'CLOSED')
                  AND n.issued_on < :before
                ORDER BY n.issued_on DESC, n.id DESC, p.position
                LIMIT 50""")
                .param("estate", estateId).param("before", before)
                .query((rs, i) -> new EarlierProblem(rs.getLong("id"), rs.getString("number"),
                        rs.getObject("issued_on", LocalDate.class), rs.getString("rule_code"),
                        rs.getString("description"), "rectification.problem.status." + rs.getString("status")))
                .list();
    }
}
