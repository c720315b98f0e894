package cn.kaoping.escalation.web;

import cn.kaoping.escalation.internal.DecideCircular;
import cn.kaoping.escalation.internal.DecideInterview;
import cn.kaoping.escalation.internal.DecidePenalty;
import cn.kaoping.escalation.internal.DismissSuggestion;
import cn.kaoping.escalation.internal.Documents;
import cn.kaoping.escalation.internal.EscalationAccess;
import cn.kaoping.escalation.internal.Forms.CircularForm;
import cn.kaoping.escalation.internal.Forms.DismissForm;
import cn.kaoping.escalation.internal.Forms.InterviewForm;
import cn.kaoping.escalation.internal.Forms.PenaltyForm;
import cn.kaoping.escalation.internal.LadderQueries;
import cn.kaoping.escalation.internal.SuggestionStatus;
import cn.kaoping.escalation.internal.Views;
import cn.kaoping.platform.web.Downloads;
import cn.kaoping.platform.web.FormData;
import cn.kaoping.shared.CurrentUser;
import cn.kaoping.shared.KaopingPrincipal;
import jakarta.servlet.http.HttpServletRequest;
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
 * The ladder screens: the ladders in scope, one ladder (notices, suggestions, 通报, 约谈, 处罚), the form that decides
 * or dismisses a suggestion, and each rung's record with its PDF. A company user sees its own ladders, read-only.
 */
@Controller
@RequestMapping("/escalation")
class EscalationController {

    private final LadderQueries ladder;
    private final DecideCircular circulars;
    private final DecideInterview interviews;
    private final DecidePenalty penalties;
    private final DismissSuggestion dismissals;
    private final Documents documents;

    EscalationController(LadderQueries ladder, DecideCircular circulars, DecideInterview interviews,
                         DecidePenalty penalties, DismissSuggestion dismissals, Documents documents) {
        this.ladder = ladder;
        this.circulars = circulars;
        this.interviews = interviews;
        this.penalties = penalties;
        this.dismissals = dismissals;
        this.documents = documents;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, HttpServletRequest request, Model model) {
        KaopingPrincipal p = CurrentUser.get();
        if (EscalationAccess.readsLettersOnly(p)) {
            return "redirect:/escalation/letters";
        }
        model.addAttribute("cases", ladder.cases(p, q));
        model.addAttribute("q", q == null ? "" : q.strip());
        if ("true".equals(request.getHeader("HX-Request"))) {
            return "escalation/list :: results";
        }
        model.addAttribute("open", ladder.suggestions(p, SuggestionStatus.OPEN));
        return "escalation/list";
    }

    @GetMapping("/cases/{id}")
    String ladder(@PathVariable long id, Model model) {
        KaopingPrincipal p = CurrentUser.get();
        Views.Ladder l = ladder.ladder(p, id);
        model.addAttribute("ladder", l);
        model.addAttribute("decidable", l.suggestions().stream().filter(s -> ladder.mayDecide(p, s))
                .map(Views.Suggestion::id).toList());
        return "escalation/case";
    }

    @GetMapping("/suggestions/{id}")
    String suggestion(@PathVariable long id, Model model) {
        KaopingPrincipal p = CurrentUser.get();
        Views.Suggestion s = ladder.suggestion(p, id);
        String today = ladder.today().toString();
        Map<String, String> defaults = switch (s.kind()) {
            case CIRCULAR -> Map.of("issuedOn", today, "reason", String.join("；", s.reasons()));
            case INTERVIEW -> Map.of("heldOn", today);
            case PENALTY -> Map.of("decidedOn", today);
        };
        return suggestion(p, s, FormData.submitted(defaults), FormData.submitted(Map.of()), model);
    }

    private String suggestion(KaopingPrincipal p, Views.Suggestion s, FormData decide, FormData dismiss,
                              Model model) {
        model.addAttribute("s", s);
        model.addAttribute("form", decide);
        model.addAttribute("dismissForm", dismiss);
        model.addAttribute("mayDecide", ladder.mayDecide(p, s));
        return "escalation/suggestion";
    }

