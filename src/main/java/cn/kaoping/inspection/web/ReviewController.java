package cn.kaoping.inspection.web;

import cn.kaoping.inspection.internal.InspectionService;
import cn.kaoping.inspection.internal.ReviewList;
import cn.kaoping.inspection.internal.RoundService;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.CurrentUser;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.ValidationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The review list of a round: accept or return each submitted inspection in place, or every unflagged one at once. */
@Controller
@RequestMapping("/rounds/{roundId}/review")
class ReviewController {

    private final ReviewList review;
    private final RoundService rounds;
    private final InspectionService inspections;

    ReviewController(ReviewList review, RoundService rounds, InspectionService inspections) {
        this.review = review;
        this.rounds = rounds;
        this.inspections = inspections;
    }

    @GetMapping
    String list(@PathVariable long roundId, Model model) {
        KaopingPrincipal p = CurrentUser.get();
        var rows = review.rows(p, roundId);
        model.addAttribute("round", rounds.get(p, roundId));
        model.addAttribute("rows", rows);
        model.addAttribute("unflagged", rows.stream().filter(r -> !r.flagged()).count());
        return "rounds/review";
    }

    @PostMapping("/accept-unflagged")
    String acceptUnflagged(@PathVariable long roundId, RedirectAttributes redirect) {
        redirect.addFlashAttribute("acceptedCount", review.acceptUnflagged(CurrentUser.get(), roundId));
        return "redirect:/rounds/" + roundId + "/review";
    }

    @PostMapping("/{id}/accept")
    String accept(@PathVariable long roundId, @PathVariable long id, RedirectAttributes redirect) {
        return act(roundId, id, redirect, "accepted", () -> inspections.accept(CurrentUser.get(), id));
    }

    @PostMapping("/{id}/return")
    String returnIt(@PathVariable long roundId, @PathVariable long id,
                    @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        return act(roundId, id, redirect, "returned",
                () -> inspections.returnWithComments(CurrentUser.get(), id, comment));
    }

    private String act(long roundId, long id, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("done", done);
        } catch (ValidationException | ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            redirect.addFlashAttribute("problemRow", id);
        }
        return "redirect:/rounds/" + roundId + "/review";
    }
}
