package cn.kaoping.subsidy.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** The inputs of the workflow steps, shared by the screens and the API. */
public final class Forms {

    private Forms() {
    }

    /** The street corrects the area or the entry date a line uses; the reason is required. */
    public record Correction(BigDecimal area, LocalDate entryDate, String reason) {
    }

    /** Submit, review, approve or return a claim: an optional note (required to return) and document. */
    public record StepForm(String note, UUID document) {

        /** No note and no document (a step sent without a body). */
        static StepForm orNone(StepForm form) {
            return form == null ? new StepForm(null, null) : form;
        }

        /** The note without surrounding blanks, or null when there is none. */
        String text() {
            return note == null || note.isBlank() ? null : note.strip();
        }
    }

    /** A payment: finance to the street (the whole claim) or the street to a company (one line). */
    public record Payment(LocalDate paidOn, BigDecimal amount, String voucher, String note, UUID document) {
    }

    /** The rates of a district and year, 元/㎡/月 by grade code. */
    public record Rates(Map<String, BigDecimal> rates) {
    }
}
