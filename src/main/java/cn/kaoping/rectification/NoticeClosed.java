package cn.kaoping.rectification;

import java.time.LocalDate;

/**
 * Every problem of a notice is closed (销号).
 *
 * @param onTime whether the last problem was closed on or before the deadline
 */
public record NoticeClosed(long noticeId, String number, long companyId, long districtId, long estateId,
                           LocalDate closedOn, boolean onTime) {
}
