package cn.kaoping.scheme.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Something an assessor recorded, addressed to a rule, part or veto by code. Only the fields the
 * target's kind reads may be set; a bare fact means "the condition holds" (count 1).
 *
 * @param count  occurrences (default 1)
 * @param value  a measured rate 0–1 for tiered rules, or points 0–100 for a part
 * @param sample the sample rate 0–1 behind a measured value
 * @param due    which deadline of a milestone (required for recurring ones)
 * @param date   when the submission arrived
 * @param rank   rank among peers counted from the worst (1 = worst)
 */
public record Fact(
        String rule,
        Integer count,
        BigDecimal value,
        BigDecimal sample,
        LocalDate due,
        LocalDate date,
        Integer rank,
        Integer satisfied,
        Integer basicallySatisfied,
        Integer owners) {

    public static Fact holds(String rule) {
        return new Fact(rule, null, null, null, null, null, null, null, null, null);
    }

    public static Fact occurrences(String rule, int count) {
        return new Fact(rule, count, null, null, null, null, null, null, null, null);
    }

    public static Fact measured(String rule, BigDecimal value, BigDecimal sample) {
        return new Fact(rule, null, value, sample, null, null, null, null, null, null);
    }

    public static Fact value(String rule, BigDecimal value) {
        return measured(rule, value, null);
    }

    public static Fact submitted(String rule, LocalDate due, LocalDate date) {
        return new Fact(rule, null, null, null, due, date, null, null, null, null);
    }

    public static Fact ranked(String rule, int rank) {
        return new Fact(rule, null, null, null, null, null, rank, null, null, null);
    }

    public static Fact survey(String rule, int satisfied, int basicallySatisfied, int owners) {
        return new Fact(rule, null, null, null, null, null, null, satisfied, basicallySatisfied, owners);
    }

    /** The count, defaulting to 1 when absent. */
    public int occurrences() {
        return count == null ? 1 : count;
    }

    /** Names of the fields that are set, besides {@code rule}. */
    Set<String> presentFields() {
        Set<String> present = new LinkedHashSet<>();
        if (count != null) present.add("count");
        if (value != null) present.add("value");
        if (sample != null) present.add("sample");
        if (due != null) present.add("due");
        if (date != null) present.add("date");
        if (rank != null) present.add("rank");
        if (satisfied != null) present.add("satisfied");
        if (basicallySatisfied != null) present.add("basicallySatisfied");
        if (owners != null) present.add("owners");
        return present;
    }
}
