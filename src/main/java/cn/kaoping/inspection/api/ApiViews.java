package cn.kaoping.inspection.api;

import cn.kaoping.inspection.internal.Finding;
import cn.kaoping.inspection.internal.Inspections;
import cn.kaoping.inspection.internal.Round;
import cn.kaoping.inspection.internal.Rounds;
import cn.kaoping.inspection.internal.TaskView;
import cn.kaoping.scheme.engine.Evaluation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** The JSON shapes of the rounds API. */
final class ApiViews {

    private ApiViews() {
    }

    record RoundJson(long id, String name, String schemeCode, int schemeVersion, String period, LocalDate periodStart,
                     LocalDate periodEnd, String status, LocalDate inspectionDue, LocalDate reviewDue,
                     int publicityDays, LocalDate publicityStart, LocalDate lastObjectionDay) {
        static RoundJson of(Round r) {
            return new RoundJson(r.id(), r.name(), r.schemeCode(), r.schemeVersion(), r.period().code(),
                    r.period().start(), r.period().end(), r.status().name(), r.inspectionDue(), r.reviewDue(),
                    r.publicityDays(), r.publicityStart(), r.lastObjectionDay());
        }
    }

    record TaskJson(long id, long roundId, long estateId, String estateName, long streetId, String streetName,
                    String status, String assignee, BigDecimal total, String grade, LocalDate due,
                    String reviewComment) {
        static TaskJson of(Inspections.TaskRow t) {
            return new TaskJson(t.inspection().id(), t.inspection().roundId(), t.inspection().estateId(),
                    t.inspection().estateName(), t.inspection().streetId(), t.inspection().streetName(),
                    t.inspection().status().name(), t.inspection().assignee(), t.total(), t.gradeLabel(), t.due(),
                    t.inspection().reviewComment());
        }
    }

    record EvidenceJson(long id, String rule, String sha256, String contentType, long size, String uploadedBy,
                        OffsetDateTime uploadedAt) {
    }

    record ObjectionJson(long id, String rule, String reason, boolean hasPhoto, String raisedBy,
                         OffsetDateTime raisedAt, String status, String decision, String decidedBy,
                         OffsetDateTime decidedAt) {
    }

    record InspectionJson(long id, long roundId, String roundStatus, long estateId, String estateName,
                          String streetName, String status, String assignee, String reviewComment, List<Finding> findings,
                          List<EvidenceJson> evidence, List<ObjectionJson> objections, Evaluation evaluation) {
        static InspectionJson of(TaskView t) {
            return new InspectionJson(t.inspection().id(), t.round().id(), t.round().status().name(),
                    t.inspection().estateId(), t.inspection().estateName(), t.inspection().streetName(),
                    t.inspection().status().name(), t.inspection().assignee(), t.inspection().reviewComment(),
                    List.copyOf(t.findings().values()),
                    t.evidence().values().stream().flatMap(List::stream).map(e -> new EvidenceJson(e.id(), e.rule(),
                            e.sha256(), e.contentType(), e.size(), e.createdBy(), e.createdAt())).toList(),
                    t.objections().stream().map(o -> new ObjectionJson(o.id(), o.rule(), o.reason(),
                            o.fileId() != null, o.raisedBy(), o.raisedAt(), o.status(), o.decision(), o.decidedBy(),
                            o.decidedAt())).toList(),
                    t.evaluation());
        }
    }

    record ResultJson(long roundId, int revision, String reason, String contentHash, String publishedBy,
                      OffsetDateTime publishedAt, boolean intact) {
        static ResultJson of(Rounds.RoundResult r) {
            return new ResultJson(r.roundId(), r.revision(), r.reason(), r.contentHash(), r.publishedBy(),
                    r.publishedAt(), r.intact());
        }
    }

    record CommentRequest(String comment) {
    }

    record ObjectionRequest(String rule, String reason) {
    }

    record AssignRequest(String assignee) {
    }

    record DecisionRequest(boolean upheld, String decision, Integer count, Boolean holds, BigDecimal value,
                           String note) {
    }

    record PatrolRequest(Long estateId, String kind, LocalDate recordedOn, String rule, Integer count, String note) {
    }

    record Created(long id) {
    }

    record Scored(int scored, long millis) {
    }

    record Carried(int carried) {
    }
}
