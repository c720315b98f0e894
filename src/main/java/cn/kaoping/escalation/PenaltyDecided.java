package cn.kaoping.escalation;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A penalty 处罚 was decided after an interview (seed 000 line 20: 仍无显著提升的，街道办事处联合相关部门进行处罚).
 *
 * @param amount the fine in yuan, or null
 * @param measure the measure taken, or null (one of the two is always present)
 */
public record PenaltyDecided(long penaltyId, String number, long interviewId, long companyId, String companyName,
                             long districtId, LocalDate decidedOn, String decision, String legalBasis,
                             BigDecimal amount, String measure) {
}
