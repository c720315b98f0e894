package cn.kaoping.escalation.internal;

import cn.kaoping.platform.workbench.WorkItem;
import cn.kaoping.platform.workbench.WorkItemProvider;
import cn.kaoping.shared.KaopingPrincipal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The escalation module's work on the first screen: suggested rungs (通报, 约谈, 处罚) that a district administrator of
 * the ladder's district (or the city) has to decide or dismiss. Undated: a suggestion waits for a person, not a day.
 */
@Component
class EscalationWorkItems implements WorkItemProvider {

    private static final Map<String, String> RUNG = Map.of("CIRCULAR", "通报", "INTERVIEW", "约谈", "PENALTY", "处罚");

    private final JdbcClient jdbc;

    EscalationWorkItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<WorkItem> itemsFor(KaopingPrincipal p, LocalDate today) {
        if (!EscalationAccess.hasSuggestionWork(p)) {
            return List.of();
        }
        List<WorkItem> items = new ArrayList<>();
        jdbc.sql("""
                SELECT s.id, s.kind, c.company_name, c.district_name FROM escalation_suggestion s
                JOIN escalation_case c ON c.id = s.case_id
                WHERE s.status = 'OPEN' AND c.district_path LIKE :path ORDER BY s.raised_on, s.id LIMIT :limit""")
                .param("path", p.regionPath() + "%").param("limit", LIMIT)
                .query((rs, n) -> items.add(new WorkItem("suggestion:" + rs.getLong("id"), "suggestion",
                        "决定是否" + RUNG.getOrDefault(rs.getString("kind"), rs.getString("kind")),
                        rs.getString("company_name") + " · " + rs.getString("district_name"), null,
                        "/escalation/suggestions/" + rs.getLong("id"))))
                .list();
        return items;
    }
}
