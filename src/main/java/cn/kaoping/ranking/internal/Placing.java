package cn.kaoping.ranking.internal;

import cn.kaoping.ranking.ListedEstate;
import cn.kaoping.ranking.RankingEntry;
import cn.kaoping.ranking.RankingScope;
import cn.kaoping.ranking.rules.Coverage;
import cn.kaoping.ranking.rules.Ranked;
import cn.kaoping.ranking.rules.Standings;
import cn.kaoping.scheme.engine.GradeBand;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Places contenders in a ranking: competition ranks ({@link Standings}) within each street, and within a district or
 * the city only where the published rounds covered that region whole ({@link Coverage}; issue 19: a street round is
 * not a city ranking), per category when the scheme ranks categories apart; and the top and bottom N of each
 * district covered whole. Plain Java, no persistence.
 */
final class Placing {

    static final String ALL = "ALL";

    private Placing() {
    }

    /** A district-and-category group: its key, its ranked estates best first, and its top and bottom lists. */
    record Group(long districtId, String districtName, String category, List<ListedEstate> top,
                 List<ListedEstate> bottom) {
    }

    /** The placed entries, each estate's naming round ({@link Contender#sourceRound()}), and the lists. */
    record Result(List<RankingEntry> entries, Map<Long, Long> sources, List<Group> groups) {
    }

    static Result place(long rankingId, List<Contender> contenders, boolean separateByCategory, int listSize,
                        Coverage coverage) {
        Function<Contender, String> bucket = c -> separateByCategory ? c.category() : ALL;
        Map<Long, Contender> byId = new HashMap<>();
        contenders.forEach(c -> byId.put(c.estateId(), c));
        List<Contender> inCities = contenders.stream().filter(c -> coverage.cityComplete(c.cityId())).toList();
        List<Contender> inDistricts = contenders.stream().filter(c -> coverage.districtComplete(c.districtId()))
                .toList();
        Map<Long, Place> city = places(rank(inCities, c -> new Scope(c.cityId(), bucket.apply(c))), inCities);
        Map<Scope, Standing> districts = rank(inDistricts, c -> new Scope(c.districtId(), bucket.apply(c)));
        Map<Long, Place> district = places(districts, inDistricts);
        Map<Long, Place> street = places(rank(contenders, c -> new Scope(c.streetId(), bucket.apply(c))), contenders);
        List<RankingEntry> entries = new ArrayList<>(contenders.size());
        Map<Long, Long> sources = new HashMap<>();
        for (Contender c : contenders) {
            sources.put(c.estateId(), c.sourceRound());
            Place pc = city.getOrDefault(c.estateId(), Place.NONE);
            Place pd = district.getOrDefault(c.estateId(), Place.NONE);
            Place ps = street.get(c.estateId());
            entries.add(c.entry(rankingId).place(RankingScope.CITY, pc.rank(), pc.tied(), pc.peers())
                    .place(RankingScope.DISTRICT, pd.rank(), pd.tied(), pd.peers())
                    .place(RankingScope.STREET, ps.rank(), ps.tied(), ps.peers()).build());
        }
        return new Result(entries, sources, groups(districts, byId, listSize));
    }

    /** A region (city, district or street) and category bucket in which estates are placed. */
    private record Scope(long regionId, String bucket) {
    }

    /** An estate's place in its scope: rank and tie ({@code null}/false when unranked), and how many were ranked. */
    private record Place(Integer rank, boolean tied, int peers) {
        /** No place: the estate's district or city was not covered whole. */
        static final Place NONE = new Place(null, false, 0);
    }

    /** The estates of one scope and their competition ranks, best first (unranked estates are not in it). */
    private record Standing(List<Contender> members, List<Ranked<Long>> ranked) {
    }

    private static Map<Scope, Standing> rank(List<Contender> contenders, Function<Contender, Scope> scope) {
        Map<Scope, List<Contender>> partitions = new HashMap<>();
        contenders.forEach(c -> partitions.computeIfAbsent(scope.apply(c), k -> new ArrayList<>()).add(c));
        Map<Scope, Standing> result = new HashMap<>();
        partitions.forEach((key, members) -> result.put(key,
                new Standing(members, Standings.rank(scores(members), Comparator.naturalOrder()))));
        return result;
    }

    private static Map<Long, Place> places(Map<Scope, Standing> standings, List<Contender> contenders) {
        Map<Long, Place> result = new HashMap<>(contenders.size() * 2);
        for (Standing s : standings.values()) {
            int peers = s.ranked().size();
            s.ranked().forEach(r -> result.put(r.key(), new Place(r.rank(), r.tied(), peers)));
            s.members().forEach(c -> result.putIfAbsent(c.estateId(), new Place(null, false, peers)));
        }
        return result;
    }

    /**
     * The top and bottom lists of each district and category that has ranked estates, in district order: only
     * districts covered whole are ranked at all, so a street round announces no list (seed 000's 排名后10名 is among
     * the district's estates).
     */
    private static List<Group> groups(Map<Scope, Standing> districts, Map<Long, Contender> byId, int listSize) {
        List<Group> groups = new ArrayList<>();
        districts.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparingLong(Scope::regionId).thenComparing(Scope::bucket)))
                .forEach(e -> {
                    List<Ranked<Long>> ranked = e.getValue().ranked();
                    if (ranked.isEmpty()) {
                        return;
                    }
                    Contender first = e.getValue().members().get(0);
                    groups.add(new Group(first.districtId(), first.districtName(), e.getKey().bucket(),
                            listed(Standings.top(ranked, listSize), byId),
                            listed(Standings.bottom(ranked, listSize), byId)));
                });
        return groups;
    }

    private static Map<Long, BigDecimal> scores(List<Contender> members) {
        Map<Long, BigDecimal> scores = new HashMap<>();
        members.stream().filter(c -> c.score() != null).forEach(c -> scores.put(c.estateId(), c.score()));
        return scores;
    }

    private static List<ListedEstate> listed(List<Ranked<Long>> ranked, Map<Long, Contender> byId) {
        return ranked.stream().map(r -> {
            Contender c = byId.get(r.key());
            return new ListedEstate(c.estateId(), c.estateName(), c.companyId(), c.companyName(), c.streetId(),
                    c.streetName(), r.score(), r.rank());
        }).toList();
    }

    /** The grade band a score reaches, or empty without a score or bands. */
    static Optional<GradeBand> grade(BigDecimal score, List<GradeBand> bands) {
        return score == null ? Optional.empty() : GradeBand.reachedBy(bands, score);
    }
}
