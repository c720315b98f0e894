package cn.kaoping.inspection.web;

import cn.kaoping.inspection.internal.PatrolService;
import cn.kaoping.inspection.internal.Patrols;
import cn.kaoping.inspection.internal.RuleInput;
import cn.kaoping.platform.web.FormData;
import cn.kaoping.shared.CurrentUser;
import cn.kaoping.shared.KaopingPrincipal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Quick entries of weekly patrols and monthly checks for old estates, and an estate's record list. */
@Controller
@RequestMapping("/rounds/patrols")
class PatrolController {

    private final PatrolService patrols;
    private final Clock clock;

    PatrolController(PatrolService patrols, Clock clock) {
        this.patrols = patrols;
        this.clock = clock;
    }

    @GetMapping
    String page(@RequestParam(required = false) Long estateId, Model model) {
        KaopingPrincipal p = CurrentUser.get();
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", FormData.submitted(Map.of("kind", "WEEKLY",
                    "recordedOn", LocalDate.now(clock).toString(), "count", "1",
                    "estateId", estateId == null ? "" : estateId.toString())));
        }
        model.addAttribute("estates", patrols.oldEstates(p));
        model.addAttribute("rules", RuleInput.of(patrols.scheme()).stream().filter(RuleInput::entered).toList());
        model.addAttribute("kinds", Patrols.PatrolKind.values());
        model.addAttribute("estate", estateId == null ? null : patrols.estate(p, estateId));
        model.addAttribute("records", estateId == null ? List.of() : patrols.ofEstate(p, estateId));
        model.addAttribute("canRecord", PatrolService.records(p.role()));
        return "rounds/patrols";
    }

    @PostMapping
    String record(@RequestParam Map<String, String> params, @RequestParam(required = false) MultipartFile file,
                  RedirectAttributes redirect) {
        FormData form = FormData.submitted(params);
        Long estateId = form.id("estateId");
        Patrols.PatrolKind kind = form.choice("kind", Patrols.PatrolKind.class);
        LocalDate on = form.date("recordedOn");
        Integer count = form.integer("count");
        if (estateId == null) {
            form.error("estateId", "请选择小区");
        }
        form.submit(() -> patrols.record(CurrentUser.get(), estateId, kind, on, form.text("rule"), count,
                form.text("note"), Files.bytes(file), file == null ? null : file.getOriginalFilename()))
                .ifPresentOrElse(id -> redirect.addFlashAttribute("done", "recorded"),
                        () -> redirect.addFlashAttribute("form", form));
        return "redirect:/rounds/patrols" + (estateId == null ? "" : "?estateId=" + estateId);
    }
}
