package cn.kaoping.rectification.internal;

import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Who sees and does what with notices. Officials (city, district admin and departments, street officers) see the
 * notices of estates under their region; a company user sees its company's issued notices; nobody else sees any.
 * A notice outside scope answers 404 like a missing one. The SQL conditions expect the alias {@code n}.
 */
public final class Access {

    private static final Set<Role> OFFICIALS = EnumSet.of(Role.SYSTEM_ADMIN, Role.CITY_ADMIN, Role.DISTRICT_ADMIN,
            Role.DISTRICT_DEPT, Role.STREET_OFFICER);

    private Access() {
    }

    static boolean sees(KaopingPrincipal p, Notice n) {
        if (p.role() == Role.COMPANY_USER) {
            return p.companyId() != null && p.companyId() == n.header().companyId() && n.status().visibleToCompany();
        }
        return OFFICIALS.contains(p.role()) && p.covers(n.header().estatePath());
    }

    /** SQL condition on {@code rectification_notice n} limiting notices to those the principal sees. */
    static Sql condition(KaopingPrincipal p) {
        if (p.role() == Role.COMPANY_USER) {
            return new Sql("n.company_id = :scopeCompany AND n.status NOT IN ('DRAFT', 'WITHDRAWN')",
                    Map.of("scopeCompany", p.companyId() == null ? -1L : p.companyId()));
        }
        if (OFFICIALS.contains(p.role())) {
            return new Sql("n.estate_path LIKE :scopePath", Map.of("scopePath", p.regionPath() + "%"));
        }
        return new Sql("FALSE", Map.of());
    }

    /** Drafts, issues and withdraws notices, raises them by hand: the street office and the district admin. */
    public static boolean issues(KaopingPrincipal p) {
        return p.role() == Role.STREET_OFFICER || p.role() == Role.DISTRICT_ADMIN;
    }

    /**
     * Records acceptance (seed 000: 由区房产主管部门牵头，会同街道与相关部门完成整改验收): the district admin leads,
     * district departments and the street office may record it as members of the joint inspection.
     */
    static boolean accepts(KaopingPrincipal p) {
        return p.role() == Role.DISTRICT_ADMIN || p.role() == Role.DISTRICT_DEPT || p.role() == Role.STREET_OFFICER;
    }

    /** Edits the district's notice template: the district admin. */
    public static boolean editsTemplate(KaopingPrincipal p) {
        return p.role() == Role.DISTRICT_ADMIN;
    }

    /** Reopens a closed notice: the district admin only. */
    static boolean reopens(KaopingPrincipal p) {
        return p.role() == Role.DISTRICT_ADMIN;
    }

    /** Answers and submits: the company the notice is addressed to. */
    static boolean answers(KaopingPrincipal p, Notice n) {
        return p.role() == Role.COMPANY_USER && p.companyId() != null && p.companyId() == n.header().companyId();
    }

    /** Whether the principal is an official who may read notices at all. */
    static boolean official(KaopingPrincipal p) {
        return OFFICIALS.contains(p.role());
    }

    record Sql(String sql, Map<String, Object> params) {
    }
}
