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
}
