package cn.kaoping.organisation.web;

import cn.kaoping.organisation.internal.RegistrySummary;
import cn.kaoping.platform.workbench.SeenItems;
import cn.kaoping.platform.workbench.Workbench;
import cn.kaoping.shared.CurrentUser;
import cn.kaoping.shared.KaopingPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The first screen (工作台): what waits for the user, from every module, overdue first; below it what the user's scope
 * holds. Opening it marks the listed items seen, so the bell counts only what is new.
 */
@Controller
class HomeController {

    private final RegistrySummary summary;
    private final Workbench workbench;
    private final SeenItems seen;

    HomeController(RegistrySummary summary, Workbench workbench, SeenItems seen) {
        this.summary = summary;
        this.workbench = workbench;
        this.seen = seen;
    }

    @GetMapping("/")
    String home(Model model) {
        KaopingPrincipal p = CurrentUser.get();
        Workbench.Items items = workbench.itemsFor(p);
        model.addAttribute("work", items);
        model.addAttribute("fresh", seen.unseen(p.username(), items.items()).stream().map(i -> i.key())
                .collect(java.util.stream.Collectors.toSet()));
        seen.markSeen(p.username(), items.items());
        model.addAttribute("role", p.role().name());
        model.addAttribute("summary", summary.of(p));
        return "home";
    }
}
