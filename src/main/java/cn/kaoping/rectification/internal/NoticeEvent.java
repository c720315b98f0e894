package cn.kaoping.rectification.internal;

import cn.kaoping.platform.storage.StoredFile;
import java.time.LocalDate;
import java.util.List;

/**
 * What happened to a notice, registered by {@link Notice} (the problems change only through their notice) and recorded
 * once by {@link NoticeTransitions}: the state it changed is saved, the step is kept in the ledger
 * ({@code rectification_step}), the audit log gets its line and, for some, the module event is published. Each carries
 * what those need, as it was when the step was taken.
 */
sealed interface NoticeEvent {

    /** Where a draft came from: raised by hand, from a ranking's bottom list, or for a problem another module reported. */
    enum Origin {
        BY_HAND, RANKING, REPORT
    }

    /** A new draft, inserted with the problems it lists from the start. */
    record Drafted(Origin origin, String note, int problems) implements NoticeEvent {
    }

    /**
     * A problem added to a draft (already inserted by the use case, which needs its id): written by the officer, or
     * reported by another module ({@code report} not null).
     */
    record ProblemAdded(long problemId, String description, Report report) implements NoticeEvent {
    }

    /**
     * Where a reported problem came from, as the ledger and the audit name it.
     *
     * @param label      the record's kind in Chinese (投诉, 双随机抽查)
     * @param reference  the record, as {@code complaint:12}
     * @param photos     how many of its photos came along
     * @param estateName the estate as the reporting principal sees it now
     */
    record Report(String label, String reference, int photos, String estateName) {
    }

    /** A problem taken off a draft; the remaining ones are numbered again when it is deleted. */
    record ProblemRemoved(long problemId, int position, String description) implements NoticeEvent {
    }

    /**
     * A draft discarded: by hand, or because a corrected ranking no longer lists its estate among the bottom
     * {@code unlistedFromBottom} (null when withdrawn by hand).
     */
    record Withdrawn(Integer unlistedFromBottom) implements NoticeEvent {
    }

    /** The draft issued under its number, with its deadline and its text frozen (placeholders filled). */
    record Issued(String number, LocalDate on, LocalDate deadline, int problems, String body) implements NoticeEvent {
    }

    /** The company wrote (or rewrote) what it did about a problem. */
    record Answered(long problemId, int position, String before, String answer) implements NoticeEvent {
    }

    /** The company added a photo of a rectified problem (already stored and attached by the use case). */
    record PhotoAdded(long problemId, int position, String filename, StoredFile file) implements NoticeEvent {
    }

    /** The company handed its answers to the acceptance inspection: these problems now wait for it. */
    record Submitted(List<Long> problemIds) implements NoticeEvent {

        public Submitted {
            problemIds = List.copyOf(problemIds);
        }
    }

    /** The acceptance inspection closed a problem (销号). */
    record Accepted(long problemId, int position, LocalDate on) implements NoticeEvent {
    }

    /** The acceptance inspection returned a problem to the company, with the reason (验收不合格). */
    record Rejected(long problemId, int position, String reason, LocalDate on) implements NoticeEvent {
    }

    /** The last problem closed, and with it the notice. */
    record Closed(NoticeStatus from, LocalDate on, boolean onTime) implements NoticeEvent {
    }

    /** No problem waits for acceptance any more but some were rejected: the notice goes back to the company. */
    record Returned(NoticeStatus from) implements NoticeEvent {
    }

    /** A closed notice reopened with a reason; its problems open again under a new deadline. */
    record Reopened(String reason, LocalDate deadline, LocalDate on) implements NoticeEvent {
    }

    /** The day's reminder of an approaching deadline. */
    record Reminded(String message) implements NoticeEvent {
    }

    /** The deadline passed with problems still open; registered once per deadline. */
    record Overdue(LocalDate deadline, int openProblems, LocalDate on) implements NoticeEvent {
    }
}
