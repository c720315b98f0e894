package cn.kaoping.ranking;

import java.util.List;

/**
 * The bottom N of a district and category in a ranking (seed 000: 对每次考评排名后10名的住宅小区物业企业下达《整改通知书》),
 * worst first, ties at the boundary included. Published when a ranking is computed or corrected and the list
 * changed; aggregates (half-year, year) only once all their quarters are published.
 *
 * @param category the estates' category, or {@code ALL} when the scheme ranks categories together
 */
public record BottomRanked(long rankingId, String schemeCode, String period, PeriodKind kind, long districtId,
                           String districtName, String category, int n, List<ListedEstate> estates) {

    public BottomRanked {
        estates = List.copyOf(estates);
    }
}
