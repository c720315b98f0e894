package cn.kaoping.excellence;

import java.time.LocalDate;

/**
 * A re-evaluation's published result for one title (seed 002 二、6): retained, or revoked with the reason. The credit
 * file takes it as a record of the company (issue 16: a revoked title feeds the credit file, by the credit rules).
 *
 * @param entryId the campaign entry, unique per title and campaign (the credit record's source)
 */
public record HonourDecided(long entryId, long estateId, String estateName, Long companyId, String companyName,
                            Long districtId, boolean retained, String title, String reason, String documentNo,
                            LocalDate decidedOn) {
}
