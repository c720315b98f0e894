package cn.kaoping.ranking;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A published ranking: one scheme, one period.
 *
 * @param complete           every quarter an aggregate needs has published results (always true for ROUND)
 * @param missingPeriods     the quarters of an aggregate that no published round covers yet
 * @param separateByCategory professional and basic estates are ranked apart (SPEC; scheme setting)
 * @param listSize           N of the top and bottom lists
 * @param revision           1, then one more each time a corrected round changed the ranking
 * @param correction         the reason of the latest correction, or null
 * @param scope              the level of the region the ranking is about: the narrowest region holding every estate
 *                           its published rounds covered (a one-street round: {@code STREET}; issue 19)
 * @param scopeName          that region's name (东风街道, 河东区, 清河市)
 * @param scopeComplete      whether the rounds covered that region whole (a street always is)
 * @param missingStreets     the streets of that region no published round of the period assessed
 */
public record RankingSummary(long id, String schemeCode, int schemeVersion, String schemeTitle, String period,
                             PeriodKind kind, LocalDate periodStart, LocalDate periodEnd, String method,
                             boolean separateByCategory, int listSize, boolean complete, List<String> missingPeriods,
                             int estates, int revision, String correction, OffsetDateTime firstComputedAt,
                             OffsetDateTime computedAt, RankingScope scope, Long scopeRegionId, String scopeName,
                             boolean scopeComplete, List<String> missingStreets) {

    public RankingSummary {
        missingPeriods = List.copyOf(missingPeriods);
        missingStreets = List.copyOf(missingStreets);
    }

    /** Complete in periods and in scope: the ranking ranks every estate of its region over the whole period. */
    public boolean whole() {
        return complete && scopeComplete;
    }
}
