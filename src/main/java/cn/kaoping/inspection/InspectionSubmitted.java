package cn.kaoping.inspection;

import java.math.BigDecimal;

/** A street office submitted an estate's inspection for review, with the total it scored. */
public record InspectionSubmitted(long inspectionId, RoundId round, long estateId, BigDecimal total,
                                  String submittedBy) {
}
