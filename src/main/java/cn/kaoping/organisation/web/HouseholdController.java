package cn.kaoping.organisation.web;

import cn.kaoping.organisation.internal.EstateService;
import cn.kaoping.organisation.internal.EstateView;
import cn.kaoping.organisation.internal.HouseholdForm;
import cn.kaoping.organisation.internal.HouseholdService;
import cn.kaoping.organisation.internal.RegistryExports;
import cn.kaoping.organisation.internal.RegistryImports;
import cn.kaoping.platform.excel.ImportReport;
import cn.kaoping.platform.excel.Spreadsheets;
import cn.kaoping.platform.web.Downloads;
import cn.kaoping.platform.web.FormData;
import cn.kaoping.shared.CurrentUser;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Paged;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An estate's households: list, add, delete, import and export. */
@Controller
@RequestMapping("/estates/{estateId}/households")
class HouseholdController {

    private final HouseholdService households;
    private final EstateService estates;
    private final RegistryImports imports;
    private final Validator validator;

    HouseholdController(HouseholdService households, EstateService estates, RegistryImports imports,
                        Validator validator) {
        this.households = households;
        this.estates = estates;
        this.imports = imports;
        this.validator = validator;
    }

    @GetMapping
    String list(@PathVariable long estateId, @RequestParam(required = false) String q,
                @RequestParam(required = false) Integer page,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        KaopingPrincipal p = CurrentUser.get();
        int[] ps = Paged.clamp(page, 50);
        model.addAttribute("estate", estates.get(p, estateId));
        model.addAttribute("result", households.search(p, estateId, q, ps[0], ps[1]));
        model.addAttribute("q", q);
        model.addAttribute("canEdit", p.role().maintainsEstates());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", FormData.submitted(Map.of()));
        }
        return "true".equals(htmx) ? "households/list :: results" : "households/list";
    }

    @PostMapping
    String add(@PathVariable long estateId, @RequestParam Map<String, String> params, Model model,
               RedirectAttributes redirect) {
        KaopingPrincipal p = CurrentUser.get();
        FormData form = FormData.submitted(params);
        HouseholdForm parsed = form.validate(validator, new HouseholdForm(form.text("building"), form.text("unit"),
                form.text("room"), form.decimal("floorArea")));
        if (form.submit(() -> households.add(p, estateId, parsed)).isPresent()) {
            redirect.addFlashAttribute("saved", true);
            return "redirect:/estates/" + estateId + "/households";
        }
        model.addAttribute("form", form);
        return list(estateId, null, null, null, model);
    }

    @PostMapping("/{householdId}/delete")
    String delete(@PathVariable long estateId, @PathVariable long householdId, RedirectAttributes redirect) {
        households.delete(CurrentUser.get(), estateId, householdId);
        redirect.addFlashAttribute("deleted", true);
        return "redirect:/estates/" + estateId + "/households";
    }

    @GetMapping("/export")
    ResponseEntity<byte[]> export(@PathVariable long estateId) {
        KaopingPrincipal p = CurrentUser.get();
        EstateView estate = estates.get(p, estateId);
        return Downloads.xlsx(estate.name() + "住户.xlsx", RegistryExports.households(households.list(p, estateId)));
    }

    @GetMapping("/import")
    String importPage(@PathVariable long estateId, Model model) {
        estates.get(CurrentUser.get(), estateId);
        String base = "/estates/" + estateId + "/households";
        return ImportPage.show(model, "import.households", base + "/import", base + "/import/template", base, null);
    }

    @GetMapping("/import/template")
    ResponseEntity<byte[]> template(@PathVariable long estateId) {
        return Downloads.xlsx("住户导入模板.xlsx", Spreadsheets.template(RegistryImports.HOUSEHOLDS));
    }

    @PostMapping("/import")
    String importFile(@PathVariable long estateId, @RequestParam("file") MultipartFile file, Model model)
            throws IOException {
        ImportReport report = imports.importHouseholds(CurrentUser.get(), estateId, file.getInputStream());
        String base = "/estates/" + estateId + "/households";
        return ImportPage.show(model, "import.households", base + "/import", base + "/import/template", base, report);
    }
}
