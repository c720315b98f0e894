package cn.kaoping.credit;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A company's dispute 异议 of a record and, once decided, the district's decision (UPHELD: the record stands; ANNULLED:
 * it no longer counts) with its reason. Both sides are kept.
 */
public record CreditDispute(long id, long recordId, String reason, UUID evidenceId, String evidenceName,
                            String raisedBy, String raisedByName, OffsetDateTime raisedAt, String decision,
                            String decisionReason, String decidedBy, String decidedByName, OffsetDateTime decidedAt) {
    public boolean open() {
        return decision == null;
    }
}
