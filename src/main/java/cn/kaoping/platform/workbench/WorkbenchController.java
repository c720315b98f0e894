package cn.kaoping.platform.workbench;

import cn.kaoping.shared.CurrentUser;
import cn.kaoping.shared.KaopingPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The bell in the navigation bar (an htmx fragment) and the user's daily digests. The list itself is the home page. */
@Controller
class WorkbenchController {

    private final Workbench workbench;
    private final SeenItems seen;
    private final Digests digests;

    WorkbenchController(Workbench workbench, SeenItems seen, Digests digests) {
        this.workbench = workbench;
        this.seen = seen;
        this.digests = digests;
    }

    /** How many items are new since the user last opened the workbench, and how many wait in all. */
    @GetMapping("/workbench/bell")
    String bell(Model model) {
        KaopingPrincipal p = CurrentUser.get();
        Workbench.Items items = workbench.itemsFor(p);
        model.addAttribute("waiting", items.items().size());
        model.addAttribute("unread", seen.unseen(p.username(), items.items()).size());
        return "workbench/bell :: bell";
    }

    @GetMapping("/workbench/digests")
    String digests(Model model) {
        model.addAttribute("digests", digests.of(CurrentUser.get().username()));
        return "workbench/digests";
    }
}
