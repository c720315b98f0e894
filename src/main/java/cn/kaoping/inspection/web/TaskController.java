package cn.kaoping.inspection.web;

import cn.kaoping.inspection.EarlierProblems;
import cn.kaoping.inspection.internal.AssignInspection;
import cn.kaoping.inspection.internal.Finding;
import cn.kaoping.inspection.internal.InspectionObjections;
import cn.kaoping.inspection.internal.InspectionService;
import cn.kaoping.inspection.internal.RoundDocuments;
import cn.kaoping.inspection.internal.TaskView;
import cn.kaoping.platform.web.Downloads;
import cn.kaoping.platform.web.FormData;
import cn.kaoping.scheme.engine.Evaluation;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.CurrentUser;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.ValidationException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The inspection screen of one estate, built for a phone: findings per rule autosave through htmx and the score
 * follows; photos upload separately (a refused photo loses nothing); submit, review, patrols and objections.
 */
@Controller
@RequestMapping("/rounds/tasks")
class TaskController {

    private final InspectionService inspections;
    private final AssignInspection assignments;
    private final InspectionObjections objecting;
    private final RoundDocuments documents;
    private final ObjectProvider<EarlierProblems> earlier;
    private final List<cn.kaoping.inspection.SuggestedFacts> suggested;

    TaskController(InspectionService inspections, AssignInspection assignments, InspectionObjections objecting,
                   RoundDocuments documents, ObjectProvider<EarlierProblems> earlier,
                   List<cn.kaoping.inspection.SuggestedFacts> suggested) {
        this.inspections = inspections;
        this.assignments = assignments;
        this.objecting = objecting;
        this.documents = documents;
        this.earlier = earlier;
        this.suggested = suggested;
    }

    @GetMapping("/{id}")
    String task(@PathVariable long id, Model model) {
        return show(inspections.task(CurrentUser.get(), id), Map.of(), model);
    }

    /** The task page; {@code ruleProblems} are the refused inputs per rule code, shown on their rule. */
    private String show(TaskView task, Map<String, String> ruleProblems, Model model) {
        model.addAttribute("task", task);
        model.addAttribute("evaluation", task.evaluation());
        model.addAttribute("problems", List.of());
        model.addAttribute("ruleProblems", ruleProblems);
        // 回头看: the problems of the estate's earlier notices (none when no module provides them)
        EarlierProblems source = earlier.getIfAvailable();
        model.addAttribute("earlierProblems", source == null ? List.of()
                : source.of(task.inspection().estateId(), task.round().period().end()));
        // facts other modules know (the complaint rows from the work orders), offered where nothing is entered yet
        Map<String, cn.kaoping.inspection.SuggestedFacts.Suggestion> suggestions = new java.util.HashMap<>();
        suggested.forEach(s -> s.of(task.round().schemeCode(), task.round().schemeVersion(),
                task.inspection().estateId(), task.round().period().start(), task.round().period().end())
                .forEach(x -> suggestions.put(x.ruleCode(), x)));
        model.addAttribute("suggestions", suggestions);
        return "rounds/task";
    }

    /** Autosave: stores the findings and answers the score fragment (or the problems, keeping what was typed). */
    @PostMapping("/{id}/findings")
    String save(@PathVariable long id, @RequestParam Map<String, String> params, Model model) {
        KaopingPrincipal p = CurrentUser.get();
        TaskView task = inspections.task(p, id);
        FormData form = FormData.submitted(params);
        List<Finding> findings = FindingForm.parse(form, task.rules());
        Evaluation evaluation = task.evaluation();
        List<String> problems = List.copyOf(form.getErrors().values());
        try {
            InspectionService.Saved saved = inspections.saveWhatFits(p, id, findings);
            evaluation = saved.evaluation();
            problems = java.util.stream.Stream.concat(problems.stream(),
                    saved.problems().stream().map(ValidationException.FieldProblem::message)).toList();
        } catch (ConflictException e) {
            problems = List.of(e.getMessage());
        }
        model.addAttribute("task", task);
        model.addAttribute("evaluation", evaluation);
        model.addAttribute("problems", problems);
        model.addAttribute("saved", problems.isEmpty());
        return "rounds/task :: score";
    }

    @PostMapping("/{id}/evidence")
    String evidence(@PathVariable long id, @RequestParam(required = false) String rule,
                    @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
        try {
            inspections.addEvidence(CurrentUser.get(), id, rule, Files.bytes(file),
                    file == null ? null : file.getOriginalFilename());
            redirect.addFlashAttribute("photoSaved", rule);
        } catch (ValidationException | ConflictException e) {
            redirect.addFlashAttribute("photoProblem", e.getMessage());
        }
        return "redirect:/rounds/tasks/" + id + (rule == null ? "" : "#rule-" + rule);
    }

