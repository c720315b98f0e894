package cn.kaoping.inspection.web;

import cn.kaoping.inspection.internal.AssignInspection;
import cn.kaoping.inspection.internal.InspectionObjections;
import cn.kaoping.inspection.internal.RevisionForm;
import cn.kaoping.inspection.internal.Round;
import cn.kaoping.inspection.internal.RoundDocuments;
import cn.kaoping.inspection.internal.RoundForm;
import cn.kaoping.inspection.internal.RoundService;
import cn.kaoping.inspection.internal.RoundSettings;
import cn.kaoping.inspection.internal.RoundStatus;
import cn.kaoping.inspection.internal.Scope;
import cn.kaoping.inspection.internal.SeedLayoutExports;
import cn.kaoping.organisation.EstateCategory;
import cn.kaoping.platform.web.Downloads;
import cn.kaoping.platform.web.FormData;
import cn.kaoping.scheme.SchemeCatalog;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.CurrentUser;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.ValidationException;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The round screens: the list with "my tasks", opening a round, a round's page with its transitions and exports. */
@Controller
@RequestMapping("/rounds")
class RoundController {

    private final RoundService rounds;
    private final cn.kaoping.inspection.internal.InspectionService inspections;
    private final AssignInspection assignments;
    private final InspectionObjections objecting;
    private final RoundDocuments documents;
    private final SeedLayoutExports seedLayouts;
    private final SchemeCatalog catalog;
    private final Validator validator;
    private final RoundSettings settings;
    private final cn.kaoping.account.AccountDirectory accounts;
    private final Clock clock;

    RoundController(RoundService rounds, cn.kaoping.inspection.internal.InspectionService inspections,
                    AssignInspection assignments, InspectionObjections objecting,
                    RoundDocuments documents, SeedLayoutExports seedLayouts, SchemeCatalog catalog,
                    Validator validator, RoundSettings settings, cn.kaoping.account.AccountDirectory accounts,
                    Clock clock) {
        this.accounts = accounts;
        this.settings = settings;
        this.rounds = rounds;
        this.inspections = inspections;
        this.assignments = assignments;
        this.objecting = objecting;
        this.documents = documents;
        this.seedLayouts = seedLayouts;
        this.catalog = catalog;
        this.validator = validator;
        this.clock = clock;
    }

    @GetMapping
    String list(Model model) {
        KaopingPrincipal p = CurrentUser.get();
        model.addAttribute("rounds", rounds.list(p));
        model.addAttribute("tasks", Scope.inspectsEstates(p) ? inspections.openTasks(p) : java.util.List.of());
        model.addAttribute("canCreate", RoundService.opensRounds(p.role()));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("schemeTitles", catalog.titles());
        if (RoundService.opensRounds(p.role())) {
            model.addAttribute("publicityDays", settings.publicityDays(p));
        }
        return "rounds/list";
    }

    /** The district sets the publicity days its new rounds start from. */
    @PostMapping("/settings")
    String saveSettings(@RequestParam Map<String, String> params, RedirectAttributes redirect) {
        FormData form = FormData.submitted(params);
        Integer days = form.integer("publicityDays");
        try {
            settings.setPublicityDays(CurrentUser.get(), days);
            redirect.addFlashAttribute("settingsSaved", true);
        } catch (ValidationException e) {
            redirect.addFlashAttribute("settingsProblem", e.getMessage());
        }
        return "redirect:/rounds";
    }

    @GetMapping("/new")
    String create(Model model) {
        LocalDate today = LocalDate.now(clock);
        String days = String.valueOf(settings.publicityDays(CurrentUser.get()));
        return form(FormData.submitted(Map.of("publicityDays", days, "schemeCode", "erqi-old-estate:1",
                "inspectionDue", today.plusDays(30).toString(), "reviewDue", today.plusDays(45).toString())), model);
    }

    private String form(FormData form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("schemes", catalog.allPublished(cn.kaoping.scheme.engine.Scheme.Subject.ESTATE));
        model.addAttribute("streets", rounds.streets(CurrentUser.get()));
        model.addAttribute("categories", EstateCategory.values());
        return "rounds/form";
    }

