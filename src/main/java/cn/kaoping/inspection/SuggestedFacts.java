package cn.kaoping.inspection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Facts another module already knows for an estate's inspection, offered on the inspection form (issue 14: the
 * Shenyang complaint rows 10.a and 11 prefilled from the work orders of the quarter, with the complaints behind each
 * number). The inspector keeps or corrects them; inspection only knows this interface.
 */
public interface SuggestedFacts {

    /** Suggestions for the rules of the scheme version over the estate's period; empty when there are none. */
    List<Suggestion> of(String schemeCode, int schemeVersion, long estateId, LocalDate from, LocalDate to);

    /**
     * @param count       occurrences for a per-occurrence rule, or null
     * @param value       a measured value (a rate 0–1) for a tiered rule, or null
     * @param explanation where the number comes from, in Chinese
     * @param link        a page listing the records behind it
     */
    record Suggestion(String ruleCode, Integer count, BigDecimal value, String explanation, String link) {
    }
}
