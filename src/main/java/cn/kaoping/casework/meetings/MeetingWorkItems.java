package cn.kaoping.casework.meetings;

import cn.kaoping.platform.workbench.WorkItem;
import cn.kaoping.platform.workbench.WorkItemProvider;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/** The street office's joint-meeting decisions not yet done, on its first screen, soonest due first. */
@Component
class MeetingWorkItems implements WorkItemProvider {

    private final Meetings meetings;

    MeetingWorkItems(Meetings meetings) {
        this.meetings = meetings;
    }

    @Override
    public List<WorkItem> itemsFor(KaopingPrincipal p, LocalDate today) {
        if (p.role() != Role.STREET_OFFICER) {
            return List.of();
        }
        return meetings.open(p.regionPath(), LIMIT).stream()
                .map(o -> new WorkItem("meeting:" + o.meetingId() + ":" + o.decision().position(), "meeting",
                        "落实联席会议议定事项：" + o.decision().issue(), o.decision().unitName() + " · " + o.topic(),
                        o.decision().due(), "/meetings/" + o.meetingId()))
                .toList();
    }
}
