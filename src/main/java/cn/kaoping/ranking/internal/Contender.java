package cn.kaoping.ranking.internal;

import cn.kaoping.ranking.RankingEntry;
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
        return toBuilder().score(newScore).grade(newGrade).gradeLabel(newGradeLabel).periodsUsed(used)
                .periodsMissing(missing).build();
    }

    Contender withSatisfaction(BigDecimal newSatisfaction, BigDecimal newParticipation, Boolean valid) {
        return toBuilder().satisfaction(newSatisfaction).participation(newParticipation).satisfactionValid(valid)
                .build();
    }

    /** Its entry in a ranking, still to be placed ({@link RankingEntry.Builder#place}). */
    RankingEntry.Builder entry(long rankingId) {
        return RankingEntry.builder().rankingId(rankingId).estateId(estateId).estateName(estateName)
                .category(category).companyId(companyId).companyName(companyName).streetId(streetId)
                .streetName(streetName).districtId(districtId).districtName(districtName).cityId(cityId)
                .cityName(cityName).regionPath(regionPath).score(score).grade(grade).gradeLabel(gradeLabel)
                .periodsUsed(periodsUsed).periodsMissing(periodsMissing).satisfaction(satisfaction)
                .participation(participation).satisfactionValid(satisfactionValid);
    }

    /** Builds a contender by component name; a component not set is null, zero, false or empty. */
    static Builder builder() {
        return new Builder();
    }

    /** A builder holding these components, to make a copy that differs in a few. */
    Builder toBuilder() {
        Builder b = new Builder();
        b.estateId = estateId;
        b.estateName = estateName;
        b.category = category;
        b.companyId = companyId;
        b.companyName = companyName;
        b.streetId = streetId;
        b.streetName = streetName;
        b.districtId = districtId;
        b.districtName = districtName;
        b.cityId = cityId;
        b.cityName = cityName;
        b.regionPath = regionPath;
        b.score = score;
        b.grade = grade;
        b.gradeLabel = gradeLabel;
        b.periodsUsed = periodsUsed;
        b.periodsMissing = periodsMissing;
        b.satisfaction = satisfaction;
        b.participation = participation;
        b.satisfactionValid = satisfactionValid;
        b.sourceRound = sourceRound;
        return b;
    }

    /** Sets the components of {@link Contender} by name, in any order. */
    static final class Builder {

        private long estateId;
        private String estateName;
        private String category;
        private Long companyId;
        private String companyName;
        private long streetId;
        private String streetName;
        private long districtId;
        private String districtName;
        private long cityId;
        private String cityName;
        private String regionPath;
        private BigDecimal score;
        private String grade;
        private String gradeLabel;
        private List<String> periodsUsed = List.of();
        private List<String> periodsMissing = List.of();
        private BigDecimal satisfaction;
        private BigDecimal participation;
        private Boolean satisfactionValid;
        private long sourceRound;

        private Builder() {
        }

        Builder estateId(long estateId) {
            this.estateId = estateId;
            return this;
        }

        Builder estateName(String estateName) {
            this.estateName = estateName;
            return this;
        }

        Builder category(String category) {
            this.category = category;
            return this;
        }

        Builder companyId(Long companyId) {
            this.companyId = companyId;
            return this;
        }

        Builder companyName(String companyName) {
            this.companyName = companyName;
            return this;
        }

        Builder streetId(long streetId) {
            this.streetId = streetId;
            return this;
        }

        Builder streetName(String streetName) {
            this.streetName = streetName;
            return this;
        }

        Builder districtId(long districtId) {
            this.districtId = districtId;
            return this;
        }

        Builder districtName(String districtName) {
            this.districtName = districtName;
            return this;
        }

        Builder cityId(long cityId) {
            this.cityId = cityId;
            return this;
        }

        Builder cityName(String cityName) {
            this.cityName = cityName;
            return this;
        }

        Builder regionPath(String regionPath) {
            this.regionPath = regionPath;
            return this;
        }

        Builder score(BigDecimal score) {
            this.score = score;
            return this;
        }

        Builder grade(String grade) {
            this.grade = grade;
            return this;
        }

        Builder gradeLabel(String gradeLabel) {
            this.gradeLabel = gradeLabel;
            return this;
        }

        Builder periodsUsed(List<String> periodsUsed) {
            this.periodsUsed = periodsUsed;
            return this;
        }

        Builder periodsMissing(List<String> periodsMissing) {
            this.periodsMissing = periodsMissing;
            return this;
        }

        Builder satisfaction(BigDecimal satisfaction) {
            this.satisfaction = satisfaction;
            return this;
        }

        Builder participation(BigDecimal participation) {
            this.participation = participation;
            return this;
        }

        Builder satisfactionValid(Boolean satisfactionValid) {
            this.satisfactionValid = satisfactionValid;
            return this;
        }

        Builder sourceRound(long sourceRound) {
            this.sourceRound = sourceRound;
            return this;
        }

        Contender build() {
            return new Contender(estateId, estateName, category, companyId, companyName, streetId, streetName,
                    districtId, districtName, cityId, cityName, regionPath, score, grade, gradeLabel, periodsUsed,
                    periodsMissing, satisfaction, participation, satisfactionValid, sourceRound);
        }
    }
}
