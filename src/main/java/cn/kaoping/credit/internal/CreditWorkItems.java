package cn.kaoping.credit.internal;

import cn.kaoping.platform.workbench.WorkItem;
import cn.kaoping.platform.workbench.WorkItemProvider;
import cn.kaoping.shared.KaopingPrincipal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The credit module's work on the first screen: open disputes (异议) about records issued by the district, for the
 * district administrator who decides them ({@link CreditAccess#mayDecide}).
 */
@Component
class CreditWorkItems implements WorkItemProvider {

    private final JdbcClient jdbc;

    CreditWorkItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<WorkItem> itemsFor(KaopingPrincipal p, LocalDate today) {
        if (!CreditAccess.mayDecide(p) || p.regionId() == null) {
            return List.of();
        }
        List<WorkItem> items = new ArrayList<>();
        jdbc.sql("""
                SELECT d.id, d.record_id, r.company_name, r.description FROM credit_dispute d
                JOIN credit_record r ON r.id = d.record_id
                WHERE d.decision IS NULL AND r.district_id = :district ORDER BY d.raised_at, d.id LIMIT :limit""")
                .param("district", p.regionId()).param("limit", LIMIT)
                .query((rs, n) -> items.add(new WorkItem("dispute:" + rs.getLong("id"), "dispute",
                        "处理信用异议：" + shorten(rs.getString("description")), rs.getString("company_name"), null,
                        "/credit/records/" + rs.getLong("record_id"))))
                .list();
        return items;
    }

    private static String shorten(String text) {
        return text == null || text.length() <= 30 ? text : text.substring(0, 30) + "…";
    }
}
