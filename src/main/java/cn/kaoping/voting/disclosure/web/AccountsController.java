package cn.kaoping.voting.disclosure.web;

import cn.kaoping.platform.excel.Spreadsheets;
import cn.kaoping.platform.web.Downloads;
import cn.kaoping.platform.web.FormData;
import cn.kaoping.platform.web.FlashSteps;
import cn.kaoping.shared.CurrentUser;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.voting.disclosure.AccountsAccess;
import cn.kaoping.voting.disclosure.EstateAccounts;
import cn.kaoping.voting.disclosure.FundStatement;
import cn.kaoping.voting.disclosure.PublishAccounts;
import cn.kaoping.voting.disclosure.ServiceDisclosure;
import cn.kaoping.voting.disclosure.StatementSheet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 三公开 of one estate for those who keep it: the company publishes the service disclosure and the half-year
 * statements (typed, pasted or imported from Excel), the owners' committee confirms them, the street office and the
 * district read them and see a late statement. Refusals come back to the page as a message.
 */
@Controller
@RequestMapping("/estates/{id:\\d+}/accounts")
class AccountsController {

    private final EstateAccounts accounts;
    private final PublishAccounts publish;

    AccountsController(EstateAccounts accounts, PublishAccounts publish) {
        this.accounts = accounts;
        this.publish = publish;
    }

    @GetMapping
    String page(@PathVariable long id, Model model) {
        KaopingPrincipal p = CurrentUser.get();
        EstateAccounts.View view = accounts.get(p, id);
        model.addAttribute("a", view);
        model.addAttribute("publishes", AccountsAccess.publishes(p));
        model.addAttribute("confirms", AccountsAccess.confirms(p));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", FormData.submitted(Map.of("half", view.dueHalf())));
        }
        return "accounts/estate";
    }

    @PostMapping("/disclosure")
    String disclose(@PathVariable long id, @RequestParam Map<String, String> params, RedirectAttributes redirect) {
        FormData form = FormData.submitted(params);
        return act(id, form, redirect, "disclosed", () -> publish.disclose(CurrentUser.get(), id,
                ServiceDisclosure.checked(form.text("services"), form.text("grade"), form.text("standard"),
                        AccountsText.fees(form.text("fees")), form.text("servicePhone"), form.text("channels"))));
    }

    @PostMapping("/statements")
    String state(@PathVariable long id, @RequestParam Map<String, String> params,
                 @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
        FormData form = FormData.submitted(params);
        return act(id, form, redirect, "stated", () -> {
            if (file != null && !file.isEmpty()) {
                try {
                    publish.importStatement(CurrentUser.get(), id, form.text("half"), file.getInputStream());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                publish.state(CurrentUser.get(), id, FundStatement.checked(form.text("half"),
                        form.decimal("fundOpening"), form.decimal("fundClosing"), AccountsText.lines(form.text("lines"))));
            }
        });
    }

    @PostMapping("/{what:disclosure|statement}/{record:\\d+}/confirm")
    String confirm(@PathVariable long id, @PathVariable String what, @PathVariable long record,
                   RedirectAttributes redirect) {
        return act(id, FormData.submitted(Map.of()), redirect, "confirmed",
                () -> publish.confirm(CurrentUser.get(), what, record));
    }

    @GetMapping("/statement-template.xlsx")
    ResponseEntity<byte[]> template(@PathVariable long id) {
        accounts.get(CurrentUser.get(), id);
        return Downloads.attachment("公共收益和维修资金收支-模板.xlsx", MediaType.parseMediaType(Spreadsheets.XLSX))
                .body(StatementSheet.template());
    }

    private String act(long id, FormData form, RedirectAttributes redirect, String done, Runnable action) {
        return FlashSteps.keeping(redirect, "/estates/" + id + "/accounts", done, form, action);
    }
}
