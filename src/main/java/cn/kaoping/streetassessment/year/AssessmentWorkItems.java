package cn.kaoping.streetassessment.year;

import cn.kaoping.platform.workbench.WorkItem;
import cn.kaoping.platform.workbench.WorkItemProvider;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Street-assessment work on the first screen (issue 15): a street's nodes due within 30 days or overdue (the in-app
 * reminder), a department's submissions to review, and the 考核办公室's objections to decide.
 */
@Component
class AssessmentWorkItems implements WorkItemProvider {

    static final int SOON_DAYS = 30;

    private final AssessmentStore store;

    AssessmentWorkItems(AssessmentStore store) {
        this.store = store;
    }

    @Override
    public List<WorkItem> itemsFor(KaopingPrincipal p, LocalDate today) {
        List<WorkItem> items = new ArrayList<>();
        if (p.role() == Role.STREET_OFFICER) {
            for (Node n : store.dueUnder(p.regionPath(), today.withDayOfYear(1),
                    today.plusDays(SOON_DAYS), LIMIT)) {
                items.add(new WorkItem("sa-node:" + n.id(), "streetAssessment",
                        (n.status() == NodeStatus.RETURNED ? "重新报送（已退回）：" : "报送街道考核材料：") + n.label(),
                        n.ruleCode() + " · " + n.reviewingDepartment(), n.due(), link(n)));
            }
            return items;
        }
        if (p.role() != Role.DISTRICT_ADMIN && p.role() != Role.DISTRICT_DEPT) {
            return items;
        }
        for (AssessmentStore.Year y : store.yearsUnder(p.regionPath())) {
            if (!AssessmentAccess.seesYear(p, y)) {
                continue;
            }
            var reviewers = store.reviewers(y.id());
            store.nodes(y.id(), null).stream().filter(n -> n.status() == NodeStatus.SUBMITTED)
                    .filter(n -> AssessmentAccess.reviews(p, y, n.department(), reviewers)).limit(LIMIT)
                    .forEach(n -> items.add(new WorkItem("sa-review:" + n.id(), "streetAssessment",
                            "审核街道报送：" + n.label(), n.streetName() + " · " + n.ruleCode(), n.due(), link(n))));
            if (AssessmentAccess.runsYear(p, y)) {
                store.objections(y.id(), null).stream().filter(AssessmentStore.Objection::open)
                        .forEach(o -> items.add(new WorkItem("sa-objection:" + o.id(), "streetAssessment",
                                "处理街道考核异议", y.districtName() + y.year() + " 年度",
                                o.filedAt().atZoneSameInstant(StreetScores.CHINA).toLocalDate()
                                        .plusDays(y.objectionDays()),
                                "/street-assessments/" + y.id() + "/streets/" + o.streetId())));
            }
        }
        return items;
    }

    private static String link(Node n) {
        return "/street-assessments/" + n.yearId() + "/streets/" + n.streetId() + "#node-" + n.id();
    }
}
