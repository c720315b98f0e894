package cn.kaoping.credit.internal;

import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;
import java.util.Optional;

/**
 * Who may do what with credit files: the one place the module's role rules live. Screens ask it to show a button,
 * the API and the use cases ask it again before they act; the region (which companies) is {@link
 * CreditService#companiesInScope}'s.
 */
public final class CreditAccess {

    private CreditAccess() {
    }

    /** A company user reads its own company's file only: the company, or empty for everyone else. */
    public static Optional<Long> ownCompany(KaopingPrincipal p) {
        return p.role() == Role.COMPANY_USER && p.companyId() != null ? Optional.of(p.companyId()) : Optional.empty();
    }

    /** Lists of companies and their scores: staff of a region (their region's companies). */
    public static boolean mayList(KaopingPrincipal p) {
        return p.role().isRegional();
    }

    /** Manual records and their evidence: street officers and district administrators. */
    public static boolean mayEnter(KaopingPrincipal p) {
        return p.role() == Role.STREET_OFFICER || p.role() == Role.DISTRICT_ADMIN;
    }

    /** A dispute (异议) is raised by the company the record is about. */
    public static boolean mayContest(KaopingPrincipal p) {
        return p.role() == Role.COMPANY_USER;
    }

    /** A dispute is decided by the district's housing authority (区房产主管部门). */
    public static boolean mayDecide(KaopingPrincipal p) {
        return p.role() == Role.DISTRICT_ADMIN;
    }

    /**
     * The year's credit ranking is computed city-wide (every district and the city in one go, compared with the
     * stored years around it), so by the city's administrators and the system administrator.
     */
    public static boolean mayCompute(KaopingPrincipal p) {
        return p.role() == Role.CITY_ADMIN || p.role() == Role.SYSTEM_ADMIN;
    }

    /** The street office signs the 失信信息告知单 it prints; everyone else prints the district's name. */
    public static boolean signsAsStreet(KaopingPrincipal p) {
        return p.role() == Role.STREET_OFFICER && p.regionId() != null;
    }
}
