package cn.kaoping.rectification.web;

import cn.kaoping.platform.web.FormData;
import cn.kaoping.rectification.internal.NoticeTemplates;
import cn.kaoping.rectification.internal.Template;
import cn.kaoping.shared.CurrentUser;
import cn.kaoping.shared.KaopingPrincipal;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The district's notice template (发文机关, 文号前缀, text, deadline rule, acceptance method), for its admin. */
@Controller
@RequestMapping("/rectification/template")
class TemplateController {

    private final NoticeTemplates templates;

    TemplateController(NoticeTemplates templates) {
        this.templates = templates;
    }

    @GetMapping
    String form(Model model) {
        KaopingPrincipal p = CurrentUser.get();
        model.addAttribute("district", templates.ownDistrict(p));
        model.addAttribute("form", FormData.of(templates.template(p)));
        model.addAttribute("placeholders", Template.PLACEHOLDERS);
        return "rectification/template";
    }

    @PostMapping
    String save(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        KaopingPrincipal p = CurrentUser.get();
        FormData form = FormData.submitted(params);
        Integer days = form.integer("deadlineDays");
        Integer remind = form.integer("reminderDays");
        if (days == null) {
            form.error("deadlineDays", "请填写整改期限天数");
        }
        if (remind == null) {
            form.error("reminderDays", "请填写提前提醒天数");
        }
        Template edited = new Template(0, form.text("issuingBody"), form.text("numberPrefix"), form.text("heading"),
                form.text("body"), days == null ? 0 : days, remind == null ? 0 : remind,
                form.text("acceptanceMethod"));
        if (form.submit(() -> templates.saveTemplate(p, edited)).isPresent()) {
            redirect.addFlashAttribute("done", "saved");
            return "redirect:/rectification/template";
        }
        model.addAttribute("district", templates.ownDistrict(p));
        model.addAttribute("form", form);
        model.addAttribute("placeholders", Template.PLACEHOLDERS);
        return "rectification/template";
    }
}
