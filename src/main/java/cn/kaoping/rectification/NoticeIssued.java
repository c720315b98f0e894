package cn.kaoping.rectification;

import java.time.LocalDate;

/**
 * A rectification notice was issued to a company (seed 000: 下达《整改通知书》, 限期整改).
 *
 * @param rankingId the ranking whose bottom list raised the notice, or {@code null} for a notice raised by hand
 */
public record NoticeIssued(long noticeId, String number, long companyId, String companyName, long districtId,
                           long streetId, long estateId, String estateName, LocalDate issuedOn, LocalDate deadline,
                           int problems, Long rankingId) {
}
