package cn.kaoping.casework.web;

import cn.kaoping.platform.web.FlashSteps;
import cn.kaoping.casework.randomcheck.RandomCheck;
import cn.kaoping.casework.randomcheck.RandomCheckStore;
import cn.kaoping.casework.randomcheck.RandomCheckToNotice;
import cn.kaoping.casework.randomcheck.RunRandomCheck;
import cn.kaoping.platform.web.FormData;
import cn.kaoping.shared.CurrentUser;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;

/**
 * 双随机抽查 screens (issue 14): the district's checks, freezing the lists, the draw, each drawn object's inspection
 * and its publication within 20 working days.
 */
@Controller
@RequestMapping("/random-checks")
class RandomCheckController {

    private final RunRandomCheck checks;
    private final RandomCheckStore store;
    private final RandomCheckToNotice toNotice;

    RandomCheckController(RunRandomCheck checks, RandomCheckStore store, RandomCheckToNotice toNotice) {
        this.checks = checks;
        this.store = store;
        this.toNotice = toNotice;
    }

    @GetMapping
    String list(Model model) {
        KaopingPrincipal p = CurrentUser.get();
        if (p.regionPath() == null) {
            throw new ForbiddenException("双随机抽查由区房产主管部门组织");
        }
        model.addAttribute("checks", store.under(p.regionPath()).stream().filter(c -> RunRandomCheck.sees(p, c))
                .toList());
        model.addAttribute("mayFreeze", RunRandomCheck.runs(p));
        return "casework/random-checks";
    }

    @PostMapping
    String freeze(@RequestParam Map<String, String> params, RedirectAttributes redirect) {
        FormData form = FormData.submitted(params);
        Integer count = form.integer("count");
        long[] id = new long[1];
        String back = FlashSteps.run(redirect, "/random-checks", () -> id[0] = checks.freeze(CurrentUser.get(),
                form.text("title"), count, params.get("inspectors"), params.get("conflicts")));
        return id[0] > 0 ? "redirect:/random-checks/" + id[0] : back;
    }

    @GetMapping("/{id:\\d+}")
    String show(@PathVariable long id, Model model) {
        KaopingPrincipal p = CurrentUser.get();
        RandomCheck c = checks.check(p, id);
        model.addAttribute("c", c);
        model.addAttribute("record", checks.publicRecord(c));
        var records = store.records(id);
        model.addAttribute("records", records);
        model.addAttribute("runs", RunRandomCheck.runs(p));
        model.addAttribute("notices", toNotice.notices(id, records));
        model.addAttribute("mayReport", toNotice.mayList(p));
        model.addAttribute("today", checks.today());
        return "casework/random-check";
    }

    @PostMapping("/{id:\\d+}/draw")
    String draw(@PathVariable long id, RedirectAttributes redirect) {
        return FlashSteps.run(redirect, "/random-checks/" + id, () -> checks.draw(CurrentUser.get(), id));
    }

    @PostMapping("/{id:\\d+}/records")
    String record(@PathVariable long id, @RequestParam Map<String, String> params,
                  @RequestParam(required = false) MultipartFile photo, RedirectAttributes redirect) {
        FormData form = FormData.submitted(params);
        var on = form.date("inspectedOn");
        return FlashSteps.run(redirect, "/random-checks/" + id, () -> {
            checks.record(CurrentUser.get(), id, form.text("objectId"), on, "true".equals(params.get("passed")),
                    form.text("findings"), cn.kaoping.platform.web.Downloads.uploaded(photo, "photo"),
                    photo == null ? null : photo.getOriginalFilename());
        });
    }

    /** Lists a failed estate's findings on its rectification notice (a draft), then shows the draft. */
    @PostMapping("/{id:\\d+}/records/{objectId}/notice")
    String toNotice(@PathVariable long id, @PathVariable String objectId, RedirectAttributes redirect) {
        return FlashSteps.go(redirect, "/random-checks/" + id, "added",
                () -> "/rectification/" + toNotice.list(CurrentUser.get(), id, objectId).noticeId());
    }

    @PostMapping("/{id:\\d+}/records/{objectId}/publish")
    String publish(@PathVariable long id, @PathVariable String objectId, RedirectAttributes redirect) {
        return FlashSteps.run(redirect, "/random-checks/" + id,
                () -> checks.publish(CurrentUser.get(), id, objectId));
    }
}
