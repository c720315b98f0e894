package cn.kaoping.rectification;

import java.time.LocalDate;

/** A notice's deadline passed with problems still open (seed 000: 逾期未整改). Published once per notice and deadline. */
public record RectificationOverdue(long noticeId, String number, long companyId, long districtId, long estateId,
                                   LocalDate deadline, int openProblems, LocalDate detectedOn) {
}
