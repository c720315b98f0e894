package cn.kaoping.ranking.internal;

import cn.kaoping.organisation.StreetEstates;
import cn.kaoping.ranking.rules.Coverage;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the published totals of one ranking cover (issue 19, ADR 0011). Plain Java over what was read.
 * <ul>
 * <li>A street is covered in a bucket (the category, when the scheme ranks categories apart, else {@code ALL}) when
 * a published round of the scheme scored an estate of it in that bucket. For a half-year or year, only when every
 * quarter that has published results did: a district ranked on half its quarters is not ranked whole.</li>
 * <li>A street must be covered in the buckets the ranking ranks and it holds estates of; when every estate scored
 * is an old estate (二七区老旧小区 rounds take old estates only), only its old estates count.</li>
 * </ul>
 */
final class PeriodCoverage {

    private PeriodCoverage() {
    }

    static Coverage of(List<RankingStore.Score> scores, boolean separateByCategory, List<StreetEstates> registry) {
        Map<String, Map<Long, Set<String>>> byPeriod = new LinkedHashMap<>();
        Set<String> ranked = new HashSet<>();
        boolean oldOnly = !scores.isEmpty();
        for (RankingStore.Score s : scores) {
            String bucket = bucket(s.contender().category(), separateByCategory);
            ranked.add(bucket);
            oldOnly &= s.oldEstate();
            byPeriod.computeIfAbsent(s.period(), p -> new HashMap<>())
                    .computeIfAbsent(s.contender().streetId(), id -> new HashSet<>()).add(bucket);
        }
        Map<Long, Set<String>> covered = null;
        for (Map<Long, Set<String>> period : byPeriod.values()) {
            if (covered == null) {
                covered = period;
                continue;
            }
            Map<Long, Set<String>> both = new HashMap<>();
            for (Map.Entry<Long, Set<String>> e : covered.entrySet()) {
                Set<String> kept = new HashSet<>(e.getValue());
                kept.retainAll(period.getOrDefault(e.getKey(), Set.of()));
                both.put(e.getKey(), kept);
            }
            covered = both;
        }
        Map<Long, StreetEstates> first = new LinkedHashMap<>();
        Map<Long, Set<String>> needs = new HashMap<>();
        for (StreetEstates row : registry) {
            first.putIfAbsent(row.streetId(), row);
            Set<String> need = needs.computeIfAbsent(row.streetId(), id -> new HashSet<>());
            String bucket = bucket(row.category().name(), separateByCategory);
            if ((!oldOnly || row.oldEstates()) && ranked.contains(bucket)) {
                need.add(bucket);
            }
        }
        List<Coverage.Street> population = first.values().stream()
                .map(r -> new Coverage.Street(r.streetId(), r.streetName(), r.districtId(), r.districtName(),
                        r.cityId(), r.cityName(), needs.get(r.streetId())))
                .toList();
        return Coverage.of(population, covered == null ? Map.of() : covered);
    }

    static String bucket(String category, boolean separateByCategory) {
        return separateByCategory ? category : Placing.ALL;
    }
}
