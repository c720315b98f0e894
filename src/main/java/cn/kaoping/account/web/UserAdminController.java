package cn.kaoping.account.web;

import cn.kaoping.account.internal.Accounts;
import cn.kaoping.account.internal.UserForm;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionLevel;
import cn.kaoping.platform.web.FormData;
import cn.kaoping.shared.CurrentUser;
import cn.kaoping.shared.Paged;
import cn.kaoping.shared.Role;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** User administration for the system administrator: list and create users bound to a node. */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

    private final Accounts accounts;
    private final OrganisationDirectory directory;
    private final Validator validator;

    UserAdminController(Accounts accounts, OrganisationDirectory directory, Validator validator) {
        this.accounts = accounts;
        this.directory = directory;
        this.validator = validator;
    }

    @GetMapping
    String list(@RequestParam(required = false) Integer page, Model model) {
        int[] ps = Paged.clamp(page, 50);
        model.addAttribute("result", accounts.list(CurrentUser.get(), ps[0], ps[1]));
        model.addAttribute("roles", Role.values());
        List<Object> regions = new ArrayList<>();
        for (RegionLevel level : RegionLevel.values()) {
            regions.addAll(directory.regions(level));
        }
        model.addAttribute("regions", regions);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", FormData.submitted(Map.of()));
        }
        return "admin/users";
    }

    @PostMapping
    String create(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        FormData form = FormData.submitted(params);
        UserForm parsed = form.validate(validator, new UserForm(form.text("username"), form.text("displayName"),
                form.choice("role", Role.class), form.id("regionId"), form.id("companyId"), form.id("estateId"),
                params.get("password")));
        if (form.submit(() -> accounts.create(CurrentUser.get(), parsed)).isPresent()) {
            redirect.addFlashAttribute("saved", true);
            return "redirect:/admin/users";
        }
        form.getValues().remove("password");
        model.addAttribute("form", form);
        return list(null, model);
    }
}
