package cn.kaoping.casework.web;

import cn.kaoping.casework.complaints.AnswerComplaint;
import cn.kaoping.casework.complaints.ComplaintAccess;
import cn.kaoping.casework.complaints.ComplaintQueries;
import cn.kaoping.casework.complaints.ComplaintStatus;
import cn.kaoping.casework.complaints.ComplaintStore;
import cn.kaoping.casework.complaints.ComplaintToNotice;
import cn.kaoping.casework.complaints.FileComplaint;
import cn.kaoping.casework.complaints.HandleComplaint;
import cn.kaoping.casework.complaints.ImportHotlineOrders;
import cn.kaoping.organisation.EstateListing;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.platform.web.FlashSteps;
import cn.kaoping.platform.web.FormData;
import cn.kaoping.shared.CurrentUser;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 投诉工单 screens: the list (the street's, the district's, or those assigned to the company) with the overdue ones
 * flagged, the form the street office files a complaint with, and one work order with its steps and the one action
 * the caller may take. Refusals come back to the page as a message.
 */
@Controller
@RequestMapping("/complaints")
class ComplaintController {

    private final FileComplaint files;
    private final HandleComplaint steps;
    private final AnswerComplaint answers;
    private final ComplaintQueries queries;
    private final OrganisationDirectory directory;
    private final ImportHotlineOrders hotline;
    private final ComplaintToNotice toNotice;
    private final cn.kaoping.casework.meetings.Meetings meetings;
    private final cn.kaoping.platform.storage.FileStore files2;
    private final java.time.Clock clock;

    ComplaintController(FileComplaint files, HandleComplaint steps, AnswerComplaint answers, ComplaintQueries queries,
                        OrganisationDirectory directory, ImportHotlineOrders hotline, ComplaintToNotice toNotice,
                        cn.kaoping.casework.meetings.Meetings meetings, cn.kaoping.platform.storage.FileStore files2,
                        java.time.Clock clock) {
        this.toNotice = toNotice;
        this.meetings = meetings;
        this.clock = clock;
        this.files2 = files2;
        this.hotline = hotline;
        this.files = files;
        this.steps = steps;
        this.answers = answers;
        this.queries = queries;
        this.directory = directory;
    }

