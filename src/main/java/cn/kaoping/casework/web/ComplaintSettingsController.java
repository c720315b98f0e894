package cn.kaoping.casework.web;

import cn.kaoping.casework.complaints.ComplaintSettings;
import cn.kaoping.shared.CurrentUser;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.ValidationException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 投诉类别与工作日历: the city's housing authority edits the categories' deadlines and the year's holidays and
 * make-up working days (调休) on one page; a refusal comes back as a message above the tables.
 */
@Controller
@RequestMapping("/complaints/settings")
class ComplaintSettingsController {

    private final ComplaintSettings settings;
    private final Clock clock;

    ComplaintSettingsController(ComplaintSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping
    String page(@RequestParam(required = false) Integer year, Model model) {
        requireEdits();
        int y = year == null || year < 2000 || year > 2100 ? LocalDate.now(clock).getYear() : year;
        model.addAttribute("year", y);
        model.addAttribute("categories", settings.categories());
        model.addAttribute("days", settings.calendar(y));
        return "casework/settings";
    }

    @PostMapping("/categories")
    String saveCategory(@RequestParam(required = false) String code, @RequestParam(required = false) String name,
                        @RequestParam(required = false) String signDays,
                        @RequestParam(required = false) String closeDays, RedirectAttributes redirect) {
        requireEdits();
        try {
            settings.saveCategory(CurrentUser.get(), code == null ? null : code.strip().toUpperCase(java.util.Locale.ROOT),
                    new ComplaintSettings.CategoryForm(name, number(signDays), number(closeDays)));
            redirect.addFlashAttribute("done", "category");
        } catch (ValidationException e) {
            redirect.addFlashAttribute("problem", messages(e));
        }
        return "redirect:/complaints/settings";
    }

    @PostMapping("/calendar")
    String putDay(@RequestParam(required = false) String day, @RequestParam(required = false) String working,
                  @RequestParam(required = false) String note, RedirectAttributes redirect) {
        requireEdits();
        LocalDate d = date(day);
        try {
            settings.putDay(CurrentUser.get(), d, new ComplaintSettings.DayForm(
                    working == null || working.isBlank() ? null : Boolean.valueOf(working), note));
            redirect.addFlashAttribute("done", "day");
        } catch (ValidationException e) {
            redirect.addFlashAttribute("problem", messages(e));
        }
        return "redirect:/complaints/settings" + (d == null ? "" : "?year=" + d.getYear());
    }

    @PostMapping("/calendar/delete")
    String removeDay(@RequestParam(required = false) String day, RedirectAttributes redirect) {
        requireEdits();
        LocalDate d = date(day);
        try {
            settings.removeDay(CurrentUser.get(), d);
            redirect.addFlashAttribute("done", "removed");
        } catch (NotFoundException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/complaints/settings" + (d == null ? "" : "?year=" + d.getYear());
    }

    private static void requireEdits() {
        if (!ComplaintSettings.edits(CurrentUser.get())) {
            throw new ForbiddenException("投诉类别和工作日历由市房产主管部门维护");
        }
    }

    private static Integer number(String s) {
        try {
            return s == null ? null : Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate date(String s) {
        try {
            return s == null || s.isBlank() ? null : LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String messages(ValidationException e) {
        return String.join("；", e.problems().stream().map(ValidationException.FieldProblem::message).toList());
    }
}
