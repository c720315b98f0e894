package cn.kaoping.rectification;

import cn.kaoping.shared.KaopingPrincipal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Problems another module puts on an estate's rectification notice (issue 14: a complaint can become a problem on a
 * notice; a 双随机 inspection's findings can raise one): the problem joins the estate's draft raised by hand, or a new
 * draft, which the street office or district then edits and issues as any other (seed 000: 下达《整改通知书》，限期整改).
 * Each record is listed once: its reference names it.
 */
public interface ReportedProblems {

    /**
     * Lists the problem on the estate's draft for a principal who may raise notices for the estate (404 outside his
     * scope, 403 for a role that does not raise notices, 409 if the record is already on a notice).
     */
    NoticeRef report(KaopingPrincipal p, long estateId, Report report);

    /** Whether the principal's role raises notices (the street office and the district admin). */
    boolean mayReport(KaopingPrincipal p);

    /** The notice (not withdrawn) the record is listed on. */
    Optional<NoticeRef> noticeOf(String reference);

    /**
     * @param source    {@code COMPLAINT} or {@code RANDOM_CHECK}
     * @param reference the record, as {@code complaint:12} or {@code random-check:3:45}
     * @param photos    stored files shown with the problem as the finding's photos
     */
    record Report(String source, String reference, String description, List<UUID> photos) {
    }

    /** A notice as the reporting module links it: its number once issued, and its status in Chinese. */
    record NoticeRef(long noticeId, String number, String statusLabel) {
    }
}
