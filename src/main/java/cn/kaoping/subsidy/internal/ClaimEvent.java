package cn.kaoping.subsidy.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What happened to a claim, registered by {@link Claim} and recorded once by {@link Transitions}: each becomes a step
 * of the claim (person, date, note, document) and an audit line; those that move the claim also save its state.
 */
sealed interface ClaimEvent {

    /** The step's action as kept in {@code subsidy_step} and, prefixed with {@code SUBSIDY_}, in the audit log. */
    String action();

    /** The line the step concerns, or null for the whole claim. */
    default Long lineId() {
        return null;
    }

    String note();

    UUID document();

    /** The day the step took effect (a payment's own date, otherwise the day it was recorded). */
    LocalDate on();

    /** Whether the claim's status changed. */
    boolean moves();

    /** Submitted, reviewed, returned to the street or approved. */
    record Moved(ClaimStatus from, ClaimStatus to, String action, String note, UUID document, LocalDate on)
            implements ClaimEvent {

        @Override
        public boolean moves() {
            return true;
        }
    }

    /** Finance paid the approved total (or another amount, with a note) to the street. */
    record PaidToStreet(ClaimStatus from, LocalDate on, BigDecimal amount, String voucher, String note,
                        UUID document) implements ClaimEvent {

        @Override
        public String action() {
            return "PAY_STREET";
        }

        @Override
        public boolean moves() {
            return true;
        }
    }

    /** The street paid one line's amount to its company; the claim itself stays where it is. */
    record PaidToCompany(Long lineId, String estateName, String companyName, LocalDate on, BigDecimal amount,
                         String voucher, String note, UUID document) implements ClaimEvent {

        @Override
        public String action() {
            return "PAY_COMPANY";
        }

        @Override
        public boolean moves() {
            return false;
        }
    }

    /** Every line with money has been paid to its company. */
    record Closed(ClaimStatus from, LocalDate on) implements ClaimEvent {

        @Override
        public String action() {
            return "CLOSE";
        }

        @Override
        public String note() {
            return null;
        }

        @Override
        public UUID document() {
            return null;
        }

        @Override
        public boolean moves() {
            return true;
        }
    }
}
