package cn.kaoping.subsidy.web;

import cn.kaoping.platform.web.Downloads;
import cn.kaoping.platform.web.FormData;
import cn.kaoping.shared.CurrentUser;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.ValidationException;
import cn.kaoping.subsidy.internal.Access;
import cn.kaoping.subsidy.internal.ClaimDocuments;
import cn.kaoping.subsidy.internal.ClaimQueries;
import cn.kaoping.subsidy.internal.Reports;
import cn.kaoping.subsidy.internal.SubsidyRates;
import cn.kaoping.subsidy.internal.Views;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The subsidy screens: the claims in scope with the payments outstanding, one claim with its lines and the actions
 * of the caller's role, the district total of a year, and the audit view of one line.
 */
@Controller
@RequestMapping("/subsidies")
class SubsidyController {

    private final ClaimQueries claims;
    private final ClaimDocuments documents;
    private final SubsidyRates subsidyRates;
    private final Reports reports;

    SubsidyController(ClaimQueries claims, ClaimDocuments documents, SubsidyRates rates, Reports reports) {
        this.claims = claims;
        this.documents = documents;
        this.subsidyRates = rates;
        this.reports = reports;
    }

    @GetMapping
    String list(@RequestParam Map<String, String> params, Model model,
                @RequestHeader(value = "HX-Request", required = false) String htmx) {
        KaopingPrincipal p = CurrentUser.get();
        FormData form = FormData.submitted(params);
        Integer year = form.integer("year");
        model.addAttribute("form", form);
        model.addAttribute("claims", claims.claims(p, year));
        model.addAttribute("outstanding", reports.outstanding(p));
        model.addAttribute("thisYear", claims.today().getYear());
        return htmx != null ? "subsidy/list :: results" : "subsidy/list";
    }

    @GetMapping("/{id:\\d+}")
    String claim(@PathVariable long id, Model model) {
        KaopingPrincipal p = CurrentUser.get();
        Views.Claim c = claims.claim(p, id);
        model.addAttribute("c", c.claim());
        model.addAttribute("claim", c);
        model.addAttribute("actions", claims.actions(p, c.claim()));
        model.addAttribute("today", claims.today());
        return "subsidy/claim";
    }

    @GetMapping("/lines/{id:\\d+}")
    String line(@PathVariable long id, Model model) {
        Views.LineAudit a = claims.line(CurrentUser.get(), id);
        model.addAttribute("a", a);
        model.addAttribute("c", a.claim());
        model.addAttribute("l", a.line());
        return "subsidy/line";
    }

    @GetMapping("/district")
    String district(@RequestParam(required = false) Integer year, Model model) {
        int y = year(year);
        model.addAttribute("year", y);
        model.addAttribute("d", reports.district(CurrentUser.get(), y));
        return "subsidy/district";
    }

    /** The rates of the caller's district for a year; its district admin may change them until a claim is approved. */
    @GetMapping("/rates")
    String rates(@RequestParam(required = false) Integer year, Model model) {
        int y = year(year);
        Views.RateSheet sheet = reports.rateSheet(CurrentUser.get(), y);
        Map<String, String> typed = new java.util.HashMap<>();
        sheet.rates().forEach((g, r) -> typed.put(g, r == null ? "" : r.setScale(2).toPlainString()));
        return ratesPage(sheet, FormData.submitted(typed), model);
    }

    /**
     * Saves the four rates. Whatever was typed stays in the form beside its problem; the role and the lock are the
     * service's (a non-admin gets 403 as from the API; an approved claim of the year is shown as a problem).
     */
    @PostMapping("/rates")
    String saveRates(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        KaopingPrincipal p = CurrentUser.get();
        FormData form = FormData.submitted(params);
        Integer year = form.integer("year");
        if (year == null || year < 2000 || year > 2999) {
            throw new ValidationException("year", "请填写年份");
        }
        Map<String, java.math.BigDecimal> rates = new java.util.LinkedHashMap<>();
        for (String g : Reports.GRADES) {
            java.math.BigDecimal r = form.decimal(g);
            if (!form.getErrors().containsKey(g)) {
                String problem = SubsidyRates.rateProblem(r);
                if (problem != null) {
                    form.error(g, problem);
                }
            }
            rates.put(g, r);
        }
        if (form.hasErrors() && !Access.setsRates(p)) {
            throw new ForbiddenException("只有区房产主管部门可以设置补贴标准");
        }
        if (form.submit(() -> subsidyRates.setRates(p, year, rates)).isPresent()) {
            redirect.addFlashAttribute("done", "rates");
            return "redirect:/subsidies/rates?year=" + year;
        }
        return ratesPage(reports.rateSheet(p, year), form, model);
    }

    private static String ratesPage(Views.RateSheet sheet, FormData form, Model model) {
        model.addAttribute("sheet", sheet);
        model.addAttribute("form", form);
        model.addAttribute("grades", Reports.GRADES);
        return "subsidy/rates";
    }

    @GetMapping("/{id:\\d+}/sheet.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable long id) {
        Views.Claim c = claims.claim(CurrentUser.get(), id);
        return Downloads.xlsx(Reports.filename(c.claim(), "xlsx"), reports.xlsx(c));
    }

    @GetMapping("/{id:\\d+}/sheet.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        Views.Claim c = claims.claim(CurrentUser.get(), id);
        return Downloads.pdf(Reports.filename(c.claim(), "pdf"), reports.pdf(c));
    }

    @GetMapping("/{id:\\d+}/documents/{document}")
    ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable UUID document) {
        byte[] content = documents.content(CurrentUser.get(), id, document);
        String type = documents.info(document).map(f -> f.contentType()).orElse("application/octet-stream");
        return Downloads.inline(type, content);
    }

    /** The year asked for, this year when none; a year outside 2000–2999 is refused like the rates form does. */
    private int year(Integer year) {
        if (year == null) {
            return claims.today().getYear();
        }
        if (year < 2000 || year > 2999) {
            throw new ValidationException("year", "年份应在 2000 至 2999 之间");
        }
        return year;
    }
}