    @GetMapping
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String category,
                @RequestParam(required = false) String estate, @RequestParam(required = false) String source,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String overdue, Model model) {
        KaopingPrincipal p = CurrentUser.get();
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        var categories = queries.categories();
        ComplaintStatus s = java.util.Arrays.stream(ComplaintStatus.values()).filter(c -> c.name().equals(status))
                .findFirst().orElse(null);
        String k = categories.stream().map(c -> c.code()).filter(c -> c.equals(category)).findFirst().orElse(null);
        String src = source != null && List.of("HOTLINE", "OWNER", "STAFF").contains(source) ? source : null;
        java.time.LocalDate f = date(from);
        java.time.LocalDate t = date(to);
        if (f != null && t != null && t.isBefore(f)) {
            t = null;
        }
        boolean late = "true".equals(overdue);
        var filter = new ComplaintStore.Filter(s, k, estate == null || estate.isBlank() ? null : estate.strip(), src,
                f, t, late ? today : null);
        model.addAttribute("rows", queries.list(p, filter));
        model.addAttribute("filter", filter);
        model.addAttribute("overdueOnly", late);
        model.addAttribute("statuses", List.of(ComplaintStatus.values()));
        model.addAttribute("categories", categories);
        model.addAttribute("sources", List.of("HOTLINE", "OWNER", "STAFF"));
        model.addAttribute("mayFile", ComplaintAccess.handles(p));
        model.addAttribute("mayImport", ComplaintAccess.imports(p));
        model.addAttribute("maySet", cn.kaoping.casework.complaints.ComplaintSettings.edits(p));
        model.addAttribute("today", today);
        return "casework/list";
    }

    private static java.time.LocalDate date(String s) {
        try {
            return s == null || s.isBlank() ? null : java.time.LocalDate.parse(s.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    @GetMapping("/new")
    String form(Model model) {
        return form(FormData.submitted(Map.of()), model);
    }

    private String form(FormData form, Model model) {
        KaopingPrincipal p = CurrentUser.get();
        if (!ComplaintAccess.handles(p)) {
            throw new ForbiddenException("投诉由小区所在街道办事处登记");
        }
        model.addAttribute("form", form);
        model.addAttribute("categories", queries.categories());
        model.addAttribute("estates", directory.estatesUnder(p.regionPath(), null, null, false).stream()
                .sorted(Comparator.comparing(EstateListing::name)).toList());
        return "casework/form";
    }

    @PostMapping
    String file(@RequestParam Map<String, String> params, Model model) {
        FormData form = FormData.submitted(params);
        var f = new FileComplaint.Form(form.id("estateId"), form.text("category"), form.text("content"),
                form.text("complainant"), form.text("phone"), form.text("hotlineNo"), null);
        if (form.hasErrors()) {
            return form(form, model);
        }
        return form.submit(() -> files.file(CurrentUser.get(), f))
                .map(id -> id.map(v -> "redirect:/complaints/" + v).orElse("redirect:/complaints"))
                .orElseGet(() -> form(form, model));
    }

    @GetMapping("/import")
    String importPage() {
        return "casework/import";
    }

    @PostMapping("/import")
    String importOrders(@RequestParam(required = false) org.springframework.web.multipart.MultipartFile file,
                        Model model) {
        byte[] content;
        try {
            content = file == null ? new byte[0] : file.getBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        model.addAttribute("report", hotline.importOrders(CurrentUser.get(), content));
        return "casework/import";
    }

    @GetMapping("/import-template.xlsx")
    org.springframework.http.ResponseEntity<byte[]> template() {
        return cn.kaoping.platform.web.Downloads.xlsx("热线工单导入模板.xlsx",
                cn.kaoping.platform.excel.Spreadsheets.template(ImportHotlineOrders.LAYOUT));
    }

    @GetMapping("/{id:\\d+}")
    String show(@PathVariable long id, Model model) {
        KaopingPrincipal p = CurrentUser.get();
        ComplaintQueries.Detail d = queries.get(p, id);
        model.addAttribute("d", d);
        model.addAttribute("c", d.row().complaint());
        model.addAttribute("handles", ComplaintAccess.handles(p));
        model.addAttribute("answers", ComplaintAccess.answers(p, d.row()));
        model.addAttribute("notice", toNotice.notice(id).orElse(null));
        model.addAttribute("meetings", meetings.meetingsOf(id));
        model.addAttribute("mayReport", toNotice.mayList(p)
                && d.row().complaint().status() != ComplaintStatus.RETURNED && d.row().companyId() != null);
        return "casework/detail";
    }

    /** Lists the complaint on the estate's rectification notice (a draft), then shows the draft. */
    @PostMapping("/{id:\\d+}/notice")
    String toNotice(@PathVariable long id, RedirectAttributes redirect) {
        return FlashSteps.go(redirect, "/complaints/" + id, "added",
                () -> "/rectification/" + toNotice.list(CurrentUser.get(), id).noticeId());
    }

    /** A photo the owner sent, for those who may read the complaint. */
    @GetMapping("/{id:\\d+}/photos/{file}")
    org.springframework.http.ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable java.util.UUID file) {
        ComplaintQueries.Detail d = queries.get(CurrentUser.get(), id);
        if (d.photos().stream().noneMatch(ph -> ph.fileId().equals(file))) {
            throw new cn.kaoping.shared.NotFoundException("照片不存在");
        }
        cn.kaoping.platform.storage.StoredFile f = files2.find(file)
                .orElseThrow(() -> new cn.kaoping.shared.NotFoundException("照片不存在"));
        return cn.kaoping.platform.web.Downloads.inline(f.contentType(),
                files2.content(file).orElseThrow(() -> new cn.kaoping.shared.NotFoundException("照片不存在")));
    }

    @PostMapping("/{id:\\d+}/{step:sign|assign|return|answer|close}")
    String step(@PathVariable long id, @PathVariable String step, @RequestParam Map<String, String> params,
                RedirectAttributes redirect) {
        KaopingPrincipal p = CurrentUser.get();
        return FlashSteps.run(redirect, "/complaints/" + id, step, () -> {
            switch (step) {
                case "sign" -> steps.sign(p, id);
                case "assign" -> steps.assign(p, id, "company".equals(params.get("to"))
                        ? queries.get(p, id).row().companyId() : null,
                        "company".equals(params.get("to")) ? null : params.get("department"));
                case "return" -> steps.pushBack(p, id, params.get("reason"));
                case "answer" -> answers.answer(p, id, params.get("answer"));
                default -> steps.close(p, id, params.get("verdict"), params.get("callback"));
            }
        });
    }

}
