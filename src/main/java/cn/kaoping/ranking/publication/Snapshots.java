package cn.kaoping.ranking.publication;

import cn.kaoping.organisation.EstateCategory;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.ranking.EntryFilter;
import cn.kaoping.ranking.RankingEntry;
import cn.kaoping.ranking.RankingSummary;
import cn.kaoping.ranking.Rankings;
import cn.kaoping.ranking.ScopeView;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Published rankings held in memory for the public site, read once per computation through the {@link Rankings}
 * facade and in its order. A published ranking only changes when it is recomputed, and every request checks the
 * ranking's {@code computedAt} first (one indexed lookup), so a recomputed ranking is read again on the next
 * request, on every instance. Why: a city of 20,000 estates sorted per page request (the city order has no index)
 * and searched with {@code ILIKE} costs 10–40 ms of database time per request, which at 32 concurrent visitors on
 * two cores puts the page far above its aim (p99 under 100 ms); see docs/benchmarks/public.md.
 */
@Component
class Snapshots {

    /**
     * At most this many entries are held (about 340 bytes each by class histogram, so about 85 MB): a dozen rankings
     * of a city of 20,000 estates.
     */
    static final int MAX_ENTRIES = 250_000;

    private final Rankings rankings;
    private final OrganisationDirectory directory;
    private final LinkedHashMap<Long, Snapshot> held = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<Long, Object> loading = new ConcurrentHashMap<>();

    Snapshots(Rankings rankings, OrganisationDirectory directory) {
        this.rankings = rankings;
        this.directory = directory;
    }

    /** The entries of a ranking as of its last computation. */
    Snapshot of(RankingSummary r) {
        Snapshot s = fresh(r);
        if (s != null) {
            return s;
        }
        // one visitor reads a new computation; the others wait for it instead of reading it too
        synchronized (loading.computeIfAbsent(r.id(), id -> new Object())) {
            s = fresh(r);
            if (s == null) {
                s = load(r);
                keep(s);
            }
            return s;
        }
    }

    private Snapshot fresh(RankingSummary r) {
        synchronized (held) {
            Snapshot s = held.get(r.id());
            return s != null && s.computedAt().isEqual(r.computedAt()) ? s : null;
        }
    }

    private void keep(Snapshot s) {
        synchronized (held) {
            held.put(s.rankingId(), s);
            int total = held.values().stream().mapToInt(Snapshot::size).sum();
            Iterator<Snapshot> eldest = held.values().iterator();
            while (total > MAX_ENTRIES && held.size() > 1 && eldest.hasNext()) {
                Snapshot old = eldest.next();
                if (old != s) {
                    total -= old.size();
                    eldest.remove();
                }
            }
        }
    }

    private Snapshot load(RankingSummary r) {
        Canon canon = new Canon();
        List<Held> city = rankings.entries(r.id(), EntryFilter.all()).stream().map(canon::entry).map(Held::of)
                .toList();
        Map<Long, Held> byEstate = new HashMap<>();
        city.forEach(h -> byEstate.put(h.entry().estateId(), h));
        List<Facets.District> districts = new ArrayList<>();
        Map<Long, List<Held>> byDistrict = new HashMap<>();
        Map<Long, ScopeView> views = new HashMap<>();
        rankings.districts(r.id()).forEach((id, name) -> {
            views.put(id, rankings.view(r.id(), EntryFilter.district(id, null)));
            districts.add(new Facets.District(id, directory.region(id).map(RegionRef::code)
                    .orElse(Long.toString(id)), name));
            // the facade's order within a district (by district place), over the same entry objects
            byDistrict.put(id, rankings.entries(r.id(), EntryFilter.district(id, null)).stream()
                    .map(e -> byEstate.getOrDefault(e.estateId(), Held.of(canon.entry(e)))).toList());
        });
        List<String> categories = new ArrayList<>(rankings.categories(r.id()));
        // professional estates first, as the seeds list them (专业化, then 保障型)
        categories.sort((a, b) -> Integer.compare(order(a), order(b)));
        Facets facets = new Facets(r.id(), r.computedAt(), List.copyOf(districts), List.copyOf(categories),
                rankings.view(r.id(), EntryFilter.all()), Map.copyOf(views));
        return new Snapshot(r.id(), r.computedAt(), city, byDistrict, facets);
    }

