package cn.kaoping.ranking;

import cn.kaoping.inspection.EstateResult;
import cn.kaoping.inspection.Period;
import cn.kaoping.inspection.RoundId;
import cn.kaoping.inspection.RoundPublished;
import cn.kaoping.organisation.EstateCategory;
import cn.kaoping.organisation.EstateListing;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.ranking.internal.RankingService;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes round results straight to the ranking module, as {@code RoundPublished} would deliver them, so a test
 * gets rankings over real demo estates without running a whole round. Use a period of your own (a year no other
 * test uses): rankings are one per scheme and period in the shared test database.
 */
public final class RankingFixture {

    private static final AtomicLong ROUNDS = new AtomicLong(2_000_000_000L + System.nanoTime() % 1_000_000_000L);

    private RankingFixture() {
    }

    /**
     * The demo city's estates of a category under a region code (e.g. QH-HD, 河东区), taken from its streets in turn
     * (the first of each street by name, then the second of each …): any first k estates, k at least the number of
     * streets, cover every street, so a round of them covers the region whole and ranks it (issue 19).
     */
    public static List<EstateListing> estates(OrganisationDirectory directory, String regionCode,
                                              EstateCategory category) {
        String path = directory.regionByCode(regionCode).orElseThrow().path();
        Map<Long, List<EstateListing>> byStreet = new java.util.LinkedHashMap<>();
        directory.estatesUnder(path, null, category, false)
                .forEach(e -> byStreet.computeIfAbsent(e.streetId(), k -> new ArrayList<>()).add(e));
        List<EstateListing> interleaved = new ArrayList<>();
        for (int i = 0; interleaved.size() < byStreet.values().stream().mapToInt(List::size).sum(); i++) {
            for (List<EstateListing> street : byStreet.values()) {
                if (i < street.size()) {
                    interleaved.add(street.get(i));
                }
            }
        }
        return interleaved;
    }

    /** The estates of a category in one street office (e.g. QH-HD-DF, 东风街道), by name. */
    public static List<EstateListing> street(OrganisationDirectory directory, String streetCode,
                                             EstateCategory category) {
        String path = directory.regionByCode(streetCode).orElseThrow().path();
        return directory.estatesUnder(path, null, category, false);
    }

    /**
     * Publishes one round of {@code scheme} version 1 for {@code period} with the given totals (estate id → total)
     * and returns the rankings it recomputed (the round's period, and for a quarter its half-year and year).
     */
    public static List<RankingSummary> publish(RankingService rankings, String scheme, String period,
                                               Map<Long, BigDecimal> totals) {
        return publish(rankings, ROUNDS.incrementAndGet(), 1, null, scheme, period, totals);
    }

    /** The same, as a given revision of a given round (a correction needs a reason). */
    public static List<RankingSummary> publish(RankingService rankings, long roundId, int revision, String reason,
                                               String scheme, String period, Map<Long, BigDecimal> totals) {
        List<EstateResult> results = new ArrayList<>();
        totals.forEach((estate, total) -> results.add(new EstateResult(estate, "estate " + estate, null, 0, total,
                null, true)));
        return rankings.roundPublished(new RoundPublished(new RoundId(roundId), revision, reason,
                "0".repeat(64), scheme, 1, Period.parse(period), 0, results));
    }

    /**
     * The totals plus, for every street of the region (a region code: QH for the city, QH-HD for 河东区) holding estates
     * of a category the totals score but none of them scored, its last estate of that category by name at
     * {@code filler}: published together they cover the region whole, so it gets places and lists (issue 19). Pick a
     * filler score below the scores a test compares, and leave the filler estates out of exact lists with
     * {@link #fillers}.
     */
    public static Map<Long, BigDecimal> coveringWhole(OrganisationDirectory directory, String regionCode,
                                                      Map<Long, BigDecimal> totals, String filler) {
        Map<Long, BigDecimal> whole = new java.util.LinkedHashMap<>(totals);
        java.util.Set<EstateCategory> categories = new java.util.HashSet<>();
        directory.placements(totals.keySet()).forEach(p -> categories.add(p.category()));
        String path = directory.regionByCode(regionCode).orElseThrow().path();
        for (EstateCategory category : categories) {
            Map<Long, List<EstateListing>> byStreet = new java.util.LinkedHashMap<>();
            directory.estatesUnder(path, null, category, false)
                    .forEach(e -> byStreet.computeIfAbsent(e.streetId(), k -> new ArrayList<>()).add(e));
            byStreet.values().forEach(street -> {
                if (street.stream().noneMatch(e -> totals.containsKey(e.id()))) {
                    whole.put(street.get(street.size() - 1).id(), new BigDecimal(filler));
                }
            });
        }
        return whole;
    }

    /** The estates {@link #coveringWhole} added. */
    public static java.util.Set<Long> fillers(Map<Long, BigDecimal> whole, Map<Long, BigDecimal> totals) {
        java.util.Set<Long> added = new java.util.HashSet<>(whole.keySet());
        added.removeAll(totals.keySet());
        return added;
    }

    public static long nextRoundId() {
        return ROUNDS.incrementAndGet();
    }
}
