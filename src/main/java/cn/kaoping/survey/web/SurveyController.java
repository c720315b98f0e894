package cn.kaoping.survey.web;

import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionLevel;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.platform.web.FormData;
import cn.kaoping.shared.CurrentUser;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.survey.internal.Questionnaire;
import cn.kaoping.survey.internal.CloseSurvey;
import cn.kaoping.survey.internal.OpenSurvey;
import cn.kaoping.survey.internal.SurveyAccess;
import cn.kaoping.survey.internal.SurveyDashboard;
import cn.kaoping.survey.internal.SurveyExportRows;
import cn.kaoping.survey.internal.SurveyExports;
import cn.kaoping.survey.internal.SurveyForms.SurveyForm;
import cn.kaoping.survey.internal.SurveyQueries;
import cn.kaoping.survey.EstateSatisfaction;
import cn.kaoping.survey.internal.Views.Dashboard;
import cn.kaoping.survey.internal.Views.EstateRow;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/** The survey list, opening a survey, the live dashboard (per district, street and estate), export and closing. */
@Controller
@RequestMapping("/surveys")
class SurveyController {

    private final SurveyQueries surveys;
    private final OpenSurvey open;
    private final SurveyDashboard dashboards;
    private final CloseSurvey closing;
    private final SurveyExportRows exports;
    private final OrganisationDirectory directory;
    private final Clock clock;
    private final JsonMapper json;
    private final org.springframework.beans.factory.ObjectProvider<cn.kaoping.survey.RoundChoices> roundChoices;

    SurveyController(SurveyQueries surveys, OpenSurvey open, SurveyDashboard dashboards, CloseSurvey closing,
                     SurveyExportRows exports, OrganisationDirectory directory, Clock clock, JsonMapper json,
                     org.springframework.beans.factory.ObjectProvider<cn.kaoping.survey.RoundChoices> roundChoices) {
        this.roundChoices = roundChoices;
        this.surveys = surveys;
        this.open = open;
        this.dashboards = dashboards;
        this.closing = closing;
        this.exports = exports;
        this.directory = directory;
        this.clock = clock;
        this.json = json;
    }

    @GetMapping
    String list(Model model) {
        KaopingPrincipal p = CurrentUser.get();
        model.addAttribute("surveys", surveys.list(p));
        model.addAttribute("canCreate", SurveyAccess.organises(p));
        return "surveys/list";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        KaopingPrincipal p = CurrentUser.get();
        if (!SurveyAccess.organises(p)) {
            throw new ForbiddenException("您的角色不能发起满意度调查");
        }
        if (!model.containsAttribute("form")) {
            LocalDate today = LocalDate.now(clock);
            model.addAttribute("form", FormData.submitted(Map.of("startsOn", today.toString(),
                    "endsOn", today.plusDays(30).toString(), "regionId",
                    p.regionId() == null ? "" : p.regionId().toString())));
        }
        model.addAttribute("questionnaires", surveys.questionnaires());
        model.addAttribute("regions", regions(p));
        // estates and rounds are picked by name, never typed as numbers (issue 21)
        model.addAttribute("estatesByStreet", directory.estatesUnder(p.regionPath(), null, null, false).stream()
                .collect(java.util.stream.Collectors.groupingBy(e -> e.streetName(), LinkedHashMap::new,
                        java.util.stream.Collectors.toList())));
        var choices = roundChoices.getIfAvailable();
        model.addAttribute("rounds", choices == null ? List.of() : choices.under(p.regionPath()));
        if (!model.containsAttribute("chosenEstates")) {
            model.addAttribute("chosenEstates", java.util.Set.of());
        }
        return "surveys/form";
    }

    private List<RegionRef> regions(KaopingPrincipal p) {
        List<RegionRef> out = new ArrayList<>();
        for (RegionLevel level : List.of(RegionLevel.CITY, RegionLevel.DISTRICT, RegionLevel.STREET,
                RegionLevel.COMMUNITY)) {
            directory.regions(level).stream().filter(r -> p.covers(r.path())).forEach(out::add);
        }
        out.sort(java.util.Comparator.comparing(RegionRef::path));
        return out;
    }

    @PostMapping
    String create(@RequestParam Map<String, String> params,
                  @RequestParam(name = "estateIds", required = false) List<String> chosen, Model model) {
        KaopingPrincipal p = CurrentUser.get();
        FormData form = FormData.submitted(params);
        List<Long> estateIds = new ArrayList<>();
        for (String ids : chosen == null ? List.<String>of() : chosen) {
            for (String id : ids.strip().split("[,\\s]+")) {
                if (id.isEmpty()) {
                    continue;
                }
                try {
                    estateIds.add(Long.valueOf(id));
                } catch (NumberFormatException e) {
                    form.error("estateIds", "请从列表中选择小区");
                }
            }
        }
        model.addAttribute("chosenEstates", java.util.Set.copyOf(estateIds));
        SurveyForm parsed = new SurveyForm(form.text("title"), form.text("questionnaire"), form.date("startsOn"),
                form.date("endsOn"), form.id("regionId"), estateIds, form.id("roundId"));
        Optional<Long> id = form.submit(() -> open.create(p, parsed));
        if (id.isPresent()) {
            return "redirect:/surveys/" + id.get();
        }
        model.addAttribute("form", form);
        return newForm(model);
    }

    @GetMapping("/{id}")
    String dashboard(@PathVariable long id, @RequestHeader(value = "HX-Request", required = false) String htmx,
                     Model model) {
        Dashboard d = dashboards.dashboard(CurrentUser.get(), id);
        model.addAttribute("d", d);
        model.addAttribute("s", d.survey());
        model.addAttribute("chart", chart(d));
        return "true".equals(htmx) ? "surveys/dashboard :: live" : "surveys/dashboard";
    }

    @PostMapping("/{id}/close")
    String close(@PathVariable long id, RedirectAttributes redirect) {
        closing.close(CurrentUser.get(), id);
        redirect.addFlashAttribute("closed", true);
        return "redirect:/surveys/" + id;
    }

    @GetMapping("/{id}/export")
    ResponseEntity<byte[]> export(@PathVariable long id) {
        KaopingPrincipal p = CurrentUser.get();
        Questionnaire q = surveys.questionnaireOf(p, id);
        return Files.xlsx(surveys.get(p, id).title() + "答卷.xlsx",
                SurveyExports.responses(q, exports.exportRows(p, id)));
    }

    /** The data of the dashboard charts: participation and satisfaction per estate, and the threshold line. */
    private String chart(Dashboard d) {
        Map<String, Object> data = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        List<BigDecimal> participation = new ArrayList<>();
        List<BigDecimal> satisfaction = new ArrayList<>();
        for (EstateRow e : d.estates()) {
            EstateSatisfaction r = e.result();
            names.add(r.estateName());
            participation.add(r.participationPercent());
            satisfaction.add(r.satisfaction());
        }
        data.put("names", names);
        data.put("participation", participation);
        data.put("satisfaction", satisfaction);
        BigDecimal min = d.total().minParticipation();
        data.put("threshold", min == null ? null : min.movePointRight(2));
        // inside <script>: no "</" may end the element early
        return json.writeValueAsString(data).replace("</", "<\\/");
    }
}
