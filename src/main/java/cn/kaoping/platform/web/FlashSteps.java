package cn.kaoping.platform.web;

import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.ValidationException;
import java.util.function.Supplier;
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
        return run(redirect, back, true, step);
    }

    /** As the step above, flashing {@code done} (e.g. the last part of a message key; null flashes nothing). */
    public static String run(RedirectAttributes redirect, String back, Object done, Runnable step) {
        return go(redirect, back, done, () -> {
            step.run();
            return back;
        });
    }

    /**
     * A step whose success leads elsewhere, e.g. to the record it made: redirects to the page {@code step} returns,
     * flashing {@code done}; a refusal comes back to {@code back} with its reason as {@code problem}.
     */
    public static String go(RedirectAttributes redirect, String back, Object done, Supplier<String> step) {
        return go(redirect, back, done, null, step);
    }

    /**
     * As {@link #run(RedirectAttributes, String, Object, Runnable)}, and a refusal also flashes what was typed as
     * {@code form}, so the page shows it again beside the reason (ADR 0004).
     */
    public static String keeping(RedirectAttributes redirect, String back, Object done, Object form, Runnable step) {
        return go(redirect, back, done, form, () -> {
            step.run();
            return back;
        });
    }

    private static String go(RedirectAttributes redirect, String back, Object done, Object form,
                             Supplier<String> step) {
        try {
            String next = step.get();
            if (done != null) {
                redirect.addFlashAttribute("done", done);
            }
            return "redirect:" + next;
        } catch (ValidationException e) {
            redirect.addFlashAttribute("problem", e.problems().isEmpty() ? e.getMessage() : String.join("；",
                    e.problems().stream().map(ValidationException.FieldProblem::message).toList()));
        } catch (ConflictException | ForbiddenException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        if (form != null) {
            redirect.addFlashAttribute("form", form);
        }
        return "redirect:" + back;
    }
}
