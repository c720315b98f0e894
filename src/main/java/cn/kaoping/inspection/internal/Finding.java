package cn.kaoping.inspection.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the inspector recorded against one rule of the scheme (or what a module filled in for him).
 *
 * @param count  occurrences for per-occurrence and bonus rules
 * @param holds  whether a condition holds, for condition rules
 * @param value  a measured value for tiered rules (a rate 0–1 for rate measures)
 * @param sample the sample rate 0–1 behind a measured value (Erqi row 20: share of households surveyed)
 * @param due    which deadline of a milestone rule this records (one finding per deadline of the period)
 * @param date   the day the report for {@code due} came in
 * @param source where a finding came from when no inspector typed it, e.g. {@code survey:12}; such a finding is
 *               read-only on the form. Never taken from a client.
 */
public record Finding(String rule, Integer count, boolean holds, BigDecimal value, String note, BigDecimal sample,
                      LocalDate due, LocalDate date, String source) {

    public Finding(String rule, Integer count, boolean holds, BigDecimal value, String note) {
        this(rule, count, holds, value, note, null, null, null, null);
    }

    /** A report for one deadline of a milestone rule. */
    public static Finding report(String rule, LocalDate due, LocalDate date, String note) {
        return new Finding(rule, null, false, null, note, null, due, date, null);
    }

    /** A measured value with its sample, as a survey (or the tally sheet of one run outside Kaoping) gives it. */
    public static Finding measured(String rule, BigDecimal value, BigDecimal sample, String note, String source) {
        return new Finding(rule, null, false, value, note, sample, null, null, source);
    }

    /** The form's key: the rule, or the rule and its deadline ({@code 16@2026-12-25}) for a milestone's report. */
    public String key() {
        return key(rule, due);
    }

    public static String key(String rule, LocalDate due) {
        return due == null ? rule : rule + "@" + due;
    }

    /** The same finding as typed by a person: whatever source a client claimed is dropped. */
    public Finding typed() {
        return source == null ? this : new Finding(rule, count, holds, value, note, sample, due, date, null);
    }

    public boolean fromModule() {
        return source != null;
    }

    /** Whether the finding records anything at all (an empty one is not stored). */
    public boolean recordsSomething() {
        return (count != null && count > 0) || holds || value != null || sample != null || date != null
                || (note != null && !note.isBlank());
    }
}
