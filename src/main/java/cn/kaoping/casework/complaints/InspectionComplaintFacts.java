package cn.kaoping.casework.complaints;

import cn.kaoping.inspection.SuggestedFacts;
import cn.kaoping.scheme.SchemeCatalog;
import cn.kaoping.scheme.engine.Scheme;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The complaint rows of an estate's inspection from its work orders (issue 14; seed 000/004 投诉处置): the scheme names
 * them in its settings — {@code fact-source.complaints-late-reply} (Shenyang 10.a 转办投诉超时未回复: complaints assigned
 * to the company answered after their deadline or still unanswered past it) and
 * {@code fact-source.complaints-closed-rate} (Shenyang 11 有效投诉办结率: closed ÷ complaints received in the period,
 * those pushed back as not the estate's matter left out). A quarter without a valid complaint suggests nothing, so a
 * rule that scores full points for none does so.
 */
@Component
class InspectionComplaintFacts implements SuggestedFacts {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final SchemeCatalog schemes;
    private final JdbcClient jdbc;
    private final Clock clock;

    InspectionComplaintFacts(SchemeCatalog schemes, JdbcClient jdbc, Clock clock) {
        this.schemes = schemes;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<Suggestion> of(String schemeCode, int schemeVersion, long estateId, LocalDate from, LocalDate to) {
        Scheme scheme = schemes.published(schemeCode, schemeVersion).orElse(null);
        if (scheme == null) {
            return List.of();
        }
        String lateRule = scheme.setting("fact-source.complaints-late-reply").orElse(null);
        String rateRule = scheme.setting("fact-source.complaints-closed-rate").orElse(null);
        if (lateRule == null && rateRule == null) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        LocalDate cutoff = today.isBefore(to) ? today : to;
        Map<String, Object> row = jdbc.sql("""
                SELECT count(*) FILTER (WHERE status <> 'RETURNED') AS valid,
                       count(*) FILTER (WHERE status = 'CLOSED') AS closed,
                       count(*) FILTER (WHERE assignee_company_id IS NOT NULL AND (
                           (answered_at IS NOT NULL AND CAST(answered_at AT TIME ZONE :zone AS date) > close_due)
                        OR (answered_at IS NULL AND status NOT IN ('CLOSED', 'RETURNED') AND close_due < :cutoff)))
                           AS late
                FROM complaint
                WHERE estate_id = :estate AND CAST(received_at AT TIME ZONE :zone AS date) BETWEEN :from AND :to""")
                .param("zone", CHINA.getId()).param("estate", estateId).param("from", from).param("to", to)
                .param("cutoff", cutoff).query().singleRow();
        long valid = ((Number) row.get("valid")).longValue();
        long closed = ((Number) row.get("closed")).longValue();
        long late = ((Number) row.get("late")).longValue();
        String link = "/complaints";
        List<Suggestion> out = new ArrayList<>();
        if (lateRule != null) {
            out.add(new Suggestion(lateRule, (int) late, null, "投诉工单：" + from + " 至 " + to + " 受理、派给物业服务企业的工单中，"
                    + "超过办结期限未答复 " + late + " 件", link));
        }
        if (rateRule != null && valid > 0) {
            BigDecimal rate = BigDecimal.valueOf(closed).divide(BigDecimal.valueOf(valid), 6, RoundingMode.DOWN);
            out.add(new Suggestion(rateRule, null, rate, "投诉工单：" + from + " 至 " + to + " 受理有效投诉 " + valid
                    + " 件（退回的不计），已办结 " + closed + " 件", link));
        }
        return out;
    }
}
