package cn.kaoping.ranking;

import java.util.List;

/**
 * Whether the published rounds of a ranking covered a district or the city whole (issue 19). Places in that region
 * exist only when it is complete; otherwise the ranking names the streets still missing.
 *
 * @param missingStreets the streets of the region no published round of the period assessed
 */
public record RegionCoverage(long regionId, RankingScope level, String name, boolean complete, int streetsCovered,
                             int streetsNeeded, List<String> missingStreets) {

    public RegionCoverage {
        missingStreets = List.copyOf(missingStreets);
    }
}
