package cn.kaoping.ranking.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which regions the published rounds of one scheme and period covered whole (issue 19: rankings at the scope
 * assessed). A street counts as covered when a published round scored its estates in every bucket (category ranked
 * apart, or all estates) the street holds and the ranking ranks; a district when all such streets of it are, the
 * city when all such streets of the city are. A ranking places estates in a district or the city only where that
 * region is covered whole, and it is about the narrowest region holding every estate it ranks ({@link #scope()}).
 */
public final class Coverage {

    /** The levels of the region tree a ranking can be about. */
    public enum Level {
        CITY, DISTRICT, STREET
    }

    /**
     * A street office of the registry and the buckets it must be assessed in for a region holding it to count as
     * covered (empty: it holds no estate the ranking ranks, so nothing is missing there).
     */
    public record Street(long id, String name, long districtId, String districtName, long cityId, String cityName,
                         Set<String> buckets) {

        public Street {
            buckets = Set.copyOf(buckets);
        }
    }

    /**
     * A region and whether the rounds covered it whole: how many of its streets that must be assessed were, and the
     * names of those that were not (at city level prefixed with their district: "河西区朝阳街道").
     */
    public record Region(Level level, long id, String name, boolean complete, int streetsCovered, int streetsNeeded,
                         List<String> missingStreets) {

        public Region {
            missingStreets = List.copyOf(missingStreets);
        }
    }

    private final Map<Long, Region> districts;
    private final Map<Long, Region> cities;
    private final Region scope;

    private Coverage(Map<Long, Region> districts, Map<Long, Region> cities, Region scope) {
        this.districts = districts;
        this.cities = cities;
        this.scope = scope;
    }

    /**
     * @param streets every street office of the registry that holds estates, with the buckets it must be assessed in
     * @param covered street id → the buckets in which published rounds scored estates of that street
     */
    public static Coverage of(Collection<Street> streets, Map<Long, Set<String>> covered) {
        Map<Long, Street> byId = new LinkedHashMap<>();
        streets.forEach(s -> byId.put(s.id(), s));
        List<Street> assessed = byId.values().stream()
                .filter(s -> !covered.getOrDefault(s.id(), Set.of()).isEmpty()).toList();
        Map<Long, Region> districts = new LinkedHashMap<>();
        Map<Long, Region> cities = new LinkedHashMap<>();
        for (Street s : assessed) {
            districts.computeIfAbsent(s.districtId(), id -> region(Level.DISTRICT, id, s.districtName(),
                    byId.values().stream().filter(x -> x.districtId() == id).toList(), covered, false));
            cities.computeIfAbsent(s.cityId(), id -> region(Level.CITY, id, s.cityName(),
                    byId.values().stream().filter(x -> x.cityId() == id).toList(), covered, true));
        }
        return new Coverage(districts, cities, scope(assessed, districts, cities));
    }

    private static Region region(Level level, long id, String name, List<Street> streets,
                                 Map<Long, Set<String>> covered, boolean nameDistricts) {
        int needed = 0;
        int done = 0;
        List<String> missing = new ArrayList<>();
        for (Street s : streets) {
            if (s.buckets().isEmpty()) {
                continue;
            }
            needed++;
            if (covered.getOrDefault(s.id(), Set.of()).containsAll(s.buckets())) {
                done++;
            } else {
                missing.add(nameDistricts ? s.districtName() + s.name() : s.name());
            }
        }
        return new Region(level, id, name, missing.isEmpty(), done, needed, missing);
    }

    private static Region scope(List<Street> assessed, Map<Long, Region> districts, Map<Long, Region> cities) {
        if (assessed.isEmpty()) {
            return new Region(Level.CITY, 0, "", false, 0, 0, List.of());
        }
        Street first = assessed.get(0);
        if (assessed.stream().allMatch(s -> s.id() == first.id())) {
            return new Region(Level.STREET, first.id(), first.name(), true, 1, 1, List.of());
        }
        if (districts.size() == 1) {
            return districts.get(first.districtId());
        }
        return cities.get(first.cityId());
    }

    /** The narrowest region holding every street assessed: what the ranking is about and is labelled with. */
    public Region scope() {
        return scope;
    }

    /** The districts that hold an assessed street, in the order their streets were given. */
    public List<Region> districts() {
        return List.copyOf(districts.values());
    }

    /** The city (or cities) holding an assessed street. */
    public List<Region> cities() {
        return List.copyOf(cities.values());
    }

    public boolean districtComplete(long districtId) {
        Region r = districts.get(districtId);
        return r != null && r.complete();
    }

    public boolean cityComplete(long cityId) {
        Region r = cities.get(cityId);
        return r != null && r.complete();
    }
}
