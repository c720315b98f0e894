package cn.kaoping.organisation.internal;

import cn.kaoping.organisation.EstateCategory;
import cn.kaoping.organisation.ManagementMode;
import java.math.BigDecimal;
import java.time.LocalDate;

/** An estate with the names of its regions, company and project manager, as lists and detail pages show it. */
public record EstateView(long id, String name, String address, long communityId, String communityName,
                         long streetId, String streetName, long districtId, String districtName,
                         EstateCategory category, boolean oldEstate, ManagementMode managementMode,
                         BigDecimal floorArea, int householdCount, Long companyId, String companyName,
                         Long projectManagerId, String projectManagerName, LocalDate contractStart,
                         boolean contractFiled, int version, String regionPath, long registeredHouseholds,
                         boolean hasCommittee) {

    public EstateForm toForm() {
        return EstateForm.builder().name(name).address(address).communityId(communityId).category(category)
                .oldEstate(oldEstate).managementMode(managementMode).floorArea(floorArea).householdCount(householdCount)
                .companyId(companyId).projectManagerId(projectManagerId).contractStart(contractStart)
                .contractFiled(contractFiled).version(version).build();
    }
}
