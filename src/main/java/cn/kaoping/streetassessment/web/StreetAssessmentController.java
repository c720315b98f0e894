package cn.kaoping.streetassessment.web;

import cn.kaoping.platform.web.FlashSteps;
import cn.kaoping.platform.web.FormData;
import cn.kaoping.shared.CurrentUser;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.ValidationException;
import cn.kaoping.streetassessment.year.AssessmentAccess;
import cn.kaoping.streetassessment.year.AssessmentStore;
import cn.kaoping.streetassessment.year.OpenYear;
import cn.kaoping.streetassessment.year.RecordEvent;
import cn.kaoping.streetassessment.year.YearBoard;
import cn.kaoping.streetassessment.year.Years;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Map;

/**
 * 街道考核 screens (issue 15): the years a user sees and opening one; a year's board (live scores and places,
 * on-time reporting rates per street and department, nodes due soon, reviews outstanding, objections, quarters);
 * the department's event form and assignments.
 */
@Controller
@RequestMapping("/street-assessments")
class StreetAssessmentController {

    private final AssessmentStore store;
    private final OpenYear openYear;
    private final YearBoard board;
    private final RecordEvent events;
    private final Years years;

    StreetAssessmentController(AssessmentStore store, OpenYear openYear, YearBoard board, RecordEvent events,
                               Years years) {
        this.store = store;
        this.openYear = openYear;
        this.board = board;
        this.events = events;
        this.years = years;
    }

    @GetMapping
    String list(Model model) {
        return list(FormData.submitted(Map.of("year", String.valueOf(years.today().getYear()),
                "objectionDays", String.valueOf(OpenYear.DEFAULT_OBJECTION_DAYS),
                "unqualifiedBelow", OpenYear.DEFAULT_UNQUALIFIED_BELOW.toPlainString())), model);
    }

    private String list(FormData form, Model model) {
        KaopingPrincipal p = CurrentUser.get();
        if (!reads(p)) {
            throw new ForbiddenException("街道考核只对区、街道和市房产主管部门开放");
        }
        model.addAttribute("years", store.yearsUnder(p.regionPath()).stream()
                .filter(y -> AssessmentAccess.seesYear(p, y)).toList());
        model.addAttribute("mayOpen", AssessmentAccess.opensYears(p));
        model.addAttribute("schemes", openYear.schemes());
        model.addAttribute("form", form);
        return "streetassessment/years";
    }

    @PostMapping
    String open(@RequestParam Map<String, String> params, Model model) {
        FormData form = FormData.submitted(params);
        Integer year = form.integer("year");
        Integer days = form.integer("objectionDays");
        var below = form.decimal("unqualifiedBelow");
        if (form.hasErrors()) {
            return list(form, model);
        }
        return form.submit(() -> openYear.open(CurrentUser.get(), new OpenYear.Form(form.text("schemeCode"), year,
                        days, below)))
                .map(id -> "redirect:/street-assessments/" + id).orElseGet(() -> list(form, model));
    }

    @GetMapping("/{id:\\d+}")
    String show(@PathVariable long id, Model model) {
        KaopingPrincipal p = CurrentUser.get();
        YearBoard.Board b = board.board(p, id);
        model.addAttribute("b", b);
        model.addAttribute("runs", AssessmentAccess.runsYear(p, b.year()));
        model.addAttribute("recordable", events.recordable(p, b.year()));
        model.addAttribute("streets", store.streets(id));
        model.addAttribute("staff", AssessmentAccess.runsYear(p, b.year()) ? openYear.departmentStaff(b.year())
                : List.of());
        model.addAttribute("departments", b.byDepartment().stream().map(YearBoard.Rate::name).toList());
        model.addAttribute("lastQuarter", lastEndedQuarter(b));
        return "streetassessment/year";
    }

    /** The latest quarter of the year that has ended (0 when none has). */
    private static int lastEndedQuarter(YearBoard.Board b) {
        int q = 0;
        for (int k = 1; k <= 4; k++) {
            if (b.today().isAfter(cn.kaoping.streetassessment.year.PublishQuarter.end(b.year().year(), k))) {
                q = k;
            }
        }
        return q;
    }

    @PostMapping("/{id:\\d+}/departments")
    String assign(@PathVariable long id, @RequestParam(required = false) String department,
                  @RequestParam(required = false) String username, RedirectAttributes redirect) {
        return FlashSteps.run(redirect, "/street-assessments/" + id, () -> openYear.assign(CurrentUser.get(),
                years.year(CurrentUser.get(), id), department, username));
    }

    @PostMapping("/{id:\\d+}/events")
    String record(@PathVariable long id, @RequestParam Map<String, String> params,
                  @RequestParam(name = "evidence", required = false) MultipartFile evidence,
                  RedirectAttributes redirect) {
        FormData form = FormData.submitted(params);
        Long street = form.id("streetId");
        Integer count = form.integer("count");
        var on = form.date("occurredOn");
        return FlashSteps.run(redirect, "/street-assessments/" + id, () -> {
            if (form.hasErrors()) {
                throw new ValidationException(form.getErrors().entrySet().stream()
                        .map(e -> new ValidationException.FieldProblem(e.getKey(), e.getValue())).toList());
            }
            events.record(CurrentUser.get(), id, new RecordEvent.Form(street, form.text("ruleCode"), count, on,
                    form.text("note"), upload(evidence)));
        });
    }

    static cn.kaoping.streetassessment.year.SubmitNode.Upload upload(MultipartFile f) {
        byte[] content = cn.kaoping.platform.web.Downloads.uploaded(f, "file");
        return content.length == 0 ? null
                : new cn.kaoping.streetassessment.year.SubmitNode.Upload(f.getOriginalFilename(), content);
    }

    static boolean reads(KaopingPrincipal p) {
        return AssessmentAccess.readsAssessments(p);
    }
}
