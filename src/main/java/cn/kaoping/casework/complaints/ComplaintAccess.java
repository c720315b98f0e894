package cn.kaoping.casework.complaints;

import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.Role;

/**
 * Who may do what with a complaint: the street office of the estate (and its residents' committee) files, signs,
 * assigns, pushes back and closes; the company it was assigned to reads and answers it; the district and the city
 * read their region. Anyone else, or outside scope: 404.
 */
public final class ComplaintAccess {

    private ComplaintAccess() {
    }

    static boolean sees(KaopingPrincipal p, ComplaintStore.Row r) {
        if (p.role() == Role.COMPANY_USER) {
            return p.companyId() != null && p.companyId().equals(r.complaint().assigneeCompanyId());
        }
        return (p.role() == Role.CITY_ADMIN || p.role() == Role.DISTRICT_ADMIN || p.role() == Role.DISTRICT_DEPT
                || p.role() == Role.STREET_OFFICER || p.role() == Role.COMMUNITY_STAFF) && p.covers(r.estatePath());
    }

    static void requireSees(KaopingPrincipal p, ComplaintStore.Row r) {
        if (!sees(p, r)) {
            throw new NotFoundException("工单不存在");
        }
    }

    /** Filing, signing, assigning, pushing back and closing: the street office of the estate. */
    static void requireHandles(KaopingPrincipal p, ComplaintStore.Row r) {
        requireSees(p, r);
        if (!handles(p)) {
            throw new ForbiddenException("工单由小区所在街道办事处签收、派单和办结");
        }
    }

    public static boolean handles(KaopingPrincipal p) {
        return p.role() == Role.STREET_OFFICER || p.role() == Role.COMMUNITY_STAFF;
    }

    /** Imports the hotline's work orders: the street office, the district and the city. */
    public static boolean imports(KaopingPrincipal p) {
        return p.role() == Role.STREET_OFFICER || p.role() == Role.DISTRICT_ADMIN || p.role() == Role.CITY_ADMIN;
    }

    /** Answers the order: the company it was assigned to, or the street for a department it was assigned to. */
    public static boolean answers(KaopingPrincipal p, ComplaintStore.Row r) {
        return p.role() == Role.COMPANY_USER || (handles(p) && r.complaint().assigneeDepartment() != null);
    }

    static void requireAnswers(KaopingPrincipal p, ComplaintStore.Row r) {
        requireSees(p, r);
        if (!answers(p, r)) {
            throw new ForbiddenException("由承办的物业服务企业或部门答复");
        }
    }
}
