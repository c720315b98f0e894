package cn.kaoping.voting.web;

import cn.kaoping.organisation.EstateListing;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.platform.storage.ContentTypes;
import cn.kaoping.platform.storage.FileStore;
import cn.kaoping.platform.storage.StoredFile;
import cn.kaoping.platform.storage.UploadPolicy;
import cn.kaoping.platform.web.Downloads;
import cn.kaoping.platform.web.FlashSteps;
import cn.kaoping.platform.web.FormData;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.CurrentUser;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.voting.internal.Ballots;
import cn.kaoping.voting.internal.CheckProxy;
import cn.kaoping.voting.internal.DraftVote;
import cn.kaoping.voting.internal.IssueCodes;
import cn.kaoping.voting.internal.KeyInBallots;
import cn.kaoping.voting.internal.VoteAccess;
import cn.kaoping.voting.internal.VoteDocuments;
import cn.kaoping.voting.internal.VoteQueries;
import cn.kaoping.voting.internal.VoteStatus;
import cn.kaoping.voting.internal.VoteTransitions;
import cn.kaoping.voting.rules.Matter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * 业主表决 screens: the list, the draft form, and one vote's page with the step the caller may take (approve, open
 * with the roll, issue code slips, key in paper ballots, close), live participation, the roll's channels and, after
 * the close, each proposal's count and the result announcement PDF. Refusals come back to the page as a message.
 */
@Controller
@RequestMapping("/votes")
class VoteController {

    /** Scans of paper slips: a photo or a PDF, at most 10 MB. */
    static final UploadPolicy SCANS = new UploadPolicy(Set.of(ContentTypes.JPEG, ContentTypes.PNG, ContentTypes.PDF),
            10 * UploadPolicy.MB, "JPEG、PNG 图片或 PDF 文件");

    private final DraftVote drafts;
    private final VoteTransitions steps;
    private final KeyInBallots paper;
    private final IssueCodes codes;
    private final VoteQueries queries;
    private final Ballots ballots;
    private final VoteDocuments documents;
    private final OrganisationDirectory directory;
    private final FileStore files;
    private final CheckProxy proxies;

    VoteController(DraftVote drafts, VoteTransitions steps, KeyInBallots paper, IssueCodes codes, VoteQueries queries,
                   Ballots ballots, VoteDocuments documents, OrganisationDirectory directory, FileStore files,
                   CheckProxy proxies) {
        this.proxies = proxies;
        this.drafts = drafts;
        this.steps = steps;
        this.paper = paper;
        this.codes = codes;
        this.queries = queries;
        this.ballots = ballots;
        this.documents = documents;
        this.directory = directory;
        this.files = files;
    }

    @GetMapping
    String list(Model model) {
        KaopingPrincipal p = CurrentUser.get();
        model.addAttribute("votes", queries.list(p));
        model.addAttribute("mayDraft", mayRun(p));
        return "voting/list";
    }

    /** The draft form, prefilled by a link (e.g. from an exit recommendation letter: matter 4, its title). */
    @GetMapping("/new")
    String form(@RequestParam Map<String, String> prefill, Model model) {
        KaopingPrincipal p = requireRuns();
        java.time.LocalDate today = queries.today();
        Map<String, String> values = new java.util.HashMap<>(Map.of("matter", "4", "announcedOn", today.toString(),
                "opensOn", today.plusDays(15).toString(), "closesOn", today.plusDays(29).toString(),
                "estateId", p.estateId() == null ? "" : p.estateId().toString()));
        for (String k : List.of("matter", "title", "source")) {
            if (prefill.get(k) != null && prefill.get(k).length() <= 200) {
                values.put(k, prefill.get(k));
            }
        }
        return form(FormData.submitted(values), p, model);
    }

    private String form(FormData form, KaopingPrincipal p, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("matters", List.of(Matter.values()));
        model.addAttribute("estates", VoteAccess.boundToEstate(p) ? List.of()
                : directory.estatesUnder(p.regionPath(), null, null, false).stream()
                .sorted(java.util.Comparator.comparing(EstateListing::name)).toList());
        return "voting/form";
    }

    @PostMapping
    String draft(@RequestParam Map<String, String> params, Model model) {
        KaopingPrincipal p = requireRuns();
        FormData form = FormData.submitted(params);
        Long estate = VoteAccess.boundToEstate(p) ? p.estateId() : form.id("estateId");
        List<String> proposals = Arrays.stream(form.text("proposals") == null ? new String[0]
                : form.text("proposals").split("\\R\\s*\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        var draft = new DraftVote.Form(estate, form.integer("matter"), form.text("title"), proposals,
                form.date("announcedOn"), form.date("opensOn"), form.date("closesOn"), form.text("source"));
        if (form.hasErrors()) {
            return form(form, p, model);
        }
        return form.submit(() -> drafts.draft(p, draft)).map(id -> "redirect:/votes/" + id)
                .orElseGet(() -> form(form, p, model));
    }

    @GetMapping("/{id:\\d+}")
    String show(@PathVariable long id, Model model) {
        KaopingPrincipal p = CurrentUser.get();
        VoteQueries.View view = queries.get(p, id);
        model.addAttribute("v", view);
        model.addAttribute("vote", view.vote());
        model.addAttribute("tallies", documents.tallies(view.results()));
        model.addAttribute("roll", view.vote().status() == VoteStatus.OPEN
                || view.vote().status() == VoteStatus.CLOSED ? ballots.rollLines(id) : List.of());
        model.addAttribute("pending", ballots.pending(id));
        model.addAttribute("proxies", ballots.proxiesToCheck(id));
        model.addAttribute("mayRun", mayRun(p));
        model.addAttribute("mayApprove", VoteAccess.approvesVotes(p));
        model.addAttribute("link", view.linkKey() == null ? null : link(view.linkKey()));
        model.addAttribute("today", queries.today());
        return "voting/detail";
    }

    @PostMapping("/{id:\\d+}/approve")
    String approve(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, "approved", () -> steps.approve(CurrentUser.get(), id));
    }

