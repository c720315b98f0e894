package cn.kaoping.organisation.web;

import cn.kaoping.organisation.internal.RegionForm;
import cn.kaoping.organisation.internal.RegionService;
import cn.kaoping.platform.web.FormData;
import cn.kaoping.shared.CurrentUser;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.ValidationException;
import jakarta.validation.Validator;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The region tree of the user's scope, with adding and renaming street offices and communities. */
@Controller
@RequestMapping("/regions")
class RegionController {

    private final RegionService regions;
    private final Validator validator;

    RegionController(RegionService regions, Validator validator) {
        this.regions = regions;
        this.validator = validator;
    }

    @GetMapping
    String tree(Model model) {
        KaopingPrincipal p = CurrentUser.get();
        model.addAttribute("regions", regions.tree(p));
        model.addAttribute("canEdit", p.role().maintainsRegistry());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", FormData.submitted(Map.of()));
        }
        return "regions/tree";
    }

    @PostMapping
    String create(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        FormData form = FormData.submitted(params);
        RegionForm parsed = form.validate(validator, new RegionForm(form.id("parentId"), form.text("name"),
                form.text("code")));
        if (form.submit(() -> regions.create(CurrentUser.get(), parsed)).isPresent()) {
            redirect.addFlashAttribute("saved", true);
            return "redirect:/regions";
        }
        model.addAttribute("form", form);
        return tree(model);
    }

    @PostMapping("/{id}/rename")
    String rename(@PathVariable long id, @RequestParam String name, RedirectAttributes redirect) {
        try {
            regions.rename(CurrentUser.get(), id, name);
            redirect.addFlashAttribute("saved", true);
        } catch (ValidationException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/regions";
    }
}
