package cn.kaoping.scheme.engine;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The days an evaluation assesses (a round's quarter, half-year or year), both ends inclusive. Recurring deadlines
 * expand only inside it, so a 2026 round never deducts for a 2025 report (issue 19).
 */
public record Window(LocalDate from, LocalDate to) {

    public Window {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("window ends before it starts: " + from + " – " + to);
        }
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
