package cn.kaoping.platform.web;

import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.ValidationException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A screen's step (a button that posts and comes back): runs it and redirects to the page, with {@code done} on
 * success, or the refusal's reason as {@code problem} (every field's message joined) — never an error page for a
 * user's mistake or a step out of order.
 */
public final class FlashSteps {

    private FlashSteps() {
    }

    public static String run(RedirectAttributes redirect, String back, Runnable step) {
        try {
            step.run();
            redirect.addFlashAttribute("done", true);
        } catch (ValidationException e) {
            redirect.addFlashAttribute("problem", String.join("；", e.problems().stream()
                    .map(ValidationException.FieldProblem::message).toList()));
        } catch (ConflictException | ForbiddenException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:" + back;
    }
}
