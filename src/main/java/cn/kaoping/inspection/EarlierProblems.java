package cn.kaoping.inspection;

import java.time.LocalDate;
import java.util.List;

/**
 * What an inspector should look at again (回头看): the problems an estate was told to rectify after an earlier round.
 * Implemented by the rectification module; the inspection form lists them beside the scheme's rules. Inspection only
 * knows this interface, so it does not depend on rectification.
 */
public interface EarlierProblems {

    /** The estate's problems from notices issued before {@code before}, newest first; empty when there are none. */
    List<EarlierProblem> of(long estateId, LocalDate before);

    /**
     * One earlier problem.
     *
     * @param ruleCode the scheme rule the problem was found under, or {@code null} for one raised by hand
     * @param status   a display key such as {@code rectification.problem.status.CLOSED}
     */
    record EarlierProblem(long noticeId, String noticeNumber, LocalDate issuedOn, String ruleCode, String description,
                          String status) {
    }
}
