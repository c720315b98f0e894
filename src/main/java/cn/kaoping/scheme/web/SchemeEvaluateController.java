package cn.kaoping.scheme.web;

import cn.kaoping.platform.web.FormData;
import cn.kaoping.scheme.engine.Evaluation;
import cn.kaoping.scheme.engine.InvalidFactsException;
import cn.kaoping.scheme.internal.SchemeVersion;
import cn.kaoping.scheme.internal.SchemeVersions;
import cn.kaoping.scheme.internal.SchemeView;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The what-if calculator: an official enters facts per rule and watches the total, grade and explanation update
 * (htmx posts the form on every change and swaps in the result fragment). Bad input is a plain message.
 */
@Controller
@RequestMapping("/schemes/{code}/evaluate")
class SchemeEvaluateController {

    private final SchemeVersions versions;
    private final Clock clock;

    SchemeEvaluateController(SchemeVersions versions, Clock clock) {
        this.versions = versions;
        this.clock = clock;
    }

    @GetMapping
    String page(@PathVariable String code, @RequestParam(required = false) Integer version, Model model) {
        SchemeVersion v = load(code, version);
        FormData form = FormData.submitted(Map.of("asOf", LocalDate.now(clock).toString()));
        return evaluate(v, form, model, null);
    }

    @PostMapping
    String evaluate(@PathVariable String code, @RequestParam(required = false) Integer version,
                    @RequestParam Map<String, String> params,
                    @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        return evaluate(load(code, version), FormData.submitted(params), model, htmx);
    }

    private SchemeVersion load(String code, Integer version) {
        return version == null ? versions.latestPublished(code) : versions.get(code, version);
    }

    private String evaluate(SchemeVersion v, FormData form, Model model, String htmx) {
        SchemeView scheme = SchemeView.of(v, versions.scheme(v));
        EvaluateForm parsed = EvaluateForm.parse(scheme, form, LocalDate.now(clock));
        List<String> problems = List.copyOf(parsed.problems.values());
        Evaluation evaluation = null;
        if (problems.isEmpty()) {
            try {
                evaluation = versions.evaluate(v, parsed.asOf, parsed.facts);
            } catch (InvalidFactsException e) {
                problems = e.problems().stream().map(p -> EvaluateForm.plain(scheme, p)).toList();
            }
        }
        model.addAttribute("scheme", scheme);
        model.addAttribute("form", form);
        model.addAttribute("asOf", parsed.asOf);
        model.addAttribute("problems", problems);
        model.addAttribute("evaluation", evaluation);
        if ("true".equals(htmx)) {
            return "schemes/evaluate :: result";
        }
        return "schemes/evaluate";
    }
}
