package cn.kaoping.organisation.internal;

import cn.kaoping.organisation.EstateCategory;

/** Filters of the estate list; all optional. {@code q} matches name or address. */
public record EstateFilter(String q, Long districtId, Long streetId, Long communityId, EstateCategory category,
                           Long companyId, Boolean oldEstate) {

    public static EstateFilter none() {
        return new EstateFilter(null, null, null, null, null, null, null);
    }
}
