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
 */
public record RankingSummary(long id, String schemeCode, int schemeVersion, String schemeTitle, String period,
                             PeriodKind kind, LocalDate periodStart, LocalDate periodEnd, String method,
                             boolean separateByCategory, int listSize, boolean complete, List<String> missingPeriods,
                             int estates, int revision, String correction, OffsetDateTime firstComputedAt,
                             OffsetDateTime computedAt) {

    public RankingSummary {
        missingPeriods = List.copyOf(missingPeriods);
    }
}
