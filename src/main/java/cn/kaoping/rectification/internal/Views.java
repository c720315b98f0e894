package cn.kaoping.rectification.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the screens, the API and the documents show. */
public final class Views {

    private Views() {
    }

    /** A photo of a problem: {@code FINDING} (behind the finding) or {@code ANSWER} (the company's evidence). */
    public record Photo(long id, long problemId, String kind, UUID fileId) {
    }

    /** One ledger step: what happened, to which problem (position), by whom, when. */
    public record Step(long id, Long problemId, Integer position, String action, String note, String actor,
                       OffsetDateTime at) {
    }

    /** A row of the notice list. */
    public record NoticeRow(long id, String status, String number, String estateName, String streetName,
                            String companyName, String source, String period, LocalDate issuedOn, LocalDate deadline,
                            int problems, int open, int closed, boolean overdue, OffsetDateTime createdAt) {
    }

    /** List filters: status, only overdue, street. */
    public record Filter(NoticeStatus status, boolean overdue, Long streetId) {
        public static Filter none() {
            return new Filter(null, false, null);
        }
    }

    /** The follow-up check 回头看 of a notice's estate. */
    public record FollowUp(String status, LocalDate scheduledOn, OffsetDateTime doneAt) {
    }

    /** A notice page: the notice, its photos and ledger, and what the viewer may do. */
    public record NoticePage(Notice notice, Map<Long, List<Photo>> photos, List<Step> steps, FollowUp followUp,
                             List<Reminder> reminders, boolean overdue, boolean canEditDraft, boolean canAnswer,
                             boolean canAccept, boolean canReopen, String renderedBody) {

        public List<Photo> findingPhotos(long problemId) {
            return photos.getOrDefault(problemId, List.of()).stream().filter(p -> p.kind().equals("FINDING")).toList();
        }

        public List<Photo> answerPhotos(long problemId) {
            return photos.getOrDefault(problemId, List.of()).stream().filter(p -> p.kind().equals("ANSWER")).toList();
        }

        public List<Step> stepsOf(long problemId) {
            return steps.stream().filter(s -> s.problemId() != null && s.problemId() == problemId).toList();
        }
    }

    /** A reminder sent before the deadline. */
    public record Reminder(long noticeId, String number, LocalDate sentOn, String message) {
    }

    /** One problem in the ledger 问题台账 with the dates of its life. */
    public record LedgerRow(long noticeId, String number, String noticeStatus, String estateName, String streetName,
                            String companyName, int position, String ruleCode, String description,
                            BigDecimal pointsLost, String status, LocalDate issuedOn, LocalDate deadline,
                            OffsetDateTime answeredAt, String answeredBy, int rejections, String rejection,
                            OffsetDateTime decidedAt, String decidedBy, LocalDate closedOn, boolean overdue) {
    }

    /** A candidate problem for a notice raised by hand: a deduction of a published round or a patrol record. */
    public record Candidate(String key, String label, String ruleCode, String description, BigDecimal pointsLost,
                            List<UUID> files) {
    }
}
