package cn.kaoping.organisation.web;

import cn.kaoping.organisation.internal.RegistrySummary;
import cn.kaoping.shared.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: what the user's scope holds, and where to go next. */
@Controller
class HomeController {

    private final RegistrySummary summary;

    HomeController(RegistrySummary summary) {
        this.summary = summary;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("summary", summary.of(CurrentUser.get()));
        return "home";
    }
}
