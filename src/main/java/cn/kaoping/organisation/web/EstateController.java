package cn.kaoping.organisation.web;

import cn.kaoping.organisation.EstateCategory;
import cn.kaoping.organisation.ManagementMode;
import cn.kaoping.organisation.RegionLevel;
import cn.kaoping.organisation.internal.CommitteeForm;
import cn.kaoping.organisation.internal.CompanyService;
import cn.kaoping.organisation.internal.EstateFilter;
import cn.kaoping.organisation.internal.EstateForm;
import cn.kaoping.organisation.internal.EstateService;
import cn.kaoping.organisation.internal.EstateView;
import cn.kaoping.organisation.internal.RegionService;
import cn.kaoping.organisation.internal.RegistryExports;
import cn.kaoping.organisation.internal.RegistryImports;
import cn.kaoping.organisation.CommitteeKind;
import cn.kaoping.platform.excel.ImportReport;
import cn.kaoping.platform.excel.Spreadsheets;
import cn.kaoping.platform.web.Downloads;
import cn.kaoping.platform.web.FormData;
import cn.kaoping.shared.ConflictException;
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
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The estate screens: list with search, filters and paging (htmx), detail, form, committee, import, export. */
@Controller
@RequestMapping("/estates")
class EstateController {

    private final EstateService estates;
    private final RegionService regions;
    private final CompanyService companies;
    private final RegistryImports imports;
    private final Validator validator;

    EstateController(EstateService estates, RegionService regions, CompanyService companies, RegistryImports imports,
                     Validator validator) {
        this.estates = estates;
        this.regions = regions;
        this.companies = companies;
        this.imports = imports;
        this.validator = validator;
    }

    @ModelAttribute("filter")
    EstateFilter filter(@RequestParam(required = false) String q, @RequestParam(required = false) Long districtId,
                        @RequestParam(required = false) Long streetId, @RequestParam(required = false) Long communityId,
                        @RequestParam(required = false) EstateCategory category,
                        @RequestParam(required = false) Long companyId,
                        @RequestParam(required = false) Boolean oldEstate) {
        return new EstateFilter(q, districtId, streetId, communityId, category, companyId, oldEstate);
    }