    @PostMapping
    String save(@RequestParam Map<String, String> params, Model model) {
        FormData form = FormData.submitted(params);
        String scheme = form.text("schemeCode");
        String code = scheme == null ? null : scheme.split(":")[0];
        Integer version = null;
        if (scheme != null && scheme.contains(":")) {
            try {
                version = Integer.valueOf(scheme.substring(scheme.indexOf(':') + 1));
            } catch (NumberFormatException e) {
                form.error("schemeCode", "请选择考评标准");
            }
        }
        RoundForm parsed = form.validate(validator, new RoundForm(form.text("name"), code, version,
                form.text("period"), form.id("streetId"), form.choice("category", EstateCategory.class),
                form.checkbox("oldEstatesOnly"), form.date("inspectionDue"), form.date("reviewDue"),
                form.integer("publicityDays"), form.checkbox("confirmOverlap")));
        Optional<Round> saved = form.submit(() -> rounds.create(CurrentUser.get(), parsed));
        return saved.map(r -> "redirect:/rounds/" + r.id()).orElseGet(() -> form(form, model));
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        KaopingPrincipal p = CurrentUser.get();
        Round round = rounds.get(p, id);
        model.addAttribute("round", round);
        model.addAttribute("schemeTitle", catalog.title(round.schemeCode()));
        var rows = documents.results(p, id);
        model.addAttribute("rows", rows);
        var officers = assignments.colleagues(p);
        model.addAttribute("officers", officers);
        var results = rounds.results(p, id);
        // people by name, never by username: inspectors, assignees and who published (issue 21)
        java.util.Set<String> people = new java.util.HashSet<>();
        rows.forEach(r -> people.add(r.task().inspection().assignee()));
        results.forEach(r -> people.add(r.publishedBy()));
        Map<String, String> names = new java.util.HashMap<>(accounts.displayNames(people));
        officers.forEach(o -> names.put(o.username(), o.displayName()));
        model.addAttribute("officerNames", names);
        model.addAttribute("assignable", rows.stream().map(r -> r.task().inspection())
                .filter(i -> round.status() == RoundStatus.OPEN && Scope.inspects(p, i) && i.editable()
                        && p.regionId() != null && p.regionId() == i.streetId())
                .map(i -> i.id()).collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("counts", rounds.counts(id));
        model.addAttribute("objections", objecting.objectionsOfRound(p, id));
        model.addAttribute("results", results);
        model.addAttribute("leads", Scope.leads(p, round));
        model.addAttribute("published", round.status() == RoundStatus.PUBLISHED);
        if (!model.containsAttribute("revision")) {
            model.addAttribute("revision", FormData.submitted(Map.of()));
        }
        return "rounds/detail";
    }

    @PostMapping("/{id}/open")
    String open(@PathVariable long id, RedirectAttributes redirect) {
        return transition(id, redirect, "opened", () -> rounds.open(CurrentUser.get(), id));
    }

    @PostMapping("/{id}/publicity")
    String publicity(@PathVariable long id, RedirectAttributes redirect) {
        return transition(id, redirect, "publicity", () -> rounds.startPublicity(CurrentUser.get(), id));
    }

    @PostMapping("/{id}/publish")
    String publish(@PathVariable long id, RedirectAttributes redirect) {
        return transition(id, redirect, "published", () -> rounds.publish(CurrentUser.get(), id));
    }

    @PostMapping("/{id}/revisions")
    String revise(@PathVariable long id, @RequestParam Map<String, String> params, RedirectAttributes redirect) {
        FormData form = FormData.submitted(params);
        RevisionForm parsed = new RevisionForm(form.id("inspectionId"), form.text("rule"), form.integer("count"),
                form.checkbox("holds"), form.decimal("value"), form.text("note"), form.text("reason"));
        Optional<Object> done = form.submit(() -> rounds.revise(CurrentUser.get(), id, parsed));
        if (done.isPresent()) {
            redirect.addFlashAttribute("done", "revised");
        } else {
            redirect.addFlashAttribute("revision", form);
        }
        return "redirect:/rounds/" + id;
    }

    private String transition(long id, RedirectAttributes redirect, String done, Supplier<Object> action) {
        try {
            action.get();
            redirect.addFlashAttribute("done", done);
        } catch (ConflictException | ValidationException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/rounds/" + id;
    }

    @GetMapping("/{id}/results.xlsx")
    ResponseEntity<byte[]> resultsXlsx(@PathVariable long id) {
        KaopingPrincipal p = CurrentUser.get();
        return Downloads.xlsx(rounds.get(p, id).name() + " 考评结果.xlsx", documents.resultsXlsx(p, id));
    }

    @GetMapping("/{id}/results.pdf")
    ResponseEntity<byte[]> resultsPdf(@PathVariable long id) {
        KaopingPrincipal p = CurrentUser.get();
        return Downloads.pdf(rounds.get(p, id).name() + " 考评结果.pdf", documents.resultsPdf(p, id));
    }

    /** The published results in the seed's own annex layout (seed 004 评分细则 or seed 001 考核标准); 409 before. */
    @GetMapping("/{id}/export/seed-layout.xlsx")
    ResponseEntity<byte[]> seedLayoutXlsx(@PathVariable long id) {
        KaopingPrincipal p = CurrentUser.get();
        byte[] body = seedLayouts.xlsx(p, id);
        return Downloads.xlsx(rounds.get(p, id).name() + " 原表格式.xlsx", body);
    }
}
