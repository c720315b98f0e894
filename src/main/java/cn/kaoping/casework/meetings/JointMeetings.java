package cn.kaoping.casework.meetings;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.Role;
import cn.kaoping.shared.ValidationException;
import cn.kaoping.shared.ValidationException.FieldProblem;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A joint meeting 联席会议 from convening to its decisions done (seed 003 二、(一)2: convened by the street office with
 * 房管、城管、供电、供水、供气、供热、市场监管、公安, the residents' committee, the company and the owners' committee;
 * 议定处理办法和时限，由街道办事处组织落实，会议纪要存档). The street office convenes and keeps the minutes and tracks each
 * decision to done; the district and the city read their region's meetings. Outside scope 404.
 */
@Service
public class JointMeetings {

    /** How many of the street's open work orders the convening form offers. */
    static final int OFFERED_COMPLAINTS = 50;

    private final Meetings meetings;
    private final OrganisationDirectory directory;
    private final AuditLog audit;
    private final Clock clock;

    JointMeetings(Meetings meetings, OrganisationDirectory directory, AuditLog audit, Clock clock) {
        this.meetings = meetings;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /** A meeting with who was invited, the work orders it is about, and what was decided. */
    public record View(JointMeeting meeting, List<Meetings.Invited> units,
                       List<Meetings.Linked> complaints, List<MeetingDecision> decisions) {
    }

    /** One decision as typed in the minutes. */
    public record DecisionForm(String issue, String handling, String unit, LocalDate due) {
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    @Transactional
    public long convene(KaopingPrincipal p, String topic, LocalDate heldOn, String place, List<String> units,
                        List<Long> complaints) {
        requireStreet(p);
        List<FieldProblem> problems = new ArrayList<>();
        if (topic == null || topic.isBlank() || topic.length() > 200) {
            problems.add(new FieldProblem("topic", "请填写会议议题（最多 200 字）"));
        }
        if (heldOn == null || heldOn.getYear() < 2000 || heldOn.getYear() > 2999) {
            problems.add(new FieldProblem("heldOn", "请填写会议日期"));
        }
        if (place != null && place.length() > 200) {
            problems.add(new FieldProblem("place", "会议地点最多 200 字"));
        }
        Set<String> known = meetings.units().stream().map(Meetings.Unit::code).collect(Collectors.toSet());
        List<String> invited = units == null ? List.of() : units.stream().distinct().toList();
        if (invited.isEmpty() || !known.containsAll(invited)) {
            problems.add(new FieldProblem("units", "请选择参会单位"));
        }
        List<Long> about = complaints == null ? List.of() : complaints.stream().distinct().toList();
        if (!about.isEmpty() && meetings.complaintsUnder(p.regionPath(), about).size() != about.size()) {
            problems.add(new FieldProblem("complaints", "只能选择本街道的投诉工单"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        long id = meetings.insert(p.regionId(), p.regionPath(), topic.strip(), heldOn,
                place == null || place.isBlank() ? null : place.strip(), p.username(), OffsetDateTime.now(clock));
        invited.forEach(u -> meetings.invite(id, u));
        about.forEach(c -> meetings.link(id, c));
        audit.record("CREATE", "joint_meeting", id, "召集联席会议：" + topic.strip(), null,
                Map.of("units", invited.size(), "heldOn", heldOn, "complaints", about));
        return id;
    }

    @Transactional(readOnly = true)
    public View get(KaopingPrincipal p, long id) {
        JointMeeting m = meetings.find(id).filter(x -> sees(p, x))
                .orElseThrow(() -> new NotFoundException("会议不存在"));
        return new View(m, meetings.invited(id), meetings.complaints(id), meetings.decisions(id));
    }

    /** The street's open work orders the convening form offers. */
    @Transactional(readOnly = true)
    public List<Meetings.Linked> offeredComplaints(KaopingPrincipal p) {
        requireStreet(p);
        return meetings.openComplaints(p.regionPath(), OFFERED_COMPLAINTS);
    }

    /**
     * For the district and the city: each street's meetings of the period and how their decisions were carried
     * out (done, on time, overdue today); a street office sees its own line.
     */
    @Transactional(readOnly = true)
    public List<Meetings.Completion> completion(KaopingPrincipal p, LocalDate from, LocalDate to) {
        if (!readsMeetings(p) || p.regionPath() == null) {
            return List.of();
        }
        return meetings.completion(p.regionPath(), from, to, today()).stream()
                .map(c -> c.named(directory.region(c.streetId()).map(r -> r.name()).orElse("#" + c.streetId())))
                .sorted(java.util.Comparator.comparing(Meetings.Completion::street)).toList();
    }

    @Transactional(readOnly = true)
    public List<JointMeeting> list(KaopingPrincipal p) {
        return readsMeetings(p) ? meetings.under(p.regionPath()) : List.of();
    }

    /** The minutes: who came, what was said, and each decision with its unit and deadline. Once. */
    @Transactional
    public void minute(KaopingPrincipal p, long id, String minutes, List<String> attended,
                       List<DecisionForm> decisions) {
        JointMeeting m = meetings.lock(id).filter(x -> sees(p, x))
                .orElseThrow(() -> new NotFoundException("会议不存在"));
        requireStreet(p);
        JointMeeting minuted = m.minute(minutes == null ? null : minutes.strip());
        Set<String> invited = meetings.invited(id).stream().map(Meetings.Invited::code).collect(Collectors.toSet());
        List<FieldProblem> problems = new ArrayList<>();
        if (minutes == null || minutes.isBlank() || minutes.length() > 10000) {
            problems.add(new FieldProblem("minutes", "请填写会议纪要（最多 10000 字）"));
        }
        List<String> came = attended == null ? List.of() : attended.stream().filter(invited::contains).toList();
        List<MeetingDecision> kept = new ArrayList<>();
        List<DecisionForm> typed = decisions == null ? List.of() : decisions;
        for (int i = 0; i < typed.size(); i++) {
            DecisionForm d = typed.get(i);
            String at = "decisions[" + i + "]";
            if (d.issue() == null || d.issue().isBlank() || d.handling() == null || d.handling().isBlank()) {
                problems.add(new FieldProblem(at, "第 " + (i + 1) + " 项议定事项须写明问题和处理办法"));
            } else if (d.unit() == null || !invited.contains(d.unit())) {
                problems.add(new FieldProblem(at + ".unit", "第 " + (i + 1) + " 项须由一个参会单位负责落实"));
            } else if (d.due() == null || d.due().isBefore(m.heldOn())) {
                problems.add(new FieldProblem(at + ".due", "第 " + (i + 1) + " 项须有不早于会议日期的完成时限"));
            } else {
                kept.add(new MeetingDecision(i + 1, d.issue().strip(), d.handling().strip(), d.unit(), null,
                        d.due(), null, null, null));
            }
        }
        if (kept.isEmpty() && problems.isEmpty()) {
            problems.add(new FieldProblem("decisions", "请至少记录一项议定事项（处理办法、负责单位、时限）"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        meetings.minute(minuted, came, kept);
        audit.record("MINUTE", "joint_meeting", id, "记录联席会议纪要：" + m.topic() + "，议定事项 " + kept.size() + " 项",
                null, Map.of("decisions", kept.size()));
    }

    /** The street office records a decision done, with what was done. */
    @Transactional
    public void complete(KaopingPrincipal p, long id, int position, String note) {
        JointMeeting m = meetings.lock(id).filter(x -> sees(p, x))
                .orElseThrow(() -> new NotFoundException("会议不存在"));
        requireStreet(p);
        if (note == null || note.isBlank() || note.length() > 2000) {
            throw new ValidationException("note", "请填写落实情况（最多 2000 字）");
        }
        MeetingDecision done = meetings.decisions(id).stream().filter(d -> d.position() == position).findFirst()
                .orElseThrow(() -> new ConflictException("该议定事项不存在或已落实"))
                .complete(today(), note.strip(), p.username());
        if (!meetings.complete(id, done)) {
            throw new ConflictException("该议定事项不存在或已落实");
        }
        audit.record("COMPLETE", "joint_meeting", id, "联席会议议定事项 " + position + " 已落实：" + m.topic(), null,
                Map.of("position", position));
    }

    static boolean readsMeetings(KaopingPrincipal p) {
        return p.role() == Role.STREET_OFFICER || p.role() == Role.COMMUNITY_STAFF || p.role() == Role.DISTRICT_ADMIN
                || p.role() == Role.DISTRICT_DEPT || p.role() == Role.CITY_ADMIN;
    }

    private static boolean sees(KaopingPrincipal p, JointMeeting m) {
        return readsMeetings(p) && p.covers(m.regionPath());
    }

    /** Convenes meetings and keeps their minutes: the street office. */
    public static boolean convenes(KaopingPrincipal p) {
        return p.role() == Role.STREET_OFFICER;
    }

    private static void requireStreet(KaopingPrincipal p) {
        if (!convenes(p)) {
            throw new ForbiddenException("联席会议由街道办事处召集并记录");
        }
    }
}