    private static int order(String category) {
        return EstateCategory.PROFESSIONAL.name().equals(category) ? 0 : 1;
    }

    /**
     * A ranking's entries in the facade's two orders: by the places the ranking's view shows and, per district, by
     * those its district view shows (each then by category, estate name and id; unranked last). Lists per district and category are made on first use.
     */
    static final class Snapshot {

        private final long rankingId;
        private final OffsetDateTime computedAt;
        private final List<Held> city;
        private final Map<Long, List<Held>> byDistrict;
        private final Facets facets;
        private final Map<String, List<Held>> lists = new ConcurrentHashMap<>();

        Snapshot(long rankingId, OffsetDateTime computedAt, List<Held> city, Map<Long, List<Held>> byDistrict,
                 Facets facets) {
            this.rankingId = rankingId;
            this.computedAt = computedAt;
            this.city = city;
            this.byDistrict = byDistrict;
            this.facets = facets;
        }

        long rankingId() {
            return rankingId;
        }

        OffsetDateTime computedAt() {
            return computedAt;
        }

        Facets facets() {
            return facets;
        }

        int size() {
            return city.size();
        }

        /** The entries a query asks for, in place order; the same rows as {@code Rankings.entries}. */
        List<RankingEntry> select(PublicQuery q) {
            Long district = q.district() == null ? null : q.district().id();
            List<Held> base = lists.computeIfAbsent(district + "|" + q.category(), k -> {
                List<Held> scope = district == null ? city : byDistrict.getOrDefault(district, List.of());
                return q.category() == null ? scope
                        : scope.stream().filter(h -> h.entry().category().equals(q.category())).toList();
            });
            if (q.text() == null) {
                return new EntryList(base);
            }
            // ILIKE '%text%' on the estate's or the company's name, as the facade searches
            String text = q.text().toLowerCase(Locale.ROOT);
            List<Held> found = new ArrayList<>();
            for (Held h : base) {
                if (h.estate().contains(text) || h.company().contains(text)) {
                    found.add(h);
                }
            }
            return new EntryList(found);
        }
    }

    /** An entry with its estate's and company's names in lower case, for search. */
    record Held(RankingEntry entry, String estate, String company) {

        static Held of(RankingEntry e) {
            return new Held(e, e.estateName().toLowerCase(Locale.ROOT),
                    e.companyName() == null ? "" : e.companyName().toLowerCase(Locale.ROOT));
        }
    }

    /** The entries of held items, without copying them. */
    private static final class EntryList extends java.util.AbstractList<RankingEntry>
            implements java.util.RandomAccess {
        private final List<Held> held;

        EntryList(List<Held> held) {
            this.held = held;
        }

        @Override
        public RankingEntry get(int index) {
            return held.get(index).entry();
        }

        @Override
        public int size() {
            return held.size();
        }
    }

    /** One copy of each repeated name and list, so a held ranking costs about 340 bytes per estate. */
    private static final class Canon {
        private final Map<Object, Object> seen = new HashMap<>();

        @SuppressWarnings("unchecked")
        private <T> T one(T value) {
            return value == null ? null : (T) seen.computeIfAbsent(value, Function.identity());
        }

        RankingEntry entry(RankingEntry e) {
            return e.toBuilder().category(one(e.category())).companyName(one(e.companyName()))
                    .streetName(one(e.streetName())).districtName(one(e.districtName())).cityName(one(e.cityName()))
                    .regionPath(one(e.regionPath())).grade(one(e.grade())).gradeLabel(one(e.gradeLabel()))
                    .periodsUsed(one(e.periodsUsed())).periodsMissing(one(e.periodsMissing())).build();
        }
    }
}