    @PostMapping("/{id:\\d+}/open")
    String open(@PathVariable long id, @RequestParam(required = false) String roll, RedirectAttributes redirect) {
        return act(id, redirect, "opened", () -> steps.open(CurrentUser.get(), id, RollText.parse(roll)));
    }

    @PostMapping("/{id:\\d+}/close")
    String close(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, "closed", () -> steps.close(CurrentUser.get(), id));
    }

    @PostMapping("/{id:\\d+}/ballots")
    String keyIn(@PathVariable long id, @RequestParam Map<String, String> params,
                 @RequestParam(required = false) MultipartFile scan,
                 @RequestParam(required = false) MultipartFile authorisation, RedirectAttributes redirect) {
        return act(id, redirect, null, () -> {
            KaopingPrincipal p = CurrentUser.get();
            List<String> answers = new ArrayList<>();
            for (int i = 1; params.containsKey("b" + i); i++) {
                answers.add(params.get("b" + i));
            }
            KeyInBallots.Result r = paper.keyIn(p, id, new KeyInBallots.PaperBallot(params.get("unit"), answers,
                    params.get("proxy")), stored(scan, p), stored(authorisation, p));
            redirect.addFlashAttribute("done", r == KeyInBallots.Result.PENDING ? "keyedFirst" : "keyedSecond");
            redirect.addFlashAttribute("unit", params.get("unit"));
        });
    }

    @PostMapping("/{id:\\d+}/proxies")
    String checkProxy(@PathVariable long id, @RequestParam(required = false) String unit,
                      RedirectAttributes redirect) {
        return act(id, redirect, null, () -> {
            proxies.check(CurrentUser.get(), id, unit);
            redirect.addFlashAttribute("done", "proxyChecked");
            redirect.addFlashAttribute("unit", unit);
        });
    }

    /** A slip's scan or a proxy's authorisation, for those who run the vote. */
    @GetMapping("/{id:\\d+}/files/{file}")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable java.util.UUID file) {
        KaopingPrincipal p = CurrentUser.get();
        queries.get(p, id);
        if (!mayRun(p) || !ballots.holdsFile(id, file)) {
            throw new cn.kaoping.shared.NotFoundException("文件不存在");
        }
        StoredFile f = files.find(file).orElseThrow(() -> new cn.kaoping.shared.NotFoundException("文件不存在"));
        byte[] content = files.content(file).orElseThrow(() -> new cn.kaoping.shared.NotFoundException("文件不存在"));
        return Downloads.attachment(f.originalName(), org.springframework.http.MediaType.parseMediaType(f.contentType()))
                .cacheControl(org.springframework.http.CacheControl.noCache().cachePrivate())
                .header("X-Content-Type-Options", "nosniff").body(content);
    }

    private KeyInBallots.Scan stored(MultipartFile upload, KaopingPrincipal p) {
        if (upload == null || upload.isEmpty()) {
            return null;
        }
        StoredFile f = files.store(bytes(upload), upload.getOriginalFilename(), p.username(), SCANS);
        return new KeyInBallots.Scan(f.id(), f.originalName());
    }

    /** The code slips, printed in the same step as the codes are made (only their hashes are kept). */
    @PostMapping("/{id:\\d+}/codes")
    Object slips(@PathVariable long id, RedirectAttributes redirect) {
        try {
            IssueCodes.Slips slips = codes.issue(CurrentUser.get(), id);
            return Downloads.pdf("表决码-" + id + ".pdf", documents.slips(slips, link(slips.vote().linkKey())));
        } catch (ConflictException | ForbiddenException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/votes/" + id;
        }
    }

    @GetMapping("/{id:\\d+}/result.pdf")
    ResponseEntity<byte[]> result(@PathVariable long id) {
        KaopingPrincipal p = CurrentUser.get();
        VoteQueries.View view = queries.get(p, id);
        if (view.vote().status() != VoteStatus.CLOSED) {
            throw new ConflictException("表决结束计票后才有结果公告");
        }
        return Downloads.pdf("表决结果公告-" + id + ".pdf", documents.result(view, ballots.rollLines(id)));
    }

    private String act(long id, RedirectAttributes redirect, String done, Runnable action) {
        return FlashSteps.run(redirect, "/votes/" + id, done, action);
    }

    private static String link(String key) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/s/v/" + key).toUriString();
    }

    private static boolean mayRun(KaopingPrincipal p) {
        return VoteAccess.runsVotes(p);
    }

    private static KaopingPrincipal requireRuns() {
        KaopingPrincipal p = CurrentUser.get();
        if (!mayRun(p)) {
            throw new ForbiddenException("只有业主委员会、街道办事处或社区居委会可以组织表决");
        }
        return p;
    }

    private static byte[] bytes(MultipartFile f) {
        try {
            return f.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
