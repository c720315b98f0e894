package cn.kaoping.streetassessment.web;

import cn.kaoping.platform.storage.FileStore;
import cn.kaoping.platform.storage.StoredFile;
import cn.kaoping.shared.CurrentUser;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.streetassessment.year.AssessmentAccess;
import cn.kaoping.streetassessment.year.AssessmentStore;
import cn.kaoping.streetassessment.year.Node;
import cn.kaoping.streetassessment.year.StreetObjections;
import cn.kaoping.streetassessment.year.ReviewSubmission;
import cn.kaoping.streetassessment.year.SubmitNode;
import cn.kaoping.streetassessment.year.YearBoard;
import cn.kaoping.streetassessment.year.Years;
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

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One street's page of a year (issue 15): its live score with every line's reason, its nodes with the submissions
 * and their files, the submit form (the street), accept and return (the row's department), objections to a
 * deduction (the street) and their decision (the 考核办公室).
 */
@Controller
@RequestMapping("/street-assessments")
class StreetPageController {

    private final YearBoard board;
    private final SubmitNode submit;
    private final ReviewSubmission review;
    private final StreetObjections objections;
    private final Years years;
    private final AssessmentStore store;
    private final FileStore files;
    private final cn.kaoping.streetassessment.year.StreetScores scores;
    private final cn.kaoping.casework.ReplyStatistics replies;

    StreetPageController(YearBoard board, SubmitNode submit, ReviewSubmission review, StreetObjections objections,
                         Years years, AssessmentStore store, FileStore files,
                         cn.kaoping.streetassessment.year.StreetScores scores,
                         cn.kaoping.casework.ReplyStatistics replies) {
        this.scores = scores;
        this.replies = replies;
        this.board = board;
        this.submit = submit;
        this.review = review;
        this.objections = objections;
        this.years = years;
        this.store = store;
        this.files = files;
    }

    @GetMapping("/{id:\\d+}/streets/{streetId:\\d+}")
    String street(@PathVariable long id, @PathVariable long streetId, Model model) {
        KaopingPrincipal p = CurrentUser.get();
        YearBoard.StreetPage page = board.street(p, id, streetId);
        var reviewers = store.reviewers(id);
        model.addAttribute("s", page);
        model.addAttribute("submits", AssessmentAccess.submitsFor(p, page.street().path()));
        model.addAttribute("runs", AssessmentAccess.runsYear(p, page.year()));
        model.addAttribute("reviewable", page.nodes().stream()
                .filter(n -> AssessmentAccess.reviews(p, page.year(), n.department(), reviewers))
                .map(Node::id).toList());
        model.addAttribute("figureRows", SubmitNode.MAX_FIGURES);
        var scheme = scores.scheme(page.year());
        java.util.Map<Long, cn.kaoping.scheme.engine.Window> replyPeriods = new java.util.HashMap<>();
        page.nodes().forEach(n -> cn.kaoping.streetassessment.rules.ReplyPeriods.of(scheme, n.ruleCode(),
                page.year().year()).ifPresent(w -> replyPeriods.put(n.id(), w)));
        model.addAttribute("replyPeriods", replyPeriods);
        return "streetassessment/street";
    }

    @PostMapping("/nodes/{nodeId:\\d+}/submissions")
    String submit(@PathVariable long nodeId, @RequestParam(required = false) String note,
                  @RequestParam(name = "figureName", required = false) List<String> names,
                  @RequestParam(name = "figureValue", required = false) List<String> values,
                  @RequestParam(name = "files", required = false) List<MultipartFile> uploads,
                  RedirectAttributes redirect) {
        KaopingPrincipal p = CurrentUser.get();
        Years.NodeInYear at = years.node(p, nodeId);
        return cn.kaoping.platform.web.FlashSteps.run(redirect, back(at), () -> {
            List<SubmitNode.Figure> figures = new ArrayList<>();
            for (int i = 0; names != null && i < names.size(); i++) {
                figures.add(new SubmitNode.Figure(names.get(i), values != null && i < values.size()
                        ? values.get(i) : null));
            }
            List<SubmitNode.Upload> given = new ArrayList<>();
            for (MultipartFile f : uploads == null ? List.<MultipartFile>of() : uploads) {
                SubmitNode.Upload u = StreetAssessmentController.upload(f);
                if (u != null) {
                    given.add(u);
                }
            }
            submit.submit(p, nodeId, note, figures, given);
        });
    }

    @PostMapping("/nodes/{nodeId:\\d+}/submissions/{submissionId:\\d+}/{outcome:accept|return}")
    String review(@PathVariable long nodeId, @PathVariable long submissionId, @PathVariable String outcome,
                  @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        KaopingPrincipal p = CurrentUser.get();
        Years.NodeInYear at = years.node(p, nodeId);
        return cn.kaoping.platform.web.FlashSteps.run(redirect, back(at), () -> {
            if (outcome.equals("accept")) {
                review.accept(p, nodeId, submissionId);
            } else {
                review.send(p, nodeId, submissionId, reason);
            }
        });
    }

    @PostMapping("/nodes/{nodeId:\\d+}/objection")
    String objectToNode(@PathVariable long nodeId, @RequestParam(required = false) String reason,
                        RedirectAttributes redirect) {
        KaopingPrincipal p = CurrentUser.get();
        Years.NodeInYear at = years.node(p, nodeId);
        return cn.kaoping.platform.web.FlashSteps.run(redirect, back(at),
                () -> objections.objectToNode(p, nodeId, reason));
    }

    @PostMapping("/events/{eventId:\\d+}/objection")
    String objectToEvent(@PathVariable long eventId, @RequestParam(required = false) String reason,
                         RedirectAttributes redirect) {
        KaopingPrincipal p = CurrentUser.get();
        AssessmentStore.Event e = event(p, eventId);
        return cn.kaoping.platform.web.FlashSteps.run(redirect, "/street-assessments/" + e.yearId() + "/streets/"
                + e.streetId(), () -> objections.objectToEvent(p, eventId, reason));
    }

    @PostMapping("/objections/{objectionId:\\d+}/{decision:withdraw|uphold}")
    String decide(@PathVariable long objectionId, @PathVariable String decision,
                  @RequestParam(required = false) String answer, RedirectAttributes redirect) {
        KaopingPrincipal p = CurrentUser.get();
        AssessmentStore.Objection o = store.objection(objectionId)
                .orElseThrow(() -> new NotFoundException("异议不存在"));
        years.street(p, years.year(p, o.yearId()), o.streetId());
        return cn.kaoping.platform.web.FlashSteps.run(redirect, "/street-assessments/" + o.yearId() + "/streets/"
                + o.streetId(), () -> objections.decide(p, objectionId, decision.equals("withdraw"), answer));
    }

    /** The node's 信访回复情况统计表, filled from the street's complaints of the node's period. */
    @GetMapping("/nodes/{nodeId:\\d+}/reply-statistics.xlsx")
    ResponseEntity<byte[]> replyStatistics(@PathVariable long nodeId) {
        Years.NodeInYear at = years.node(CurrentUser.get(), nodeId);
        cn.kaoping.scheme.engine.Window w = cn.kaoping.streetassessment.rules.ReplyPeriods.of(
                scores.scheme(at.year()), at.node().ruleCode(), at.year().year())
                .orElseThrow(() -> new NotFoundException("该时间节点不报送信访回复情况统计表"));
        return cn.kaoping.platform.web.Downloads.xlsx(at.street().name() + "信访回复情况统计表-" + w.from() + "至"
                + w.to() + ".xlsx", replies.xlsx(at.street().path(), at.street().name(), w.from(), w.to()));
    }

    @GetMapping("/nodes/{nodeId:\\d+}/files/{fileId}")
    ResponseEntity<byte[]> file(@PathVariable long nodeId, @PathVariable UUID fileId) {
        years.node(CurrentUser.get(), nodeId);
        if (!store.fileOfNode(nodeId, fileId)) {
            throw new NotFoundException("文件不存在");
        }
        return serve(fileId);
    }

    @GetMapping("/events/{eventId:\\d+}/evidence")
    ResponseEntity<byte[]> evidence(@PathVariable long eventId) {
        AssessmentStore.Event e = event(CurrentUser.get(), eventId);
        if (e.fileId() == null) {
            throw new NotFoundException("文件不存在");
        }
        return serve(e.fileId());
    }

    private AssessmentStore.Event event(KaopingPrincipal p, long eventId) {
        AssessmentStore.Event e = store.event(eventId).orElseThrow(() -> new NotFoundException("考核记录不存在"));
        years.street(p, years.year(p, e.yearId()), e.streetId());
        return e;
    }

    private ResponseEntity<byte[]> serve(UUID fileId) {
        StoredFile f = files.find(fileId).orElseThrow(() -> new NotFoundException("文件不存在"));
        return cn.kaoping.platform.web.Downloads.inline(f.contentType(),
                files.content(fileId).orElseThrow(() -> new NotFoundException("文件不存在")));
    }

    private static String back(Years.NodeInYear at) {
        return "/street-assessments/" + at.year().id() + "/streets/" + at.street().streetId() + "#node-"
                + at.node().id();
    }
}
