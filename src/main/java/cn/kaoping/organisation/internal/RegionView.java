package cn.kaoping.organisation.internal;

import cn.kaoping.organisation.RegionLevel;

/** A region with its counts, for the tree screen and the API. */
public record RegionView(long id, Long parentId, RegionLevel level, String code, String name, String path,
                         int depth, long estates) {
}
