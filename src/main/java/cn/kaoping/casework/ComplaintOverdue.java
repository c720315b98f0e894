package cn.kaoping.casework;

import java.time.LocalDate;

/**
 * A complaint passed a deadline unhandled (issue 14): {@code stage} SIGN (not signed for in time) or CLOSE (not
 * closed in time). Published once per complaint and stage; the credit file and the street-office assessment (seed
 * 001 row 6) listen.
 */
public record ComplaintOverdue(long complaintId, String stage, long estateId, Long companyId, String category,
                               LocalDate due) {
}
