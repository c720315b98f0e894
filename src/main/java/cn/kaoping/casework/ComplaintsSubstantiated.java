package cn.kaoping.casework;

import java.time.LocalDate;

/**
 * A company reached the year's limit of substantiated complaints it handled (issue 14: a settable rule, N 属实
 * complaints in a year make a bad credit record; 属实 and 部分属实 count, see docs/casework.md). Published at each close
 * from the limit on; the credit file records it once per company and year.
 *
 * @param count the substantiated complaints of the year so far, at least {@code limit}
 */
public record ComplaintsSubstantiated(long companyId, int year, int count, int limit, Long districtId,
                                      LocalDate on) {
}
