package cn.kaoping.organisation;

/** A node of the region tree as other modules see it. */
public record RegionRef(long id, Long parentId, RegionLevel level, String code, String name, String path) {
}
