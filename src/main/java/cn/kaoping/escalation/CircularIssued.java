package cn.kaoping.escalation;

import java.time.LocalDate;
import java.util.List;

/**
 * A district published a circular 通报 naming a company and the reason (seed 000 line 20: 由区房产主管部门在一定范围内进行通报).
 *
 * @param noticeIds the rectification notices behind it
 */
public record CircularIssued(long circularId, String number, long companyId, String companyName, long districtId,
                             String reason, LocalDate issuedOn, List<Long> noticeIds) {

    public CircularIssued {
        noticeIds = List.copyOf(noticeIds);
    }
}
