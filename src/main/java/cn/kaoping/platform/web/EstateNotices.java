package cn.kaoping.platform.web;

import java.time.LocalDate;
import java.util.List;

/**
 * What modules post on an estate's public page (the page owners reach from the notice board's QR code): a module
 * contributes notices — its honours, a survey result being announced — without the page's module knowing it.
 */
public interface EstateNotices {

    /** The notices of one estate today; empty when the module has none. */
    List<Notice> noticesFor(long estateId, LocalDate today);

    /** A titled block of plain-text lines. */
    record Notice(String title, List<String> lines) {
    }
}
