package cn.kaoping.ranking.publication;

import java.time.OffsetDateTime;
import cn.kaoping.ranking.ScopeView;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The districts and categories present in a ranking, for the filters, and what the ranking and each district's view
 * of it are about (issue 19: a street ranking is shown as one), as of the ranking's last computation.
 *
 * @param computedAt when the ranking was computed; a newer computation makes these stale
 * @param whole      the ranking's own region and the places it can show
 * @param views      each district's view
 */
record Facets(long rankingId, OffsetDateTime computedAt, List<District> districts, List<String> categories,
              ScopeView whole, Map<Long, ScopeView> views) {

    /** The view of one district, or of the ranking's own region when the district is null. */
    ScopeView view(District district) {
        return district == null ? whole : views.getOrDefault(district.id(), whole);
    }

    /** A district by its region code (QH-HD) or, for old links, its id. */
    Optional<District> district(String codeOrId) {
        return districts.stream().filter(d -> d.code().equalsIgnoreCase(codeOrId)
                || Long.toString(d.id()).equals(codeOrId)).findFirst();
    }

    Optional<District> district(long id) {
        return districts.stream().filter(d -> d.id() == id).findFirst();
    }

    /** A district of the ranking: its registry id, region code and name. */
    record District(long id, String code, String name) {
    }
}
