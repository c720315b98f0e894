package cn.kaoping.escalation;

import java.time.LocalDate;

/**
 * An exit recommendation was raised for an estate's company: the owners' committee receives a letter recommending
 * that the owners' assembly vote on renewal (seed 000 line 20: 建议由街道办事处指导业委会召开业主大会对是否选聘（续聘）进行决议).
 */
public record ExitRecommended(long exitId, ExitReason reason, long estateId, String estateName, long companyId,
                              String companyName, long districtId, LocalDate raisedOn) {
}
