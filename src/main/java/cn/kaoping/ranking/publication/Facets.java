package cn.kaoping.ranking.publication;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The districts and categories present in a ranking, for the filters, as of the ranking's last computation.
 *
 * @param computedAt when the ranking was computed; a newer computation makes these stale
 */
record Facets(long rankingId, OffsetDateTime computedAt, List<District> districts, List<String> categories) {

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
