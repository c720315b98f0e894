package cn.kaoping.platform.workbench;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One thing waiting for the signed-in user, as the first screen (工作台) lists it: what, about which estate, company or
 * street, by when, and the one link to the screen that does it.
 *
 * @param key     stable across requests (kind and record id), so the bell knows what the user has already seen
 * @param kind    the kind of work, a message key suffix ({@code workbench.kind.<kind>}) counted on top of the list
 * @param title   what to do, in Chinese, naming the record (e.g. "检查 幸福小区")
 * @param subject which estate, company or street it concerns
 * @param due     the date it is due, or {@code null} when nothing fixes one
 * @param link    the screen where it is done (an application path)
 */
public record WorkItem(String key, String kind, String title, String subject, LocalDate due, String link) {

    public WorkItem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(link, "link");
    }

    /** Due before the given day (a thing due today is not yet late). */
    public boolean overdueOn(LocalDate today) {
        return due != null && due.isBefore(today);
    }
}