    @GetMapping("/{id}/evidence/{evidenceId}")
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long evidenceId) {
        InspectionService.Photo photo = inspections.evidence(CurrentUser.get(), id, evidenceId);
        return Files.photo(photo.contentType(), photo.content());
    }

    /**
     * Saves what fits and submits. When an input is refused nothing is submitted and the page comes back with
     * everything as typed and the problem on its rule (the fitting findings and every note are saved already).
     */
    @PostMapping("/{id}/submit")
    String submit(@PathVariable long id, @RequestParam Map<String, String> params, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        KaopingPrincipal p = CurrentUser.get();
        FormData form = FormData.submitted(params);
        List<Finding> findings = FindingForm.parse(form, inspections.task(p, id).rules());
        Map<String, String> ruleProblems = new java.util.LinkedHashMap<>();
        form.getErrors().forEach((field, message) -> ruleProblems.putIfAbsent(ruleOf(field), message));
        try {
            inspections.saveWhatFits(p, id, findings).problems()
                    .forEach(pr -> ruleProblems.putIfAbsent(ruleOf(pr.field()), pr.message()));
        } catch (ConflictException | ValidationException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/rounds/tasks/" + id;
        }
        if (!ruleProblems.isEmpty()) {
            response.setStatus(422);
            model.addAttribute("problem", String.join("；", ruleProblems.values()));
            return show(inspections.task(p, id).withTyped(findings), ruleProblems, model);
        }
        return act(id, redirect, "submitted", () -> inspections.submit(p, id, List.of()));
    }

    private static String ruleOf(String field) {
        return field == null ? "" : field.substring(field.indexOf(':') + 1);
    }

    @PostMapping("/{id}/accept")
    String accept(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, "accepted", () -> inspections.accept(CurrentUser.get(), id));
    }

    @PostMapping("/{id}/return")
    String returnIt(@PathVariable long id, @RequestParam(required = false) String comment,
                    RedirectAttributes redirect) {
        return act(id, redirect, "returned", () -> inspections.returnWithComments(CurrentUser.get(), id, comment));
    }

    @PostMapping("/{id}/claim")
    String claim(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, "claimed", () -> assignments.assignToMe(CurrentUser.get(), id));
    }

    /** A street officer assigns the task to an officer of his street; back to the round page with the outcome. */
    @PostMapping("/{id}/assign")
    String assign(@PathVariable long id, @RequestParam(required = false) String assignee,
                  RedirectAttributes redirect) {
        KaopingPrincipal p = CurrentUser.get();
        long round = inspections.task(p, id).round().id();
        try {
            assignments.assign(p, id, assignee);
            redirect.addFlashAttribute("done", "assigned");
        } catch (ValidationException | ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/rounds/" + round + "#task-" + id;
    }

    @PostMapping("/{id}/carry")
    String carry(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, "carried", () -> inspections.carryPatrols(CurrentUser.get(), id));
    }

    @PostMapping("/{id}/objections")
    String object(@PathVariable long id, @RequestParam(required = false) String rule,
                  @RequestParam(required = false) String reason, @RequestParam(required = false) MultipartFile file,
                  RedirectAttributes redirect) {
        return act(id, redirect, "objected", () -> objecting.object(CurrentUser.get(), id, rule, reason,
                Files.bytes(file), file == null ? null : file.getOriginalFilename()));
    }

    @GetMapping("/{id}/objections/{objectionId}/photo")
    ResponseEntity<byte[]> objectionPhoto(@PathVariable long id, @PathVariable long objectionId) {
        InspectionService.Photo photo = objecting.objectionPhoto(CurrentUser.get(), id, objectionId);
        return Files.photo(photo.contentType(), photo.content());
    }

    @PostMapping("/{id}/objections/{objectionId}/decision")
    String decide(@PathVariable long id, @PathVariable long objectionId, @RequestParam Map<String, String> params,
                  RedirectAttributes redirect) {
        FormData form = FormData.submitted(params);
        boolean upheld = form.checkbox("upheld");
        Finding corrected = new Finding(form.text("rule"), form.integer("count"), form.checkbox("holds"),
                form.decimal("value"), form.text("note"));
        if (form.hasErrors()) {
            redirect.addFlashAttribute("problem", String.join("；", form.getErrors().values()));
            return "redirect:/rounds/tasks/" + id;
        }
        return act(id, redirect, "decided", () -> objecting.decide(CurrentUser.get(), objectionId, upheld,
                form.text("decision"), corrected));
    }

    private String act(long id, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("done", done);
        } catch (ValidationException | ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/rounds/tasks/" + id;
    }

    @GetMapping("/{id}/sheet.xlsx")
    ResponseEntity<byte[]> sheetXlsx(@PathVariable long id) {
        KaopingPrincipal p = CurrentUser.get();
        return Downloads.xlsx(inspections.task(p, id).inspection().estateName() + " 评分表.xlsx",
                documents.sheetXlsx(p, id));
    }

    @GetMapping("/{id}/sheet.pdf")
    ResponseEntity<byte[]> sheetPdf(@PathVariable long id) {
        KaopingPrincipal p = CurrentUser.get();
        return Downloads.pdf(inspections.task(p, id).inspection().estateName() + " 评分表.pdf",
                documents.sheetPdf(p, id));
    }
}
