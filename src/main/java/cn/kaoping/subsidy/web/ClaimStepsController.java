package cn.kaoping.subsidy.web;

import cn.kaoping.platform.web.FormData;
import cn.kaoping.platform.web.Downloads;
import cn.kaoping.platform.web.FlashSteps;
import cn.kaoping.shared.CurrentUser;
import cn.kaoping.shared.ValidationException;
import cn.kaoping.subsidy.internal.ApproveClaim;
import cn.kaoping.subsidy.internal.ClaimDocuments;
import cn.kaoping.subsidy.internal.ClaimQueries;
import cn.kaoping.subsidy.internal.CorrectLine;
import cn.kaoping.subsidy.internal.Forms.Correction;
import cn.kaoping.subsidy.internal.Forms.Payment;
import cn.kaoping.subsidy.internal.Forms.StepForm;
import cn.kaoping.subsidy.internal.PayClaim;
import cn.kaoping.subsidy.internal.ReviewClaim;
import cn.kaoping.subsidy.internal.SubmitClaim;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The steps of a claim from its page: the street corrects lines and submits, the district office reviews, returns or
 * approves, finance and the street record payments. Each step comes back to the claim page with what happened or why
 * it was refused.
 */
@Controller
@RequestMapping("/subsidies")
class ClaimStepsController {

    private final ClaimQueries claims;
    private final ClaimDocuments documents;
    private final CorrectLine correction;
    private final SubmitClaim submission;
    private final ReviewClaim review;
    private final ApproveClaim approval;
    private final PayClaim payments;

    ClaimStepsController(ClaimQueries claims, ClaimDocuments documents, CorrectLine correction,
                         SubmitClaim submission, ReviewClaim review, ApproveClaim approval, PayClaim payments) {
        this.claims = claims;
        this.documents = documents;
        this.correction = correction;
        this.submission = submission;
        this.review = review;
        this.approval = approval;
        this.payments = payments;
    }

    @PostMapping("/lines/{id:\\d+}/correct")
    String correct(@PathVariable long id, @RequestParam Map<String, String> params, RedirectAttributes redirect) {
        FormData form = FormData.submitted(params);
        long claim = claims.line(CurrentUser.get(), id).claim().id();
        return act(claim, redirect, "corrected", "#line-" + id, file -> {
            Correction c = new Correction(form.decimal("area"), form.date("entryDate"), form.text("reason"));
            if (form.hasErrors()) {
                throw invalid(form);
            }
            correction.correct(CurrentUser.get(), id, c);
        }, null);
    }

    @PostMapping("/{id:\\d+}/submit")
    String submit(@PathVariable long id, @RequestParam(required = false) String note,
                  @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
        return act(id, redirect, "submitted", "", doc -> submission.submit(CurrentUser.get(), id, new StepForm(note, doc)),
                file);
    }

    @PostMapping("/{id:\\d+}/review")
    String review(@PathVariable long id, @RequestParam(required = false) String note,
                  @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
        return act(id, redirect, "reviewed", "", doc -> review.review(CurrentUser.get(), id, new StepForm(note, doc)),
                file);
    }

    @PostMapping("/{id:\\d+}/return")
    String returnToStreet(@PathVariable long id, @RequestParam(required = false) String note,
                          @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
        return act(id, redirect, "returned", "",
                doc -> review.returnToStreet(CurrentUser.get(), id, new StepForm(note, doc)), file);
    }

    @PostMapping("/{id:\\d+}/approve")
    String approve(@PathVariable long id, @RequestParam(required = false) String note,
                   @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
        return act(id, redirect, "approved", "", doc -> approval.approve(CurrentUser.get(), id, new StepForm(note, doc)),
                file);
    }

    @PostMapping("/{id:\\d+}/payment")
    String payStreet(@PathVariable long id, @RequestParam Map<String, String> params,
                     @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
        return act(id, redirect, "paidStreet", "", doc -> payments.payStreet(CurrentUser.get(), id, payment(params, doc)),
                file);
    }

    @PostMapping("/lines/{id:\\d+}/payment")
    String payCompany(@PathVariable long id, @RequestParam Map<String, String> params,
                      @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
        long claim = claims.line(CurrentUser.get(), id).claim().id();
        return act(claim, redirect, "paidCompany", "#line-" + id,
                doc -> payments.payCompany(CurrentUser.get(), id, payment(params, doc)), file);
    }

    private static Payment payment(Map<String, String> params, UUID doc) {
        FormData form = FormData.submitted(params);
        LocalDate on = form.date("paidOn");
        Payment payment = new Payment(on, form.decimal("amount"), form.text("voucher"), form.text("note"), doc);
        if (form.hasErrors()) {
            throw invalid(form);
        }
        return payment;
    }

    /** Runs one step; a refusal comes back to the claim page as a message, never as a bare error page. */
    private String act(long claim, RedirectAttributes redirect, String done, String anchor, StepAction action,
                       MultipartFile file) {
        return FlashSteps.run(redirect, "/subsidies/" + claim + anchor, done, () -> {
            UUID doc = null;
            if (file != null && !file.isEmpty()) {
                doc = documents.upload(CurrentUser.get(), claim, Downloads.uploaded(file, "file"),
                        file.getOriginalFilename()).id();
            }
            action.run(doc);
        });
    }

    private static ValidationException invalid(FormData form) {
        return new ValidationException(form.getErrors().entrySet().stream()
                .map(e -> new ValidationException.FieldProblem(e.getKey(), e.getValue())).toList());
    }

    @FunctionalInterface
    private interface StepAction {
        void run(UUID document);
    }

}
