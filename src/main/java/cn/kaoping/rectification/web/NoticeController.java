package cn.kaoping.rectification.web;

import cn.kaoping.organisation.EstateListing;
import cn.kaoping.organisation.EstatePlacement;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.platform.web.Downloads;
import cn.kaoping.platform.web.FormData;
import cn.kaoping.rectification.internal.Notice;
import cn.kaoping.rectification.internal.NoticeDocuments;
import cn.kaoping.rectification.internal.NoticeStatus;
import cn.kaoping.rectification.internal.NoticeQueries;
import cn.kaoping.rectification.internal.RaiseNotice;
import cn.kaoping.rectification.internal.EditDraft;
import cn.kaoping.rectification.internal.IssueNotice;
import cn.kaoping.rectification.internal.AnswerNotice;
import cn.kaoping.rectification.internal.AcceptNotice;
import cn.kaoping.rectification.internal.Access;
import cn.kaoping.rectification.internal.Views;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.CurrentUser;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Paged;
import cn.kaoping.shared.ValidationException;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The notices: the list (a company user's landing page for its notices), raising one by hand, and the notice page
 * with the draft's problems, the company's answers and photos, the acceptance buttons, reopening and the history.
 */
@Controller
@RequestMapping("/rectification")
class NoticeController {

    private final NoticeQueries queries;
    private final RaiseNotice raising;
    private final EditDraft drafts;
    private final IssueNotice issuing;
    private final AnswerNotice answers;
    private final AcceptNotice acceptance;
    private final NoticeDocuments documents;
    private final OrganisationDirectory directory;

    NoticeController(NoticeQueries queries, RaiseNotice raising, EditDraft drafts, IssueNotice issuing, AnswerNotice answers, AcceptNotice acceptance, NoticeDocuments documents, OrganisationDirectory directory) {
        this.queries = queries;
        this.raising = raising;
        this.drafts = drafts;
        this.issuing = issuing;
        this.answers = answers;
        this.acceptance = acceptance;
        this.documents = documents;
        this.directory = directory;
    }

    @GetMapping
    String list(@RequestParam Map<String, String> params, Model model,
                @RequestHeader(value = "HX-Request", required = false) String htmx) {
        KaopingPrincipal p = CurrentUser.get();
        FormData form = FormData.submitted(params);
        NoticeStatus status = form.choice("status", NoticeStatus.class);
        Long street = form.id("street");
        boolean overdue = form.checkbox("overdue");
        int[] paging = Paged.clamp(form.integer("page"), null);
        model.addAttribute("form", form);
        model.addAttribute("notices", queries.list(p, new Views.Filter(status, overdue, street), paging[0], paging[1]));
        model.addAttribute("statuses", NoticeStatus.values());
        model.addAttribute("streets", queries.streets(p));
        model.addAttribute("reminders", queries.recentReminders(p));
        model.addAttribute("mayRaise", Access.issues(p));
        model.addAttribute("mayEditTemplate", Access.editsTemplate(p));
        return htmx != null ? "rectification/list :: results" : "rectification/list";
    }

    /** Raising a notice by hand: choose an estate, then its findings and patrol records, or write a problem. */
    @GetMapping("/new")
    String raiseForm(@RequestParam(required = false) Long estate, Model model) {
        KaopingPrincipal p = CurrentUser.get();
        List<EstateListing> estates = directory.estatesUnder(p.regionPath() == null ? "-" : p.regionPath(), null,
                null, false).stream().filter(e -> e.companyId() != null).toList();
        model.addAttribute("estates", estates);
        model.addAttribute("estate", estate);
        if (estate != null) {
            EstatePlacement place = raising.placement(p, estate);
            model.addAttribute("place", place);
            model.addAttribute("candidates", raising.candidates(p, estate));
        } else if (!Access.issues(p)) {
            throw new cn.kaoping.shared.ForbiddenException("只有街道办事处和区房产主管部门可以下达整改通知书");
        }
        return "rectification/new";
    }

    @PostMapping("/new")
    String raise(@RequestParam(required = false) Long estate,
                 @RequestParam(name = "finding", required = false) List<String> chosen,
                 @RequestParam(required = false) String problem, RedirectAttributes redirect) {
        if (estate == null) {
            redirect.addFlashAttribute("problem", "请选择小区");
            return "redirect:/rectification/new";
        }
        try {
            long id = raising.raise(CurrentUser.get(), estate, chosen, problem);
            redirect.addFlashAttribute("done", "raised");
            return "redirect:/rectification/" + id;
        } catch (ValidationException | ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/rectification/new?estate=" + estate;
        }
    }

    @GetMapping("/{id:\\d+}")
    String notice(@PathVariable long id, Model model) {
        KaopingPrincipal p = CurrentUser.get();
        model.addAttribute("page", queries.page(p, id));
        return "rectification/notice";
    }

    @PostMapping("/{id:\\d+}/problems")
    String addProblem(@PathVariable long id, @RequestParam(required = false) String description,
                      RedirectAttributes redirect) {
        return act(id, redirect, "added", () -> drafts.addProblem(CurrentUser.get(), id, description));
    }

    @PostMapping("/{id:\\d+}/problems/{problem:\\d+}/delete")
    String removeProblem(@PathVariable long id, @PathVariable long problem, RedirectAttributes redirect) {
        return act(id, redirect, "removed", () -> drafts.removeProblem(CurrentUser.get(), id, problem));
    }

    @PostMapping("/{id:\\d+}/issue")
    String issue(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, "issued", () -> issuing.issue(CurrentUser.get(), id));
    }

    @PostMapping("/{id:\\d+}/withdraw")
    String withdraw(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, "withdrawn", () -> drafts.withdraw(CurrentUser.get(), id));
    }

    @PostMapping("/{id:\\d+}/problems/{problem:\\d+}/answer")
    String answer(@PathVariable long id, @PathVariable long problem, @RequestParam(required = false) String answer,
                  RedirectAttributes redirect) {
        return act(id, redirect, "answered", () -> answers.answer(CurrentUser.get(), id, problem, answer),
                "#problem-" + problem);
    }

    @PostMapping("/{id:\\d+}/problems/{problem:\\d+}/photos")
    String photo(@PathVariable long id, @PathVariable long problem,
                 @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
        return act(id, redirect, "photo", () -> answers.addAnswerPhoto(CurrentUser.get(), id, problem, bytes(file),
                file == null ? null : file.getOriginalFilename()), "#problem-" + problem);
    }

    @PostMapping("/{id:\\d+}/submit")
    String submit(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, "submitted", () -> answers.submit(CurrentUser.get(), id));
    }

    @PostMapping("/{id:\\d+}/problems/{problem:\\d+}/accept")
    String accept(@PathVariable long id, @PathVariable long problem, RedirectAttributes redirect) {
        return act(id, redirect, "accepted", () -> acceptance.decide(CurrentUser.get(), id, problem, true, null),
                "#problem-" + problem);
    }

    @PostMapping("/{id:\\d+}/problems/{problem:\\d+}/reject")
    String reject(@PathVariable long id, @PathVariable long problem, @RequestParam(required = false) String reason,
                  RedirectAttributes redirect) {
        return act(id, redirect, "rejected", () -> acceptance.decide(CurrentUser.get(), id, problem, false, reason),
                "#problem-" + problem);
    }

    @PostMapping("/{id:\\d+}/reopen")
    String reopen(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(id, redirect, "reopened", () -> acceptance.reopen(CurrentUser.get(), id, reason));
    }

    @GetMapping("/{id:\\d+}/photos/{photo:\\d+}")
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photo) {
        NoticeQueries.Photo ph = queries.photo(CurrentUser.get(), id, photo);
        return Downloads.inline(ph.contentType(), ph.content());
    }

    @GetMapping("/{id:\\d+}/notice.docx")
    ResponseEntity<byte[]> docx(@PathVariable long id) {
        Views.NoticePage page = queries.page(CurrentUser.get(), id);
        return Downloads.docx(filename(page.notice()) + ".docx",
                documents.docx(page.notice(), page.renderedBody()));
    }

    @GetMapping("/{id:\\d+}/notice.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        Views.NoticePage page = queries.page(CurrentUser.get(), id);
        return Downloads.pdf(filename(page.notice()) + ".pdf", documents.pdf(page.notice(), page.renderedBody()));
    }

    static String filename(Notice n) {
        return (n.number() == null ? "整改通知书（草稿）" : n.number()) + " " + n.header().estateName();
    }

    static byte[] bytes(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return new byte[0];
        }
        try {
            return file.getBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String act(long id, RedirectAttributes redirect, String done, Runnable action) {
        return act(id, redirect, done, action, "");
    }

    private String act(long id, RedirectAttributes redirect, String done, Runnable action, String anchor) {
        try {
            action.run();
            redirect.addFlashAttribute("done", done);
        } catch (ValidationException | ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/rectification/" + id + anchor;
    }
}