    @GetMapping
    String list(@ModelAttribute("filter") EstateFilter filter, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) Integer size,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        KaopingPrincipal p = CurrentUser.get();
        int[] ps = Paged.clamp(page, size);
        model.addAttribute("result", estates.search(p, filter, ps[0], ps[1]));
        if ("true".equals(htmx)) {
            return "estates/list :: results";
        }
        options(p, model);
        model.addAttribute("canEdit", p.role().maintainsEstates());
        return "estates/list";
    }

    private void options(KaopingPrincipal p, Model model) {
        model.addAttribute("districts", regions.ofLevel(p, RegionLevel.DISTRICT));
        model.addAttribute("streets", regions.ofLevel(p, RegionLevel.STREET));
        model.addAttribute("communities", regions.ofLevel(p, RegionLevel.COMMUNITY));
        model.addAttribute("companies", companies.options());
        model.addAttribute("categories", EstateCategory.values());
        model.addAttribute("modes", ManagementMode.values());
    }

    @GetMapping("/export")
    ResponseEntity<byte[]> export(@ModelAttribute("filter") EstateFilter filter) {
        return Downloads.xlsx("小区名录.xlsx", RegistryExports.estates(estates.list(CurrentUser.get(), filter)));
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        KaopingPrincipal p = CurrentUser.get();
        model.addAttribute("estate", estates.get(p, id));
        model.addAttribute("committee", estates.committee(p, id).orElse(null));
        model.addAttribute("canEdit", p.role().maintainsEstates());
        return "estates/detail";
    }

    @GetMapping("/new")
    String create(Model model) {
        return form(FormData.of(EstateForm.empty()), null, model);
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        EstateView estate = estates.get(CurrentUser.get(), id);
        return form(FormData.of(estate.toForm()), estate, model);
    }

    private String form(FormData form, EstateView estate, Model model) {
        KaopingPrincipal p = CurrentUser.get();
        options(p, model);
        Long companyId = form.id("companyId");
        model.addAttribute("managers", companyId == null ? java.util.List.of() : companies.managersOf(companyId));
        model.addAttribute("form", form);
        model.addAttribute("estate", estate);
        return "estates/form";
    }

    /** The project-manager options of a company, swapped into the form by htmx when the company changes. */
    @GetMapping("/managers")
    String managers(@RequestParam(required = false) Long companyId, Model model) {
        model.addAttribute("managers", companyId == null ? java.util.List.of() : companies.managersOf(companyId));
        model.addAttribute("form", FormData.submitted(Map.of()));
        return "estates/form :: managerOptions";
    }

    static EstateForm parse(FormData f) {
        return EstateForm.builder().name(f.text("name")).address(f.text("address")).communityId(f.id("communityId"))
                .category(f.choice("category", EstateCategory.class)).oldEstate(f.checkbox("oldEstate"))
                .managementMode(f.choice("managementMode", ManagementMode.class)).floorArea(f.decimal("floorArea"))
                .householdCount(f.integer("householdCount")).companyId(f.id("companyId"))
                .projectManagerId(f.id("projectManagerId")).contractStart(f.date("contractStart"))
                .contractFiled(f.checkbox("contractFiled")).version(f.integer("version")).build();
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
        FormData form = FormData.submitted(params);
        EstateForm parsed = form.validate(validator, parse(form));
        EstateView current = id == null ? null : estates.get(p, id);
        // show the cross-field problems in the same round as the field problems
        estates.check(p, parsed).forEach(problem -> form.error(problem.field(), problem.message()));
        Optional<EstateView> saved = form.submit(() -> id == null ? estates.create(p, parsed)
                : estates.update(p, id, parsed));
        if (saved.isPresent()) {
            redirect.addFlashAttribute("saved", true);
            return "redirect:/estates/" + saved.get().id();
        }
        return form(form, current, model);
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        try {
            estates.delete(CurrentUser.get(), id);
            redirect.addFlashAttribute("deleted", true);
            return "redirect:/estates";
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/estates/" + id;
        }
    }

    @GetMapping("/{id}/committee")
    String committee(@PathVariable long id, Model model) {
        KaopingPrincipal p = CurrentUser.get();
        EstateView estate = estates.get(p, id);
        FormData form = estates.committee(p, id).map(c -> FormData.of(c.toForm()))
                .orElseGet(() -> FormData.submitted(Map.of("kind", "OWNERS")));
        return committeeForm(estate, form, model);
    }

    private String committeeForm(EstateView estate, FormData form, Model model) {
        model.addAttribute("estate", estate);
        model.addAttribute("form", form);
        model.addAttribute("kinds", CommitteeKind.values());
        return "estates/committee";
    }

    @PostMapping("/{id}/committee")
    String saveCommittee(@PathVariable long id, @RequestParam Map<String, String> params, Model model,
                         RedirectAttributes redirect) {
        KaopingPrincipal p = CurrentUser.get();
        EstateView estate = estates.get(p, id);
        FormData form = FormData.submitted(params);
        CommitteeForm parsed = form.validate(validator, new CommitteeForm(form.choice("kind", CommitteeKind.class),
                form.date("termStart"), form.date("termEnd"), form.integer("memberCount"),
                form.integer("partyMemberCount")));
        if (form.submit(() -> estates.saveCommittee(p, id, parsed)).isPresent()) {
            redirect.addFlashAttribute("saved", true);
            return "redirect:/estates/" + id;
        }
        return committeeForm(estate, form, model);
    }

    @GetMapping("/import")
    String importPage(Model model) {
        return ImportPage.show(model, "import.estates", "/estates/import", "/estates/import/template", "/estates", null);
    }

    @GetMapping("/import/template")
    ResponseEntity<byte[]> template() {
        return Downloads.xlsx("小区导入模板.xlsx", Spreadsheets.template(RegistryImports.ESTATES));
    }

    @PostMapping("/import")
    String importFile(@RequestParam("file") MultipartFile file, Model model) throws IOException {
        ImportReport report = imports.importEstates(CurrentUser.get(), file.getInputStream());
        return ImportPage.show(model, "import.estates", "/estates/import", "/estates/import/template", "/estates",
                report);
    }
}
