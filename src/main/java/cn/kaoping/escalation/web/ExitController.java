package cn.kaoping.escalation.web;

import cn.kaoping.escalation.ExitReason;
import cn.kaoping.escalation.internal.Documents;
import cn.kaoping.escalation.internal.EscalationAccess;
import cn.kaoping.escalation.internal.Exits;
import cn.kaoping.escalation.internal.Forms.ExitForm;
import cn.kaoping.escalation.internal.LadderQueries;
import cn.kaoping.escalation.internal.Views;
import cn.kaoping.platform.web.Downloads;
import cn.kaoping.platform.web.FormData;
import cn.kaoping.shared.CurrentUser;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Exit recommendations: the list in scope, the form for reasons (3)–(6), each recommendation's letter to the owners'
 * committee on screen and as PDF, and the committee's own letters ({@code /escalation/letters}).
 */
@Controller
@RequestMapping("/escalation")
class ExitController {

    private final Exits exits;
    private final Documents documents;
    private final LadderQueries ladder;

    ExitController(Exits exits, Documents documents, LadderQueries ladder) {
        this.exits = exits;
        this.documents = documents;
        this.ladder = ladder;
    }

    @GetMapping("/exits")
    String list(Model model) {
        KaopingPrincipal p = CurrentUser.get();
        if (EscalationAccess.readsLettersOnly(p)) {
            return "redirect:/escalation/letters";
        }
        model.addAttribute("exits", exits.list(p));
        model.addAttribute("mayRaise", EscalationAccess.raisesExits(p));
        return "escalation/exits";
    }

    @GetMapping("/letters")
    String letters(Model model) {
        KaopingPrincipal p = CurrentUser.get();
        model.addAttribute("exits", exits.list(p));
        return "escalation/letters";
    }

    @GetMapping("/exits/new")
    String form(Model model) {
        return form(CurrentUser.get(), FormData.submitted(Map.of()), model);
    }

    private String form(KaopingPrincipal p, FormData form, Model model) {
        if (!EscalationAccess.raisesExits(p)) {
            throw new ForbiddenException("退出建议由街道办事处或区房产主管部门提出");
        }
        model.addAttribute("form", form);
        model.addAttribute("estates", exits.estates(p));
        model.addAttribute("reasons", Arrays.stream(ExitReason.values()).filter(ExitReason::manual).toList());
        return "escalation/exit-form";
    }

    @PostMapping("/exits")
    String raise(@RequestParam Map<String, String> params, Model model) {
        KaopingPrincipal p = CurrentUser.get();
        FormData form = FormData.submitted(params);
        ExitForm f = new ExitForm(form.id("estateId"), form.choice("reason", ExitReason.class), form.text("facts"));
        Optional<Long> id = form.submit(() -> exits.raise(p, f));
        if (id.isPresent()) {
            return "redirect:/escalation/exits/" + id.get();
        }
        return form(p, form, model);
    }

    @GetMapping("/exits/{id}")
    String exit(@PathVariable long id, Model model) {
        model.addAttribute("type", Documents.Type.exitLetter.name());
        model.addAttribute("doc", exits.get(CurrentUser.get(), id));
        model.addAttribute("today", ladder.today());
        model.addAttribute("pdf", "/escalation/exits/" + id + "/letter.pdf");
        return "escalation/rung";
    }

    @GetMapping("/exits/{id}/letter.pdf")
    ResponseEntity<byte[]> letter(@PathVariable long id) {
        Views.Exit x = exits.get(CurrentUser.get(), id);
        return Downloads.pdf("退出建议函-" + x.estateName() + ".pdf", documents.pdf(Documents.Type.exitLetter, x));
    }
}
