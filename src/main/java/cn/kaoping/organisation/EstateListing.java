package cn.kaoping.organisation;

/** An estate with its street office and company, as other modules copy it (e.g. into a round's tasks). */
public record EstateListing(long id, String name, String regionPath, long streetId, String streetName,
                            EstateCategory category, boolean oldEstate, Long companyId) {
}
