package cn.kaoping.ranking.dashboard;

import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionLevel;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.Role;
import java.util.List;
import java.util.Optional;

/**
 * Whose figures a dashboard shows: the city (a city admin, who may narrow it to one district), the user's district
 * (district admin and departments) or the user's street office (street officers). Every chart reads only the
 * estates, surveys and tasks under {@link #path()}.
 *
 * @param name      the region's name, shown as the dashboard's subject
 * @param districts the districts a city admin may pick (empty for everyone else)
 * @param district  the district picked, or null
 */
record DashboardScope(String path, String name, List<RegionRef> districts, Long district) {

    static DashboardScope of(KaopingPrincipal p, Long districtId, OrganisationDirectory directory) {
        switch (p.role()) {
            case CITY_ADMIN, DISTRICT_ADMIN, DISTRICT_DEPT, STREET_OFFICER -> {
            }
            default -> throw new ForbiddenException("您的角色不能查看统计看板");
        }
        RegionRef own = Optional.ofNullable(p.regionId()).flatMap(directory::region)
                .orElseThrow(() -> new NotFoundException("区域不存在"));
        List<RegionRef> districts = p.role() == Role.CITY_ADMIN
                ? directory.regions(RegionLevel.DISTRICT).stream().filter(d -> p.covers(d.path())).toList()
                : List.of();
        if (districtId == null || districtId.equals(own.id())) {
            return new DashboardScope(own.path(), own.name(), districts, null);
        }
        RegionRef district = districts.stream().filter(d -> d.id() == districtId).findFirst()
                .orElseThrow(() -> new NotFoundException("区域不存在"));
        return new DashboardScope(district.path(), district.name(), districts, district.id());
    }

    boolean covers(String regionPath) {
        return regionPath != null && regionPath.startsWith(path);
    }
}
