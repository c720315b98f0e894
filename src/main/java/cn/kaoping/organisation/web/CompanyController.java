package cn.kaoping.organisation.web;

import cn.kaoping.organisation.internal.CompanyForm;
import cn.kaoping.organisation.internal.CompanyService;
import cn.kaoping.organisation.internal.CompanyView;
import cn.kaoping.organisation.internal.EstateFilter;
import cn.kaoping.organisation.internal.EstateService;
import cn.kaoping.organisation.internal.ManagerForm;
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
import java.util.Optional;
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

/** The company register: list, detail with project managers and estates, form, import, export. */
@Controller
@RequestMapping("/companies")
class CompanyController {

    private final CompanyService companies;
    private final EstateService estates;
    private final RegistryImports imports;
    private final Validator validator;

    CompanyController(CompanyService companies, EstateService estates, RegistryImports imports, Validator validator) {
        this.companies = companies;
        this.estates = estates;
        this.imports = imports;
        this.validator = validator;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        KaopingPrincipal p = CurrentUser.get();
        int[] ps = Paged.clamp(page, null);
        model.addAttribute("result", companies.search(p, q, ps[0], ps[1]));
        model.addAttribute("q", q);
        model.addAttribute("canEdit", p.role().maintainsRegistry());
        return "true".equals(htmx) ? "companies/list :: results" : "companies/list";
    }

    @GetMapping("/export")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String q) {
        return Downloads.xlsx("物业服务企业名录.xlsx", RegistryExports.companies(companies.list(CurrentUser.get(), q)));
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        KaopingPrincipal p = CurrentUser.get();
        CompanyView company = companies.get(p, id);
        model.addAttribute("company", company);
        model.addAttribute("managers", companies.managers(p, id));
        model.addAttribute("estates", estates.search(p, new EstateFilter(null, null, null, null, null, id, null), 1, 200));
        model.addAttribute("canEdit", p.role().maintainsRegistry());
        model.addAttribute("managerForm", FormData.submitted(Map.of()));
        return "companies/detail";
    }

    @GetMapping("/new")
    String create(Model model) {
        return form(FormData.of(CompanyForm.empty()), null, model);
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        CompanyView company = companies.get(CurrentUser.get(), id);
        return form(FormData.of(company.toForm()), company, model);
    }

    private String form(FormData form, CompanyView company, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("company", company);
        return "companies/form";
    }

    @PostMapping
    String save(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        return save(null, params, model, redirect);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @RequestParam Map<String, String> params, Model model,
                  RedirectAttributes redirect) {
        return save(id, params, model, redirect);
    }

    private String save(Long id, Map<String, String> params, Model model, RedirectAttributes redirect) {
        KaopingPrincipal p = CurrentUser.get();
        CompanyView current = id == null ? null : companies.get(p, id);
        FormData form = FormData.submitted(params);
        CompanyForm parsed = form.validate(validator, new CompanyForm(form.text("name"), form.text("creditCode"),
                form.text("contactPerson"), form.text("contactPhone"), form.text("address"), form.integer("version")));
        Optional<CompanyView> saved = form.submit(() -> id == null ? companies.create(p, parsed)
                : companies.update(p, id, parsed));
        if (saved.isPresent()) {
            redirect.addFlashAttribute("saved", true);
            return "redirect:/companies/" + saved.get().id();
        }
        return form(form, current, model);
    }

    @PostMapping("/{id}/managers")
    String addManager(@PathVariable long id, @RequestParam Map<String, String> params, Model model,
                      RedirectAttributes redirect) {
        KaopingPrincipal p = CurrentUser.get();
        FormData form = FormData.submitted(params);
        ManagerForm parsed = form.validate(validator, new ManagerForm(form.text("name"), form.text("phone"),
                form.text("certificateNo")));
        if (form.submit(() -> companies.addManager(p, id, parsed)).isPresent()) {
            redirect.addFlashAttribute("saved", true);
            return "redirect:/companies/" + id;
        }
        detail(id, model);
        model.addAttribute("managerForm", form);
        return "companies/detail";
    }

    @GetMapping("/import")
    String importPage(Model model) {
        return ImportPage.show(model, "import.companies", "/companies/import", "/companies/import/template",
                "/companies", null);
    }

    @GetMapping("/import/template")
    ResponseEntity<byte[]> template() {
        return Downloads.xlsx("企业导入模板.xlsx", Spreadsheets.template(RegistryImports.COMPANIES));
    }

    @PostMapping("/import")
    String importFile(@RequestParam("file") MultipartFile file, Model model) throws IOException {
        ImportReport report = imports.importCompanies(CurrentUser.get(), file.getInputStream());
        return ImportPage.show(model, "import.companies", "/companies/import", "/companies/import/template",
                "/companies", report);
    }
}
