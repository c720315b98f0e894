package cn.kaoping.rectification.internal;

import cn.kaoping.platform.workbench.WorkItem;
import cn.kaoping.platform.workbench.WorkItemProvider;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rectification module's work on the first screen: for the company, issued notices it still has to answer (by the
 * notice's deadline); for the officials who accept answers (street office, district), submitted notices waiting for
 * the acceptance inspection, and notices of their region past their deadline without an answer. Who may do what is
 * {@link Access}'s.
 */
@Component
class RectificationWorkItems implements WorkItemProvider {

    private final JdbcClient jdbc;

    RectificationWorkItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<WorkItem> itemsFor(KaopingPrincipal p, LocalDate today) {
        List<WorkItem> items = new ArrayList<>();
        if (p.role() == Role.COMPANY_USER && p.companyId() != null) {
            jdbc.sql("""
                    SELECT id, number, estate_name, deadline FROM rectification_notice
                    WHERE company_id = :company AND status = 'ISSUED' ORDER BY deadline, id LIMIT :limit""")
                    .param("company", p.companyId()).param("limit", LIMIT)
                    .query((rs, n) -> items.add(new WorkItem("notice-answer:" + rs.getLong("id"), "noticeAnswer",
                            "答复整改通知书 " + rs.getString("number"), rs.getString("estate_name"),
                            rs.getObject("deadline", LocalDate.class), "/rectification/" + rs.getLong("id"))))
                    .list();
            return items;
        }
        if (!Access.accepts(p)) {
            return items;
        }
        jdbc.sql("""
                SELECT id, number, estate_name, company_name, submitted_at FROM rectification_notice
                WHERE status = 'SUBMITTED' AND estate_path LIKE :path ORDER BY submitted_at, id LIMIT :limit""")
                .param("path", p.regionPath() + "%").param("limit", LIMIT)
                .query((rs, n) -> items.add(new WorkItem("notice-accept:" + rs.getLong("id"), "noticeAccept",
                        "验收整改 " + rs.getString("number"), rs.getString("estate_name") + " · "
                        + rs.getString("company_name"), null, "/rectification/" + rs.getLong("id"))))
                .list();
        jdbc.sql("""
                SELECT id, number, estate_name, company_name, deadline FROM rectification_notice
                WHERE status = 'ISSUED' AND deadline < :today AND estate_path LIKE :path
                ORDER BY deadline, id LIMIT :limit""")
                .param("today", today).param("path", p.regionPath() + "%").param("limit", LIMIT)
                .query((rs, n) -> items.add(new WorkItem("notice-overdue:" + rs.getLong("id"), "noticeOverdue",
                        "逾期未整改 " + rs.getString("number"), rs.getString("estate_name") + " · "
                        + rs.getString("company_name"), rs.getObject("deadline", LocalDate.class),
                        "/rectification/" + rs.getLong("id"))))
                .list();
        return items;
    }
}
