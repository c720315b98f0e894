package cn.kaoping.organisation;

/** An estate as other modules see it: enough to scope, label and link it. */
public record EstateRef(long id, String name, String regionPath, EstateCategory category, boolean oldEstate,
                        Long companyId) {
}
