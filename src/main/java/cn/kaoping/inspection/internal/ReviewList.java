package cn.kaoping.inspection.internal;

import cn.kaoping.account.AccountDirectory;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.KaopingPrincipal;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The district's review list of a round (issue 21: 21 inspections meant 21 pages): every submitted inspection on one
 * screen with what deserves a look flagged, accepted or returned row by row, and the unflagged accepted at once.
 * Flags: the estate fails the scheme; findings recorded without a photo; handed in after the inspection deadline.
 */
@Service
public class ReviewList {

    private static final java.time.ZoneId CHINA = java.time.ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final RoundService rounds;
    private final InspectionService inspections;
    private final AccountDirectory accounts;

    ReviewList(JdbcClient jdbc, RoundService rounds, InspectionService inspections, AccountDirectory accounts) {
        this.jdbc = jdbc;
        this.rounds = rounds;
        this.inspections = inspections;
        this.accounts = accounts;
    }

    /**
     * One submitted inspection awaiting review.
     *
     * @param flags message keys of what deserves a look, with their argument ({@code review.flag.noPhoto} → 3)
     */
    public record Row(long id, String estateName, String streetName, BigDecimal total, String gradeLabel,
                      String inspector, OffsetDateTime submittedAt, Map<String, Object> flags) {

        public boolean flagged() {
            return !flags.isEmpty();
        }
    }

    /** The submitted inspections of a round the principal leads; 404 when not visible, 403 when not leading. */
    public List<Row> rows(KaopingPrincipal p, long roundId) {
        Round round = rounds.get(p, roundId);
        if (!Scope.leads(p, round)) {
            throw new cn.kaoping.shared.ForbiddenException("只有发起轮次的区（市）房产主管部门可以审核");
        }
        record Raw(long id, String estate, String street, BigDecimal total, String grade, Boolean passed, String by,
                   OffsetDateTime at, long noPhoto) {
        }
        List<Raw> raw = jdbc.sql("""
                SELECT i.id, i.estate_name, i.street_name, i.total, i.grade_label, i.passed, i.submitted_by,
                       i.submitted_at,
                       (SELECT count(*) FROM finding f WHERE f.inspection_id = i.id AND (f.count > 0 OR f.holds)
                          AND NOT EXISTS (SELECT 1 FROM evidence e
                                          WHERE e.inspection_id = i.id AND e.rule_code = f.rule_code)) AS no_photo
                FROM inspection i
                WHERE i.round_id = :round AND i.status = 'SUBMITTED'
                ORDER BY i.street_name, i.estate_name""")
                .param("round", roundId)
                .query((rs, n) -> new Raw(rs.getLong("id"), rs.getString("estate_name"), rs.getString("street_name"),
                        rs.getBigDecimal("total"), rs.getString("grade_label"), (Boolean) rs.getObject("passed"),
                        rs.getString("submitted_by"), rs.getObject("submitted_at", OffsetDateTime.class),
                        rs.getLong("no_photo")))
                .list();
        Map<String, String> names = accounts.displayNames(raw.stream().map(Raw::by).toList());
        List<Row> rows = new ArrayList<>();
        for (Raw r : raw) {
            Map<String, Object> flags = new java.util.LinkedHashMap<>();
            if (Boolean.FALSE.equals(r.passed())) {
                flags.put("review.flag.failed", r.total());
            }
            if (r.noPhoto() > 0) {
                flags.put("review.flag.noPhoto", r.noPhoto());
            }
            if (r.at() != null && r.at().atZoneSameInstant(CHINA).toLocalDate().isAfter(round.inspectionDue())) {
                flags.put("review.flag.late", round.inspectionDue());
            }
            rows.add(new Row(r.id(), r.estate(), r.street(), r.total(), r.grade(), names.get(r.by()), r.at(), flags));
        }
        return rows;
    }

    /** Accepts every submitted inspection without a flag, each audited on its own; returns how many. */
    public int acceptUnflagged(KaopingPrincipal p, long roundId) {
        int accepted = 0;
        for (Row row : rows(p, roundId)) {
            if (row.flagged()) {
                continue;
            }
            try {
                inspections.accept(p, row.id());
                accepted++;
            } catch (ConflictException e) {
                // reviewed meanwhile by a colleague: nothing to do for this one
            }
        }
        return accepted;
    }

    /** The day the round's inspections were due, for the page's heading. */
    public LocalDate due(KaopingPrincipal p, long roundId) {
        return rounds.get(p, roundId).inspectionDue();
    }
}
