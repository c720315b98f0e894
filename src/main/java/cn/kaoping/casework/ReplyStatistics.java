package cn.kaoping.casework;

import cn.kaoping.platform.excel.LayoutSheet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The 信访回复情况统计表 a street office reports for a period (seed 001 row 6: 报送1月1日至6月10日期间受理的信访回复情况统计表),
 * filled from the complaints it received: one row per work order with its source, estate, category, when it was
 * signed and closed, whether the reply was on time, what was done and the call back, and a total line (received, on
 * time, the on-time rate, closed, pushed back). The seed names the table but not its columns; these are the facts the
 * row scores (按时回复率, 属地办结, 推诿).
 */
@Service
public class ReplyStatistics {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final JdbcClient jdbc;

    ReplyStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The table for the complaints received under {@code regionPath} from {@code from} to {@code to} inclusive. */
    @Transactional(readOnly = true)
    public byte[] xlsx(String regionPath, String regionName, LocalDate from, LocalDate to) {
        String title = regionName + " 信访回复情况统计表（" + from + " 至 " + to + "）";
        LayoutSheet sheet = LayoutSheet.titled("信访回复情况统计表", title, List.of("序号", "工单编号", "来源", "受理日期",
                "小区", "类别", "投诉内容", "承办单位", "签收日期", "办结日期", "按时回复", "处理结果", "回访"),
                new int[]{6, 18, 8, 12, 16, 10, 40, 16, 12, 12, 8, 40, 10}, 2, Set.of(6, 11));
        List<Object[]> rows = new ArrayList<>();
        jdbc.sql("""
                SELECT c.id, c.hotline_no, c.source, c.received_at, c.estate_name, k.name AS category, c.content,
                       COALESCE(pc.name, c.assignee_department) AS assignee, c.signed_at, c.closed_at, c.close_due,
                       c.status, c.answer, c.returned_reason, c.callback
                FROM complaint c
                JOIN complaint_category k ON k.code = c.category
                LEFT JOIN property_company pc ON pc.id = c.assignee_company_id
                WHERE c.estate_path LIKE :path || '%'
                  AND CAST(c.received_at AT TIME ZONE :zone AS date) BETWEEN :from AND :to
                ORDER BY c.received_at, c.id""")
                .param("path", regionPath).param("zone", CHINA.getId()).param("from", from).param("to", to)
                .query(rs -> {
                    OffsetDateTime closed = rs.getObject("closed_at", OffsetDateTime.class);
                    LocalDate due = rs.getObject("close_due", LocalDate.class);
                    boolean onTime = closed != null && !day(closed).isAfter(due);
                    String status = rs.getString("status");
                    rows.add(new Object[]{rs.getString("hotline_no") == null ? "K" + rs.getLong("id")
                            : rs.getString("hotline_no"), source(rs.getString("source")),
                            day(rs.getObject("received_at", OffsetDateTime.class)).format(DAY),
                            rs.getString("estate_name"), rs.getString("category"), rs.getString("content"),
                            text(rs.getString("assignee")), dayText(rs.getObject("signed_at", OffsetDateTime.class)),
                            dayText(closed), onTime ? "是" : "否",
                            status.equals("RETURNED") ? "退回：" + text(rs.getString("returned_reason"))
                                    : text(rs.getString("answer")), callback(rs.getString("callback")), status});
                });
        int n = 0;
        for (Object[] r : rows) {
            List<Object> cells = new ArrayList<>();
            cells.add(++n);
            for (int i = 0; i < 12; i++) {
                cells.add(r[i]);
            }
            sheet.add(cells);
        }
        long onTime = rows.stream().filter(r -> "是".equals(r[9])).count();
        long closed = rows.stream().filter(r -> "CLOSED".equals(r[12])).count();
        long returned = rows.stream().filter(r -> "RETURNED".equals(r[12])).count();
        sheet.note("合计：受理 " + rows.size() + " 件，按时回复（办结）" + onTime + " 件，按时回复率 "
                + (rows.isEmpty() ? "—" : java.math.BigDecimal.valueOf(onTime * 100L)
                .divide(java.math.BigDecimal.valueOf(rows.size()), 1, java.math.RoundingMode.HALF_UP) + "%")
                + "，街道办结 " + closed + " 件，退回 " + returned + " 件。");
        return LayoutSheet.write(List.of(sheet));
    }

    private static LocalDate day(OffsetDateTime t) {
        return t.atZoneSameInstant(CHINA).toLocalDate();
    }

    private static String dayText(OffsetDateTime t) {
        return t == null ? "" : day(t).format(DAY);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String source(String s) {
        return switch (s) {
            case "HOTLINE" -> "热线";
            case "OWNER" -> "业主";
            default -> "来电来访";
        };
    }

    private static String callback(String c) {
        return c == null ? "" : switch (c) {
            case "SATISFIED" -> "满意";
            case "BASICALLY_SATISFIED" -> "基本满意";
            default -> "不满意";
        };
    }
}
