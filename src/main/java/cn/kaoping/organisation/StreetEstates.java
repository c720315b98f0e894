package cn.kaoping.organisation;

/**
 * How many estates of one category (old or not) a street office holds, with its district and city: what a ranking
 * needs to know whether published rounds covered a district or the city whole.
 */
public record StreetEstates(long streetId, String streetName, long districtId, String districtName, long cityId,
                            String cityName, EstateCategory category, boolean oldEstates, int estates) {
}
