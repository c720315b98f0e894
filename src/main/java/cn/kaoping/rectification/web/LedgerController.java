package cn.kaoping.rectification.web;

import cn.kaoping.platform.web.Downloads;
import cn.kaoping.platform.web.FormData;
import cn.kaoping.rectification.internal.Ledger;
import cn.kaoping.rectification.internal.ProblemStatus;
import cn.kaoping.shared.CurrentUser;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The problem ledger 问题台账 on screen and as .xlsx. */
@Controller
@RequestMapping("/rectification")
class LedgerController {

    private final Ledger ledger;

    LedgerController(Ledger ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/ledger")
    String ledger(@RequestParam Map<String, String> params, Model model,
                  @RequestHeader(value = "HX-Request", required = false) String htmx) {
        FormData form = FormData.submitted(params);
        model.addAttribute("form", form);
        model.addAttribute("statuses", ProblemStatus.values());
        model.addAttribute("rows", ledger.rows(CurrentUser.get(), form.choice("status", ProblemStatus.class),
                form.checkbox("overdue")));
        return htmx != null ? "rectification/ledger :: results" : "rectification/ledger";
    }

    @GetMapping("/ledger.xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam Map<String, String> params) {
        FormData form = FormData.submitted(params);
        return Downloads.xlsx("问题台账.xlsx", ledger.xlsx(ledger.rows(CurrentUser.get(),
                form.choice("status", ProblemStatus.class), form.checkbox("overdue"))));
    }
}
