package cn.kaoping.ranking.internal;

import java.math.BigDecimal;
import java.util.List;

/**
 * An estate to be placed in a ranking: where it is, its score for the period (null: cannot be ranked), and why;
 * {@code sourceRound} is the round whose published total names it.
 */
record Contender(long estateId, String estateName, String category, Long companyId, String companyName,
                 long streetId, String streetName, long districtId, String districtName, long cityId, String cityName,
                 String regionPath, BigDecimal score, String grade, String gradeLabel, List<String> periodsUsed,
                 List<String> periodsMissing, BigDecimal satisfaction, BigDecimal participation,
                 Boolean satisfactionValid, long sourceRound) {

    Contender withScore(BigDecimal newScore, String newGrade, String newGradeLabel, List<String> used,
                        List<String> missing) {
        return new Contender(estateId, estateName, category, companyId, companyName, streetId, streetName, districtId,
                districtName, cityId, cityName, regionPath, newScore, newGrade, newGradeLabel, used, missing,
                satisfaction, participation, satisfactionValid, sourceRound);
    }

    Contender withSatisfaction(BigDecimal newSatisfaction, BigDecimal newParticipation, Boolean valid) {
        return new Contender(estateId, estateName, category, companyId, companyName, streetId, streetName, districtId,
                districtName, cityId, cityName, regionPath, score, grade, gradeLabel, periodsUsed, periodsMissing,
                newSatisfaction, newParticipation, valid, sourceRound);
    }
}
