package cn.kaoping.rectification;

import java.time.LocalDate;

/** The acceptance inspection rejected a problem's rectification and returned it to the company (验收不合格). */
public record AcceptanceFailed(long noticeId, String number, long companyId, long districtId, long estateId,
                               long problemId, String reason, LocalDate decidedOn) {
}