    @PostMapping("/suggestions/{id}/decide")
    String decide(@PathVariable long id, @RequestParam Map<String, String> params, Model model) {
        KaopingPrincipal p = CurrentUser.get();
        Views.Suggestion s = ladder.suggestion(p, id);
        FormData form = FormData.submitted(params);
        Optional<String> done = switch (s.kind()) {
            case CIRCULAR -> {
                CircularForm f = new CircularForm(form.date("issuedOn"), form.text("reason"));
                yield form.submit(() -> "circulars/" + circulars.decide(p, id, f));
            }
            case INTERVIEW -> {
                InterviewForm f = new InterviewForm(form.date("heldOn"), form.text("place"), form.text("attendees"),
                        form.text("minutes"), form.text("commitments"));
                yield form.submit(() -> "interviews/" + interviews.decide(p, id, f));
            }
            case PENALTY -> {
                PenaltyForm f = new PenaltyForm(form.date("decidedOn"), form.text("decision"), form.text("legalBasis"),
                        form.decimal("amount"), form.text("measure"));
                yield form.submit(() -> "penalties/" + penalties.decide(p, id, f));
            }
        };
        if (done.isPresent()) {
            return "redirect:/escalation/" + done.get();
        }
        return suggestion(p, ladder.suggestion(p, id), form, FormData.submitted(Map.of()), model);
    }

    @PostMapping("/suggestions/{id}/dismiss")
    String dismiss(@PathVariable long id, @RequestParam Map<String, String> params, Model model) {
        KaopingPrincipal p = CurrentUser.get();
        Views.Suggestion s = ladder.suggestion(p, id);
        FormData form = FormData.submitted(params);
        if (form.submit(() -> {
            dismissals.dismiss(p, id, new DismissForm(form.text("reason")));
            return true;
        }).isPresent()) {
            return "redirect:/escalation/cases/" + s.caseId();
        }
        return suggestion(p, ladder.suggestion(p, id), FormData.submitted(Map.of()), form, model);
    }

    @GetMapping("/circulars/{id}")
    String circular(@PathVariable long id, Model model) {
        return rung(Documents.Type.circular, ladder.circular(CurrentUser.get(), id), id, model);
    }

    @GetMapping("/interviews/{id}")
    String interview(@PathVariable long id, Model model) {
        return rung(Documents.Type.interview, ladder.interview(CurrentUser.get(), id), id, model);
    }

    @GetMapping("/penalties/{id}")
    String penalty(@PathVariable long id, Model model) {
        return rung(Documents.Type.penalty, ladder.penalty(CurrentUser.get(), id), id, model);
    }

    private String rung(Documents.Type type, Object doc, long id, Model model) {
        model.addAttribute("type", type.name());
        model.addAttribute("doc", doc);
        model.addAttribute("today", ladder.today());
        model.addAttribute("pdf", "/escalation/" + switch (type) {
            case circular -> "circulars";
            case interview -> "interviews";
            default -> "penalties";
        } + "/" + id + "/document.pdf");
        return "escalation/rung";
    }

    @GetMapping("/circulars/{id}/document.pdf")
    ResponseEntity<byte[]> circularPdf(@PathVariable long id) {
        Views.Circular c = ladder.circular(CurrentUser.get(), id);
        return Downloads.pdf(c.number() + "-" + c.companyName() + ".pdf", documents.pdf(Documents.Type.circular, c));
    }

    @GetMapping("/interviews/{id}/document.pdf")
    ResponseEntity<byte[]> interviewPdf(@PathVariable long id) {
        Views.Interview i = ladder.interview(CurrentUser.get(), id);
        return Downloads.pdf(i.number() + "-" + i.companyName() + ".pdf", documents.pdf(Documents.Type.interview, i));
    }

    @GetMapping("/penalties/{id}/document.pdf")
    ResponseEntity<byte[]> penaltyPdf(@PathVariable long id) {
        Views.Penalty pn = ladder.penalty(CurrentUser.get(), id);
        return Downloads.pdf(pn.number() + "-" + pn.companyName() + ".pdf", documents.pdf(Documents.Type.penalty, pn));
    }

}
