package cn.kaoping.ranking.internal;

import cn.kaoping.ranking.ListedEstate;
import cn.kaoping.ranking.RankingEntry;
import cn.kaoping.ranking.rules.Ranked;
import cn.kaoping.ranking.rules.Standings;
import cn.kaoping.scheme.engine.GradeBand;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Places contenders in a ranking: competition ranks ({@link Standings}) within the city, each district and each
 * street, per category when the scheme ranks categories apart, and the top and bottom N of each district. Plain
 * Java, no persistence.
 */
final class Placing {

    static final String ALL = "ALL";

    private Placing() {
    }

    /** A district-and-category group: its key, its ranked estates best first, and its top and bottom lists. */
    record Group(long districtId, String districtName, String category, List<ListedEstate> top,
                 List<ListedEstate> bottom) {
    }

    record Result(List<RankingEntry> entries, List<Group> groups) {
    }

    static Result place(long rankingId, List<Contender> contenders, boolean separateByCategory, int listSize) {
        Function<Contender, String> bucket = c -> separateByCategory ? c.category() : ALL;
        Map<Long, Contender> byId = new HashMap<>();
        contenders.forEach(c -> byId.put(c.estateId(), c));
        Map<Long, Ranked<Long>> city = ranks(contenders, c -> c.cityId() + "|" + bucket.apply(c));
        Map<Long, Ranked<Long>> district = ranks(contenders, c -> c.districtId() + "|" + bucket.apply(c));
        Map<Long, Ranked<Long>> street = ranks(contenders, c -> c.streetId() + "|" + bucket.apply(c));
        Map<String, Integer> peers = new HashMap<>();
        for (Contender c : contenders) {
            if (c.score() != null) {
                peers.merge("C" + c.cityId() + "|" + bucket.apply(c), 1, Integer::sum);
                peers.merge("D" + c.districtId() + "|" + bucket.apply(c), 1, Integer::sum);
                peers.merge("S" + c.streetId() + "|" + bucket.apply(c), 1, Integer::sum);
            }
        }
        List<RankingEntry> entries = new ArrayList<>(contenders.size());
        for (Contender c : contenders) {
            Ranked<Long> rc = city.get(c.estateId());
            Ranked<Long> rd = district.get(c.estateId());
            Ranked<Long> rs = street.get(c.estateId());
            String b = bucket.apply(c);
            entries.add(new RankingEntry(rankingId, c.estateId(), c.estateName(), c.category(), c.companyId(),
                    c.companyName(), c.streetId(), c.streetName(), c.districtId(), c.districtName(), c.cityId(),
                    c.cityName(), c.regionPath(), c.score(), c.grade(), c.gradeLabel(), rank(rc), rank(rd), rank(rs),
                    rc != null && rc.tied(), rd != null && rd.tied(), rs != null && rs.tied(),
                    peers.getOrDefault("C" + c.cityId() + "|" + b, 0),
                    peers.getOrDefault("D" + c.districtId() + "|" + b, 0),
                    peers.getOrDefault("S" + c.streetId() + "|" + b, 0), c.periodsUsed(), c.periodsMissing(),
                    c.satisfaction(), c.participation(), c.satisfactionValid()));
        }
        return new Result(entries, groups(contenders, bucket, byId, listSize));
    }

    private static List<Group> groups(List<Contender> contenders, Function<Contender, String> bucket,
                                      Map<Long, Contender> byId, int listSize) {
        Map<String, List<Contender>> partitions = new LinkedHashMap<>();
        contenders.stream().sorted(Comparator.comparing(Contender::districtId).thenComparing(bucket))
                .forEach(c -> partitions.computeIfAbsent(c.districtId() + "|" + bucket.apply(c), k -> new ArrayList<>())
                        .add(c));
        List<Group> groups = new ArrayList<>();
        for (List<Contender> members : partitions.values()) {
            List<Ranked<Long>> ranked = Standings.rank(scores(members), Comparator.naturalOrder());
            if (ranked.isEmpty()) {
                continue;
            }
            Contender first = members.get(0);
            groups.add(new Group(first.districtId(), first.districtName(), bucket.apply(first),
                    listed(Standings.top(ranked, listSize), byId), listed(Standings.bottom(ranked, listSize), byId)));
        }
        return groups;
    }

    private static Map<Long, Ranked<Long>> ranks(List<Contender> contenders, Function<Contender, String> scope) {
        Map<String, List<Contender>> partitions = new HashMap<>();
        contenders.forEach(c -> partitions.computeIfAbsent(scope.apply(c), k -> new ArrayList<>()).add(c));
        Map<Long, Ranked<Long>> result = new HashMap<>();
        for (List<Contender> members : partitions.values()) {
            Standings.rank(scores(members), Comparator.naturalOrder()).forEach(r -> result.put(r.key(), r));
        }
        return result;
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

    private static Integer rank(Ranked<Long> r) {
        return r == null ? null : r.rank();
    }

    /** The grade band a score reaches, or empty without a score or bands. */
    static Optional<GradeBand> grade(BigDecimal score, List<GradeBand> bands) {
        return score == null ? Optional.empty() : GradeBand.reachedBy(bands, score);
    }
}
