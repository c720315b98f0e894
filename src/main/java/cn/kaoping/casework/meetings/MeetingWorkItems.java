package cn.kaoping.casework.meetings;

import cn.kaoping.platform.workbench.WorkItem;
import cn.kaoping.platform.workbench.WorkItemProvider;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The street office's joint-meeting decisions not yet done, on its first screen, soonest due first; the district
 * admin's first screen shows those of its streets that are overdue (issue 14: overdue is flagged to the street and
 * the district).
 */
@Component
class MeetingWorkItems implements WorkItemProvider {

    private final Meetings meetings;

    MeetingWorkItems(Meetings meetings) {
        this.meetings = meetings;
    }

    @Override
    public List<WorkItem> itemsFor(KaopingPrincipal p, LocalDate today) {
        boolean district = p.role() == Role.DISTRICT_ADMIN;
        if (!JointMeetings.convenes(p) && !district || p.regionPath() == null) {
            return List.of();
        }
        return meetings.open(p.regionPath(), district ? 500 : LIMIT).stream()
                .filter(o -> !district || o.decision().due().isBefore(today)).limit(LIMIT)
                .map(o -> new WorkItem("meeting:" + o.meetingId() + ":" + o.decision().position(), "meeting",
                        (district ? "联席会议议定事项逾期未落实：" : "落实联席会议议定事项：") + o.decision().issue(), o.decision().unitName() + " · " + o.topic(),
                        o.decision().due(), "/meetings/" + o.meetingId()))
                .toList();
    }
}
