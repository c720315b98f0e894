package cn.kaoping.inspection.internal;

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
 * The inspection module's work on the first screen: a street officer's open tasks (assigned to him or to nobody yet,
 * due by the round's inspection date); for those who lead a round (district or city administrators), the submitted
 * inspections to review (one item per round) and the objections raised during publicity.
 */
@Component
class InspectionWorkItems implements WorkItemProvider {

    private final Inspections inspections;
    private final JdbcClient jdbc;

    InspectionWorkItems(Inspections inspections, JdbcClient jdbc) {
        this.inspections = inspections;
        this.jdbc = jdbc;
    }

    @Override
    public List<WorkItem> itemsFor(KaopingPrincipal p, LocalDate today) {
        List<WorkItem> items = new ArrayList<>();
        if (p.role() == Role.STREET_OFFICER) {
            for (Inspections.TaskRow t : inspections.openTasks(p)) {
                Inspection i = t.inspection();
                items.add(new WorkItem("inspect:" + i.id(), "inspect",
                        (i.status() == InspectionStatus.RETURNED ? "退回重查 " : "检查 ") + i.estateName(),
                        t.roundName(), t.due(), "/rounds/tasks/" + i.id()));
            }
        }
        if (p.role() == Role.DISTRICT_ADMIN || p.role() == Role.CITY_ADMIN) {
            // Scope.leads: the round's region lies within the administrator's
            jdbc.sql("""
                    SELECT r.id, r.name, r.review_due, count(*) AS n FROM round r JOIN inspection i ON i.round_id = r.id
                    WHERE r.status = 'OPEN' AND i.status = 'SUBMITTED' AND r.region_path LIKE :path
                    GROUP BY r.id ORDER BY r.review_due LIMIT :limit""")
                    .param("path", p.regionPath() + "%").param("limit", LIMIT)
                    .query((rs, n) -> items.add(new WorkItem("review:" + rs.getLong("id"), "review",
                            "审核检查 " + rs.getInt("n") + " 份", rs.getString("name"),
                            rs.getObject("review_due", LocalDate.class),
                            "/rounds/" + rs.getLong("id") + "/review")))
                    .list();
            jdbc.sql("""
                    SELECT o.id, o.inspection_id, o.rule_code, i.estate_name, r.publicity_end
                    FROM objection o JOIN inspection i ON i.id = o.inspection_id JOIN round r ON r.id = o.round_id
                    WHERE o.status = 'OPEN' AND r.region_path LIKE :path ORDER BY r.publicity_end, o.id LIMIT :limit""")
                    .param("path", p.regionPath() + "%").param("limit", LIMIT)
                    .query((rs, n) -> items.add(new WorkItem("objection:" + rs.getLong("id"), "objection",
                            "处理异议（规则 " + rs.getString("rule_code") + "）", rs.getString("estate_name"),
                            rs.getObject("publicity_end", LocalDate.class),
                            "/rounds/tasks/" + rs.getLong("inspection_id"))))
                    .list();
        }
        return items;
    }
}
