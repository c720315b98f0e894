package cn.kaoping.escalation.internal;

import cn.kaoping.escalation.ExitReason;
import cn.kaoping.shared.ValidationException;
import cn.kaoping.shared.ValidationException.FieldProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** What an officer submits to decide or dismiss a suggestion or to raise an exit recommendation (screen and API). */
public final class Forms {

    static final int SHORT = 200;
    static final int LONG = 5000;

    private Forms() {
    }

    public record CircularForm(LocalDate issuedOn, String reason) {
    }

    public record InterviewForm(LocalDate heldOn, String place, String attendees, String minutes,
                                String commitments) {
    }

    /** @param amount a fine in yuan (exact, at most two decimals), or null when a measure is given */
    public record PenaltyForm(LocalDate decidedOn, String decision, String legalBasis, BigDecimal amount,
                              String measure) {
    }

    public record DismissForm(String reason) {
    }

    public record ExitForm(Long estateId, ExitReason reason, String facts) {
    }

    /** Collects field problems and throws them together (400 with the field list in the API). */
    static final class Check {

        private final List<FieldProblem> problems = new ArrayList<>();

        Check required(String field, Object value, String message) {
            if (value == null || (value instanceof String s && s.isBlank())) {
                problems.add(new FieldProblem(field, message));
            }
            return this;
        }

        Check text(String field, String value, String label, int max, boolean required) {
            if (value == null || value.isBlank()) {
                if (required) {
                    problems.add(new FieldProblem(field, "请填写" + label));
                }
            } else if (value.strip().length() > max) {
                problems.add(new FieldProblem(field, label + "不能超过 " + max + " 个字"));
            }
            return this;
        }

        Check that(boolean holds, String field, String message) {
            if (!holds) {
                problems.add(new FieldProblem(field, message));
            }
            return this;
        }

        boolean has(String field) {
            return problems.stream().anyMatch(p -> field.equals(p.field()));
        }

        void orThrow() {
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
        }
    }

    static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
