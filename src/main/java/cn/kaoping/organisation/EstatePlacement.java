package cn.kaoping.organisation;

/**
 * Where an estate sits and who serves it, with names, as a module copies it next to a result so the result can be
 * listed by city, district and street without asking the registry again.
 *
 * @param companyId the property company serving the estate now, or {@code null}
 */
public record EstatePlacement(long id, String name, String regionPath, EstateCategory category, boolean oldEstate,
                              long streetId, String streetName, long districtId, String districtName, long cityId,
                              String cityName, Long companyId, String companyName) {
}
