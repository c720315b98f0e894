package cn.kaoping.escalation;

import java.time.LocalDate;

/** A company was interviewed 约谈 after a circular (seed 000 line 20: 整改不到位、不作为的 … 进行约谈). */
public record InterviewHeld(long interviewId, String number, long circularId, long companyId, String companyName,
                            long districtId, LocalDate heldOn, String commitments) {
}
