package cn.kaoping.casework;

import java.time.LocalDate;

/**
 * A 双随机 inspection's failed result was published (seed 003 二、(一)7; issue 14: findings can raise a credit record):
 * the credit file records it against the estate's company.
 *
 * @param checkId the random check; with the estate, unique (the credit record's source)
 */
public record RandomCheckFailed(long checkId, String checkTitle, long estateId, String estateName, Long companyId,
                                Long districtId, LocalDate inspectedOn, String findings) {
}
