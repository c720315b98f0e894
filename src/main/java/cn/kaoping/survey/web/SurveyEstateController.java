package cn.kaoping.survey.web;

import cn.kaoping.platform.web.FormData;
import cn.kaoping.shared.CurrentUser;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.ValidationException;
import cn.kaoping.survey.internal.Channel;
import cn.kaoping.survey.internal.Household;
import cn.kaoping.survey.internal.Intake;
import cn.kaoping.survey.internal.IssueSurveyCodes;
import cn.kaoping.survey.internal.KeyPaperForm;
import cn.kaoping.survey.internal.Questionnaire;
import cn.kaoping.survey.internal.SurveyDocuments;
import cn.kaoping.survey.internal.SurveyDashboard;
import cn.kaoping.survey.internal.SurveyForms.PaperForm;
import cn.kaoping.survey.internal.SurveyForms.VoidForm;
import cn.kaoping.survey.internal.SurveyQueries;
import cn.kaoping.survey.internal.VoidResponse;
import cn.kaoping.survey.internal.Views.EstateDetail;
import cn.kaoping.survey.internal.Views.IssuedCode;
import cn.kaoping.survey.internal.Views.OptionCount;
import cn.kaoping.survey.internal.Views.QuestionBreakdown;
import cn.kaoping.survey.internal.Views.SurveyView;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * One estate of a survey: live breakdown per question, channel and building; the estate link, slips and posters;
 * keying in paper forms; voiding a household's response.
 */
@Controller
@RequestMapping("/surveys/{id}/estates/{estateId}")
class SurveyEstateController {

    private final SurveyQueries surveys;
    private final SurveyDashboard dashboards;
    private final IssueSurveyCodes codes;
    private final KeyPaperForm paperForms;
    private final VoidResponse voiding;
    private final SurveyDocuments documents;
    private final Links links;
    private final JsonMapper json;

    SurveyEstateController(SurveyQueries surveys, SurveyDashboard dashboards, IssueSurveyCodes codes,
                           KeyPaperForm paperForms, VoidResponse voiding, SurveyDocuments documents, Links links,
                           JsonMapper json) {
        this.surveys = surveys;
        this.dashboards = dashboards;
        this.codes = codes;
        this.paperForms = paperForms;
        this.voiding = voiding;
        this.documents = documents;
        this.links = links;
        this.json = json;
    }

    /** The per-question counts for the stacked bar chart. */
    private String breakdown(EstateDetail d) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("questions", d.questions().stream().map(QuestionBreakdown::title).toList());
        data.put("series", d.survey().questionnaire().options().stream()
                .map(o -> Map.of("name", o.label(), "code", o.code())).toList());
        data.put("counts", d.questions().stream().map(b -> b.options().stream().map(OptionCount::count).toList())
                .toList());
        return json.writeValueAsString(data).replace("</", "<\\/");
    }

    @GetMapping
    String page(@PathVariable long id, @PathVariable long estateId,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        EstateDetail d = dashboards.estate(CurrentUser.get(), id, estateId);
        model.addAttribute("d", d);
        model.addAttribute("s", d.survey());
        model.addAttribute("q", d.survey().questionnaire());
        model.addAttribute("link", links.estateLink(d.estate().linkKey()));
        model.addAttribute("channels", Channel.paper());
        model.addAttribute("breakdown", breakdown(d));
        for (String f : List.of("slipsForm", "paperForm", "voidForm")) {
            if (!model.containsAttribute(f)) {
                model.addAttribute(f, FormData.submitted(Map.of()));
            }
        }
        return "true".equals(htmx) ? "surveys/estate :: live" : "surveys/estate";
    }

    @PostMapping("/slips")
    Object slips(@PathVariable long id, @PathVariable long estateId, @RequestParam Map<String, String> params,
                 Model model) {
        KaopingPrincipal p = CurrentUser.get();
        FormData form = FormData.submitted(params);
        try {
            List<IssuedCode> issued = codes.issueCodes(p, id, estateId, form.text("building"), form.text("unit"),
                    form.text("room"));
            SurveyView s = surveys.get(p, id);
            String estate = codes.estateName(p, id, estateId);
            byte[] pdf = documents.slips(s.title(), estate, s.endsOn(),
                    links.estateLink(codes.linkKey(p, id, estateId)), issued);
            return Files.pdf(estate + "回执单.pdf", pdf);
        } catch (ValidationException e) {
            form.reject(e);
            model.addAttribute("slipsForm", form);
            return page(id, estateId, null, model);
        }
    }

    @GetMapping("/posters")
    ResponseEntity<byte[]> posters(@PathVariable long id, @PathVariable long estateId) {
        KaopingPrincipal p = CurrentUser.get();
        SurveyView s = surveys.get(p, id);
        String estate = codes.estateName(p, id, estateId);
        byte[] pdf = documents.posters(s.title(), estate, s.startsOn(), s.endsOn(),
                links.estateLink(codes.linkKey(p, id, estateId)), codes.buildings(p, id, estateId));
        return Files.pdf(estate + "扫码张贴.pdf", pdf);
    }

    @PostMapping("/paper")
    String paper(@PathVariable long id, @PathVariable long estateId, @RequestParam Map<String, String> params,
                 Model model, RedirectAttributes redirect) {
        KaopingPrincipal p = CurrentUser.get();
        FormData form = FormData.submitted(params);
        Questionnaire q = surveys.questionnaireOf(p, id);
        Map<String, String> answers = new HashMap<>();
        for (Questionnaire.Question question : q.questions()) {
            String a = form.text("q." + question.code());
            if (a != null && !a.isEmpty()) {
                answers.put(question.code(), a);
            }
        }
        Channel channel = form.choice("channel", Channel.class);
        var outcome = form.submit(() -> paperForms.keyPaperForm(p, id, estateId, new PaperForm(channel,
                form.text("building"), form.text("unit"), form.text("room"), form.text("code"), answers)));
        if (outcome.isPresent() && outcome.get().accepted()) {
            redirect.addFlashAttribute("paperSaved", outcome.get().status() == Intake.Status.REPEATED ? "repeated"
                    : "saved");
            return "redirect:/surveys/" + id + "/estates/" + estateId;
        }
        outcome.ifPresent(o -> model.addAttribute("paperOutcome", o));
        model.addAttribute("paperForm", form);
        return page(id, estateId, null, model);
    }

    @PostMapping("/void")
    String voidResponse(@PathVariable long id, @PathVariable long estateId, @RequestParam Map<String, String> params,
                        Model model, RedirectAttributes redirect) {
        KaopingPrincipal p = CurrentUser.get();
        FormData form = FormData.submitted(params);
        var voided = form.submit(() -> voiding.voidResponse(p, id, estateId, new VoidForm(
                form.text("building"), form.text("unit"), form.text("room"), form.text("code"),
                form.text("reason"))));
        if (voided.isPresent()) {
            redirect.addFlashAttribute("voided", voided.map(Household::label).get());
            return "redirect:/surveys/" + id + "/estates/" + estateId;
        }
        model.addAttribute("voidForm", form);
        return page(id, estateId, null, model);
    }
}
