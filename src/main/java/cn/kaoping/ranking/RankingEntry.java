package cn.kaoping.ranking;

import java.math.BigDecimal;
import java.util.List;

/**
 * One estate in a ranking. Places are competition ranks (1, 2, 2, 4) among the estates of the same scope and, when
 * the ranking separates categories, of the same category; {@code null} places and score mean the estate could not
 * be ranked because a quarter it needs is missing ({@link #periodsMissing()} says which).
 *
 * @param peersDistrict how many estates are ranked in the estate's district (and category): "第 3 名 / 共 40 个"
 * @param satisfaction  the owners' satisfaction beside the score (0–100), or null without a closed survey
 * @param satisfactionValid whether that survey reached its participation threshold
 */
public record RankingEntry(long rankingId, long estateId, String estateName, String category, Long companyId,
                           String companyName, long streetId, String streetName, long districtId, String districtName,
                           long cityId, String cityName, String regionPath, BigDecimal score, String grade,
                           String gradeLabel, Integer rankCity, Integer rankDistrict, Integer rankStreet,
                           boolean tiedCity, boolean tiedDistrict, boolean tiedStreet, int peersCity,
                           int peersDistrict, int peersStreet, List<String> periodsUsed, List<String> periodsMissing,
                           BigDecimal satisfaction, BigDecimal participation, Boolean satisfactionValid) {

    public RankingEntry {
        periodsUsed = List.copyOf(periodsUsed);
        periodsMissing = List.copyOf(periodsMissing);
    }

    public boolean ranked() {
        return score != null;
    }

    public Integer rank(RankingScope scope) {
        return switch (scope) {
            case CITY -> rankCity;
            case DISTRICT -> rankDistrict;
            case STREET -> rankStreet;
        };
    }

    public boolean tied(RankingScope scope) {
        return switch (scope) {
            case CITY -> tiedCity;
            case DISTRICT -> tiedDistrict;
            case STREET -> tiedStreet;
        };
    }

    public int peers(RankingScope scope) {
        return switch (scope) {
            case CITY -> peersCity;
            case DISTRICT -> peersDistrict;
            case STREET -> peersStreet;
        };
    }

    /** Builds an entry by component name; a component not set is null, zero, false or empty. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these components, to make a copy that differs in a few. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.rankingId = rankingId;
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
        b.rankCity = rankCity;
        b.rankDistrict = rankDistrict;
        b.rankStreet = rankStreet;
        b.tiedCity = tiedCity;
        b.tiedDistrict = tiedDistrict;
        b.tiedStreet = tiedStreet;
        b.peersCity = peersCity;
        b.peersDistrict = peersDistrict;
        b.peersStreet = peersStreet;
        b.periodsUsed = periodsUsed;
        b.periodsMissing = periodsMissing;
        b.satisfaction = satisfaction;
        b.participation = participation;
        b.satisfactionValid = satisfactionValid;
        return b;
    }

    /** Sets the components of {@link RankingEntry} by name, in any order. */
    public static final class Builder {

        private long rankingId;
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
        private Integer rankCity;
        private Integer rankDistrict;
        private Integer rankStreet;
        private boolean tiedCity;
        private boolean tiedDistrict;
        private boolean tiedStreet;
        private int peersCity;
        private int peersDistrict;
        private int peersStreet;
        private List<String> periodsUsed = List.of();
        private List<String> periodsMissing = List.of();
        private BigDecimal satisfaction;
        private BigDecimal participation;
        private Boolean satisfactionValid;

        private Builder() {
        }

        public Builder rankingId(long rankingId) {
            this.rankingId = rankingId;
            return this;
        }

        public Builder estateId(long estateId) {
            this.estateId = estateId;
            return this;
        }

        public Builder estateName(String estateName) {
            this.estateName = estateName;
            return this;
        }

        public Builder category(String category) {
            this.category = category;
            return this;
        }

        public Builder companyId(Long companyId) {
            this.companyId = companyId;
            return this;
        }

        public Builder companyName(String companyName) {
            this.companyName = companyName;
            return this;
        }

        public Builder streetId(long streetId) {
            this.streetId = streetId;
            return this;
        }

        public Builder streetName(String streetName) {
            this.streetName = streetName;
            return this;
        }

        public Builder districtId(long districtId) {
            this.districtId = districtId;
            return this;
        }

        public Builder districtName(String districtName) {
            this.districtName = districtName;
            return this;
        }

        public Builder cityId(long cityId) {
            this.cityId = cityId;
            return this;
        }

        public Builder cityName(String cityName) {
            this.cityName = cityName;
            return this;
        }

        public Builder regionPath(String regionPath) {
            this.regionPath = regionPath;
            return this;
        }

        public Builder score(BigDecimal score) {
            this.score = score;
            return this;
        }

        public Builder grade(String grade) {
            this.grade = grade;
            return this;
        }

        public Builder gradeLabel(String gradeLabel) {
            this.gradeLabel = gradeLabel;
            return this;
        }

        public Builder rankCity(Integer rankCity) {
            this.rankCity = rankCity;
            return this;
        }

        public Builder rankDistrict(Integer rankDistrict) {
            this.rankDistrict = rankDistrict;
            return this;
        }

        public Builder rankStreet(Integer rankStreet) {
            this.rankStreet = rankStreet;
            return this;
        }

        public Builder tiedCity(boolean tiedCity) {
            this.tiedCity = tiedCity;
            return this;
        }

        public Builder tiedDistrict(boolean tiedDistrict) {
            this.tiedDistrict = tiedDistrict;
            return this;
        }

        public Builder tiedStreet(boolean tiedStreet) {
            this.tiedStreet = tiedStreet;
            return this;
        }

        public Builder peersCity(int peersCity) {
            this.peersCity = peersCity;
            return this;
        }

        public Builder peersDistrict(int peersDistrict) {
            this.peersDistrict = peersDistrict;
            return this;
        }

        public Builder peersStreet(int peersStreet) {
            this.peersStreet = peersStreet;
            return this;
        }

        public Builder periodsUsed(List<String> periodsUsed) {
            this.periodsUsed = periodsUsed;
            return this;
        }

        public Builder periodsMissing(List<String> periodsMissing) {
            this.periodsMissing = periodsMissing;
            return this;
        }

        public Builder satisfaction(BigDecimal satisfaction) {
            this.satisfaction = satisfaction;
            return this;
        }

        public Builder participation(BigDecimal participation) {
            this.participation = participation;
            return this;
        }

        public Builder satisfactionValid(Boolean satisfactionValid) {
            this.satisfactionValid = satisfactionValid;
            return this;
        }

        /** The estate's place in one scope: its rank (null: not placed there), whether shared, and how many ranked. */
        public Builder place(RankingScope scope, Integer rank, boolean tied, int peers) {
            switch (scope) {
                case CITY -> {
                    rankCity = rank;
                    tiedCity = tied;
                    peersCity = peers;
                }
                case DISTRICT -> {
                    rankDistrict = rank;
                    tiedDistrict = tied;
                    peersDistrict = peers;
                }
                case STREET -> {
                    rankStreet = rank;
                    tiedStreet = tied;
                    peersStreet = peers;
                }
            }
            return this;
        }

        public RankingEntry build() {
            return new RankingEntry(rankingId, estateId, estateName, category, companyId, companyName, streetId,
                    streetName, districtId, districtName, cityId, cityName, regionPath, score, grade, gradeLabel,
                    rankCity, rankDistrict, rankStreet, tiedCity, tiedDistrict, tiedStreet, peersCity, peersDistrict,
                    peersStreet, periodsUsed, periodsMissing, satisfaction, participation, satisfactionValid);
        }
    }
}
