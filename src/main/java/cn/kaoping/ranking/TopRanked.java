package cn.kaoping.ranking;

import java.util.List;

/**
 * The top N of a district and category in a ranking (seed 000: 排名靠前 … 优先推荐), best first, ties at the
 * boundary included. Published under the same conditions as {@link BottomRanked}.
 *
 * @param category the estates' category, or {@code ALL} when the scheme ranks categories together
 */
public record TopRanked(long rankingId, String schemeCode, String period, PeriodKind kind, long districtId,
                        String districtName, String category, int n, List<ListedEstate> estates) {

    public TopRanked {
        estates = List.copyOf(estates);
    }
}
