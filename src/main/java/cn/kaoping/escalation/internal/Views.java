package cn.kaoping.escalation.internal;

import cn.kaoping.escalation.ExitReason;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What the screens, documents and API show of the escalation records. */
public final class Views {

    private Views() {
    }

    /** One ladder in a list: a company in a district with what happened so far. */
    public record CaseRow(long id, long companyId, String companyName, long districtId, String districtName,
                          int openNotices, int openSuggestions, int circulars, int interviews, int penalties) {
    }

    /** A rectification notice as escalation knows it from the events. */
    public record Notice(long noticeId, String number, String estateName, LocalDate issuedOn, LocalDate deadline,
                         LocalDate overdueSince, LocalDate failedOn, boolean closed, LocalDate closedOn) {
    }

    /** A suggested rung with the conditions that held, in words. */
    public record Suggestion(long id, long caseId, SuggestionKind kind, SuggestionStatus status, LocalDate raisedOn, List<String> reasons,
                             Long basisId, Long rankingId, String closedBy, OffsetDateTime closedAt,
                             String dismissReason, Long rungId, String companyName, String districtName) {

        public Suggestion {
            reasons = List.copyOf(reasons);
        }

        public boolean open() {
            return status == SuggestionStatus.OPEN;
        }
    }

    public record Circular(long id, long caseId, String number, LocalDate issuedOn, String reason, long companyId,
                           String companyName, long districtId, String districtName, String decidedByName,
                           List<String> notices) {

        public Circular {
            notices = List.copyOf(notices);
        }
    }

    public record Interview(long id, long caseId, String number, LocalDate heldOn, String place, String attendees,
                            String minutes, String commitments, long companyId, String companyName,
                            String districtName, String decidedByName, long circularId, String circularNumber) {
    }

    public record Penalty(long id, long caseId, String number, LocalDate decidedOn, String decision,
                          String legalBasis, BigDecimal amount, String measure, long companyId, String companyName,
                          String districtName, String decidedByName, long interviewId, String interviewNumber) {
    }

    /** A ladder in full, for its page and the company. */
    public record Ladder(CaseRow row, List<String> estates, List<Notice> notices, List<Suggestion> suggestions,
                         List<Circular> circulars, List<Interview> interviews, List<Penalty> penalties) {
    }

    /** An exit recommendation; {@code facts} is one statement per line. */
    public record Exit(long id, ExitReason reason, long estateId, String estateName, String streetName,
                       long companyId, String companyName, long districtId, String districtName, String schemeTitle,
                       String facts, LocalDate raisedOn, String raisedBy) {

        public List<String> factLines() {
            return List.of(facts.split("\n"));
        }

        public boolean automatic() {
            return !reason.manual();
        }
    }

    /** A company recommended for 评优评先 and projects from one top list. */
    public record Commendation(long id, long rankingId, String schemeTitle, String period, String kind,
                               String districtName, String category, long companyId, String companyName,
                               String estates, int bestPlace, BigDecimal bestScore) {
    }

    /** A ranking that has commendations, for the selector. */
    public record CommendedRanking(long rankingId, String schemeTitle, String period, String kind) {
    }
}
