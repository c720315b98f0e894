package cn.kaoping.rectification;

import cn.kaoping.organisation.EstateListing;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;
import java.util.List;

/**
 * Estates and officers of the demo city for rectification tests: an estate of the demo company ({@code company_user})
 * and the street officer who may raise notices for it, and an estate of 东风街道 served by another company.
 */
public final class RectificationFixture {

    private RectificationFixture() {
    }

    /** An estate of company_user's company, preferring 东风街道. */
    public static EstateListing companyEstate(OrganisationDirectory directory) {
        long company = directory.firstCompanyId().orElseThrow();
        String city = directory.city().orElseThrow().path();
        List<EstateListing> all = directory.estatesUnder(city, null, null, false).stream()
                .filter(e -> Long.valueOf(company).equals(e.companyId())).toList();
        String df = directory.regionByCode("QH-HD-DF").orElseThrow().path();
        return all.stream().filter(e -> e.regionPath().startsWith(df)).findFirst().orElse(all.get(0));
    }

    /** The demo username of the street officer of an estate's street (street_df for 东风街道). */
    public static String officerOf(OrganisationDirectory directory, EstateListing estate) {
        String code = directory.region(estate.streetId()).orElseThrow().code();
        return "street_" + code.substring(code.lastIndexOf('-') + 1).toLowerCase();
    }

    /** The demo username of the district admin above an estate. */
    public static String districtAdminOf(OrganisationDirectory directory, EstateListing estate) {
        RegionRef street = directory.region(estate.streetId()).orElseThrow();
        String code = directory.region(street.parentId()).orElseThrow().code();
        return switch (code) {
            case "QH-HD" -> "hedong_admin";
            case "QH-HX" -> "hexi_admin";
            default -> "xingang_admin";
        };
    }

    /** An estate of 东风街道 served by a company other than company_user's. */
    public static EstateListing otherCompanyEstateInDongfeng(OrganisationDirectory directory) {
        long company = directory.firstCompanyId().orElseThrow();
        String df = directory.regionByCode("QH-HD-DF").orElseThrow().path();
        return directory.estatesUnder(df, null, null, false).stream()
                .filter(e -> e.companyId() != null && e.companyId() != company).findFirst().orElseThrow();
    }

    /** A principal as the account module would build it for a regional demo user. */
    public static KaopingPrincipal official(OrganisationDirectory directory, String username, Role role,
                                            String regionCode) {
        RegionRef r = directory.regionByCode(regionCode).orElseThrow();
        return new KaopingPrincipal(1, username, username, role, r.id(), r.path(), null, null);
    }

    public static KaopingPrincipal streetOfficerOf(OrganisationDirectory directory, EstateListing estate) {
        RegionRef street = directory.region(estate.streetId()).orElseThrow();
        return new KaopingPrincipal(1, officerOf(directory, estate), "街道 物业办", Role.STREET_OFFICER, street.id(),
                street.path(), null, null);
    }

    public static KaopingPrincipal districtAdminOfEstate(OrganisationDirectory directory, EstateListing estate) {
        RegionRef street = directory.region(estate.streetId()).orElseThrow();
        RegionRef district = directory.region(street.parentId()).orElseThrow();
        return new KaopingPrincipal(1, districtAdminOf(directory, estate), "区住建局", Role.DISTRICT_ADMIN,
                district.id(), district.path(), null, null);
    }

    public static KaopingPrincipal company(long companyId) {
        return new KaopingPrincipal(1, "company_user", "物业企业", Role.COMPANY_USER, null, null, companyId, null);
    }
}
