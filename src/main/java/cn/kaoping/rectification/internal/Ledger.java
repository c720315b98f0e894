package cn.kaoping.rectification.internal;

import cn.kaoping.platform.excel.ExcelColumns;
import cn.kaoping.platform.excel.Spreadsheets;
import cn.kaoping.shared.KaopingPrincipal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The problem ledger 问题台账: every problem of every issued notice the principal sees, with the dates and people of
 * its life (raised, answered, accepted or rejected, closed), and its .xlsx export.
 */
@Component
public class Ledger {

    private static final ExcelColumns LAYOUT = new ExcelColumns("问题台账", Arrays.stream(new String[] {
            "文号", "通知书状态", "小区", "街道", "物业服务企业", "序号", "规则", "问题", "扣分", "问题状态", "下达日期",
            "整改期限", "整改报送时间", "报送人", "退回次数", "最近退回原因", "验收时间", "验收人", "销号日期", "是否逾期"})
            .map(h -> new ExcelColumns.Column(h, "")).toList());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final JdbcClient jdbc;
    private final Clock clock;

    Ledger(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The ledger rows, newest notice first; {@code status} (a problem status) may be null for all. */
    @Transactional(readOnly = true)
    public List<Views.LedgerRow> rows(KaopingPrincipal p, ProblemStatus status, boolean overdueOnly) {
        Access.Sql scope = Access.condition(p);
        JdbcClient.StatementSpec sql = jdbc.sql("""
                SELECT n.id, n.number, n.status AS notice_status, n.estate_name, n.street_name, n.company_name,
                       pr.position, pr.rule_code, pr.description, pr.points_lost, pr.status, n.issued_on, n.deadline,
                       pr.answered_at, pr.answered_by, pr.rejections, pr.rejection, pr.decided_at, pr.decided_by,
                       pr.closed_on,
                       (n.status IN ('ISSUED', 'SUBMITTED') AND pr.status = 'OPEN' AND n.deadline < :today) AS overdue
                FROM rectification_problem pr JOIN rectification_notice n ON n.id = pr.notice_id
                WHERE n.status IN ('ISSUED', 'SUBMITTED', 'CLOSED')
                  AND (CAST(:status AS text) IS NULL OR pr.status = CAST(:status AS text))
                  AND (NOT :overdueOnly OR (n.status IN ('ISSUED', 'SUBMITTED') AND pr.status = 'OPEN'
                                            AND n.deadline < :today))
                  AND""" + " " + scope.sql() + " ORDER BY n.issued_on DESC, n.id DESC, pr.position LIMIT 5000");
        scope.params().forEach(sql::param);
        return sql.param("today", LocalDate.now(clock)).param("status", status == null ? null : status.name())
                .param("overdueOnly", overdueOnly)
                .query((rs, i) -> new Views.LedgerRow(rs.getLong("id"), rs.getString("number"),
                        rs.getString("notice_status"), rs.getString("estate_name"), rs.getString("street_name"),
                        rs.getString("company_name"), rs.getInt("position"), rs.getString("rule_code"),
                        rs.getString("description"), rs.getBigDecimal("points_lost"), rs.getString("status"),
                        rs.getObject("issued_on", LocalDate.class), rs.getObject("deadline", LocalDate.class),
                        rs.getObject("answered_at", OffsetDateTime.class), rs.getString("answered_by"),
                        rs.getInt("rejections"), rs.getString("rejection"),
                        rs.getObject("decided_at", OffsetDateTime.class), rs.getString("decided_by"),
                        rs.getObject("closed_on", LocalDate.class), rs.getBoolean("overdue")))
                .list();
    }

    public byte[] xlsx(List<Views.LedgerRow> rows) {
        List<List<Object>> data = new ArrayList<>();
        for (Views.LedgerRow r : rows) {
            data.add(Arrays.asList(r.number(), NoticeStatus.valueOf(r.noticeStatus()).label(), r.estateName(),
                    r.streetName(), r.companyName(), r.position(), r.ruleCode() == null ? "" : r.ruleCode(),
                    r.description(), r.pointsLost() == null ? "" : r.pointsLost(),
                    ProblemStatus.valueOf(r.status()).label(), str(r.issuedOn()), str(r.deadline()),
                    time(r.answeredAt()), nz(r.answeredBy()), r.rejections(), nz(r.rejection()), time(r.decidedAt()),
                    nz(r.decidedBy()), str(r.closedOn()), r.overdue() ? "是" : "否"));
        }
        return Spreadsheets.write(LAYOUT, data);
    }

    private static String str(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    private String time(OffsetDateTime t) {
        return t == null ? "" : t.atZoneSameInstant(clock.getZone()).format(TIME);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
