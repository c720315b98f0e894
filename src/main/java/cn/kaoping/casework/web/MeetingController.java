package cn.kaoping.casework.web;

import cn.kaoping.casework.meetings.JointMeetings;
import cn.kaoping.casework.meetings.MeetingMinutes;
import cn.kaoping.casework.meetings.Meetings;
import cn.kaoping.casework.meetings.MinutesDocx;
import cn.kaoping.platform.web.Downloads;
import cn.kaoping.platform.web.FlashSteps;
import cn.kaoping.platform.web.FormData;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.CurrentUser;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 联席会议 screens: the region's meetings, convening one, its page with the minutes form (who came, each decision with
 * the unit responsible and its deadline), the decisions tracked to done, and the 会议纪要 as PDF.
 */
@Controller
@RequestMapping("/meetings")
class MeetingController {

    static final int DECISION_ROWS = 6;

    private final JointMeetings meetings;
    private final Meetings store;
    private final MeetingMinutes minutes;
    private final MinutesDocx word;

    MeetingController(JointMeetings meetings, Meetings store, MeetingMinutes minutes, MinutesDocx word) {
        this.meetings = meetings;
        this.store = store;
        this.minutes = minutes;
        this.word = word;
    }

    /** The region's meetings, and each street's decisions carried out in the period (this year by default). */
    @GetMapping
    String list(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                Model model) {
        KaopingPrincipal p = CurrentUser.get();
        FormData period = FormData.submitted(Map.of("from", from == null ? "" : from, "to", to == null ? "" : to));
        LocalDate today = meetings.today();
        LocalDate start = from == null || from.isBlank() || period.hasErrors() ? today.withDayOfYear(1)
                : period.date("from");
        LocalDate end = to == null || to.isBlank() || period.hasErrors() ? today : period.date("to");
        if (end.isBefore(start)) {
            end = start;
        }
        model.addAttribute("meetings", meetings.list(p));
        model.addAttribute("mayConvene", JointMeetings.convenes(p));
        model.addAttribute("completion", meetings.completion(p, start, end));
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        return "casework/meetings";
    }

    @GetMapping("/new")
    String form(Model model) {
        return form(FormData.submitted(Map.of("heldOn", meetings.today().plusDays(3).toString())), List.of(), model);
    }

    private String form(FormData form, List<String> units, Model model) {
        return form(form, units, List.of(), model);
    }

    private String form(FormData form, List<String> units, List<Long> about, Model model) {
        model.addAttribute("about", about);
        KaopingPrincipal p = CurrentUser.get();
        if (!JointMeetings.convenes(p)) {
            throw new ForbiddenException("联席会议由街道办事处召集");
        }
        model.addAttribute("form", form);
        model.addAttribute("units", store.units());
        model.addAttribute("chosen", units);
        model.addAttribute("complaints", meetings.offeredComplaints(p));
        return "casework/meeting-form";
    }

    @PostMapping
    String convene(@RequestParam MultiValueMap<String, String> params, Model model) {
        FormData form = FormData.submitted(params.toSingleValueMap());
        List<String> units = params.getOrDefault("units", List.of());
        List<Long> about = params.getOrDefault("complaints", List.of()).stream().filter(c -> c.matches("\\d{1,18}"))
                .map(Long::valueOf).toList();
        var heldOn = form.date("heldOn");
        if (form.hasErrors()) {
            return form(form, units, about, model);
        }
        return form.submit(() -> meetings.convene(CurrentUser.get(), form.text("topic"), heldOn, form.text("place"),
                units, about)).map(id -> "redirect:/meetings/" + id).orElseGet(() -> form(form, units, about, model));
    }

    @GetMapping("/{id:\\d+}")
    String show(@PathVariable long id, Model model) {
        KaopingPrincipal p = CurrentUser.get();
        model.addAttribute("v", meetings.get(p, id));
        model.addAttribute("keeps", JointMeetings.convenes(p));
        model.addAttribute("rows", DECISION_ROWS);
        model.addAttribute("today", meetings.today());
        return "casework/meeting";
    }

    @PostMapping("/{id:\\d+}/minutes")
    String minute(@PathVariable long id, @RequestParam MultiValueMap<String, String> params,
                  RedirectAttributes redirect) {
        List<JointMeetings.DecisionForm> decisions = new ArrayList<>();
        for (int i = 1; i <= DECISION_ROWS; i++) {
            String issue = params.getFirst("d" + i + ".issue");
            if (issue == null || issue.isBlank()) {
                continue;
            }
            FormData row = FormData.submitted(Map.of("due", String.valueOf(params.getFirst("d" + i + ".due"))));
            decisions.add(new JointMeetings.DecisionForm(issue, params.getFirst("d" + i + ".handling"),
                    params.getFirst("d" + i + ".unit"), row.hasErrors() ? null : row.date("due")));
        }
        return act(id, redirect, "minuted", () -> meetings.minute(CurrentUser.get(), id, params.getFirst("minutes"),
                params.getOrDefault("attended", List.of()), decisions));
    }

    @PostMapping("/{id:\\d+}/decisions/{position:\\d+}/complete")
    String complete(@PathVariable long id, @PathVariable int position, @RequestParam(required = false) String note,
                    RedirectAttributes redirect) {
        return act(id, redirect, "completed", () -> meetings.complete(CurrentUser.get(), id, position, note));
    }

    @GetMapping("/{id:\\d+}/minutes.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        JointMeetings.View v = meetings.get(CurrentUser.get(), id);
        if (!v.meeting().minuted()) {
            throw new ConflictException("会议纪要尚未记录");
        }
        return Downloads.pdf("联席会议纪要-" + v.meeting().heldOn() + ".pdf", minutes.pdf(v));
    }

    @GetMapping("/{id:\\d+}/minutes.docx")
    ResponseEntity<byte[]> docx(@PathVariable long id) {
        JointMeetings.View v = meetings.get(CurrentUser.get(), id);
        if (!v.meeting().minuted()) {
            throw new ConflictException("会议纪要尚未记录");
        }
        return Downloads.docx("联席会议纪要-" + v.meeting().heldOn() + ".docx", word.docx(v));
    }

    private String act(long id, RedirectAttributes redirect, String done, Runnable action) {
        return FlashSteps.run(redirect, "/meetings/" + id, done, action);
    }
}
