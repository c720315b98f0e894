package cn.kaoping.survey.web;

import cn.kaoping.survey.internal.Channel;
import cn.kaoping.survey.internal.Intake;
import cn.kaoping.survey.internal.Intake.OwnerSurvey;
import cn.kaoping.survey.internal.Questionnaire;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import cn.kaoping.platform.web.OwnerPageViews;
import cn.kaoping.platform.web.OwnerPages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The owner's page behind an estate link ({@code /s/{key}}), without login: building, room, the code from the slip
 * and the questions; every refusal is a plain message on the same page, never an error page.
 */
@Controller
@OwnerPages
class OwnerController {

    private final Intake intake;
    private final OwnerPageViews view;
    private final DateTimeFormatter time;

    OwnerController(Intake intake, OwnerPageViews view, Clock clock) {
        this.intake = intake;
        this.view = view;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(clock.getZone());
    }

    @GetMapping("/s/{key}")
    View page(@PathVariable String key, @RequestParam(required = false) String via,
                @RequestParam(required = false) String b, Model model, HttpServletRequest req,
                HttpServletResponse res) {
        Optional<OwnerSurvey> survey = intake.find(key);
        Map<String, String> values = new HashMap<>();
        if (b != null && b.length() <= 20) {
            values.put("building", b);
        }
        return show(survey, key, "qr".equals(via) ? "qr" : "link", values, null, model, req, res);
    }

    @PostMapping("/s/{key}")
    View submit(@PathVariable String key, @RequestParam Map<String, String> params, Model model,
                  HttpServletRequest req, HttpServletResponse res) {
        Optional<OwnerSurvey> survey = intake.find(key);
        String via = "qr".equals(params.get("via")) ? "qr" : "link";
        if (survey.isEmpty()) {
            return show(survey, key, via, params, null, model, req, res);
        }
        Questionnaire q = survey.get().questionnaire();
        Map<String, String> answers = new HashMap<>();
        for (Questionnaire.Question question : q.questions()) {
            String a = params.get("q." + question.code());
            if (a != null) {
                answers.put(question.code(), a);
            }
        }
        Intake.Outcome outcome = intake.submit(survey.get(), params.get("code"), params.get("building"),
                params.get("unit"), params.get("room"), answers, "qr".equals(via) ? Channel.QR : Channel.LINK,
                req.getRemoteAddr());
        if (outcome.status() == Intake.Status.CLOSED) {
            // closed since the survey was cached: show it as closed
            intake.forget(key);
            survey = intake.find(key);
        }
        return show(survey, key, via, params, outcome, model, req, res);
    }

    private View show(Optional<OwnerSurvey> survey, String key, String via, Map<String, String> values,
                        Intake.Outcome outcome, Model model, HttpServletRequest req, HttpServletResponse res) {
        res.setHeader("Cache-Control", "no-store");
        model.addAttribute("key", key);
        // the form posts back to the page's own address; built here rather than with @{...}, whose URL encoding
        // looks the path up as a static resource on the class path on every rendering
        model.addAttribute("action", req.getContextPath() + "/s/" + key);
        model.addAttribute("stylesheet", req.getContextPath() + "/css/owner.css");
        model.addAttribute("via", via);
        model.addAttribute("values", values);
        model.addAttribute("outcome", outcome);
        if (outcome != null && outcome.accepted()) {
            model.addAttribute("acknowledged", time.format(outcome.acknowledgedAt()));
        }
        if (survey.isEmpty()) {
            res.setStatus(404);
            model.addAttribute("survey", null);
            return view.view("owner/survey", RequestContextUtils.getLocale(req));
        }
        model.addAttribute("survey", survey.get());
        model.addAttribute("q", survey.get().questionnaire());
        if (outcome != null && !outcome.accepted()) {
            res.setStatus(switch (outcome.status()) {
                case MISSING_ANSWERS, BAD_CODE, ROOM_MISMATCH -> 422;
                case ALREADY_ANSWERED, CLOSED, ENDED, NOT_STARTED -> 409;
                case LOCKED, NOW_LOCKED -> 429;
                default -> 200;
            });
        }
        return view.view("owner/survey", RequestContextUtils.getLocale(req));
    }
}
