package cn.kaoping.voting.disclosure;

import cn.kaoping.organisation.EstateRef;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.Role;

/**
 * Who may do what with an estate's public accounts: the company that manages the estate publishes; the estate's
 * owners' committee confirms; the street office, residents' committee, district and city of the estate read (and are
 * told of a late statement); anyone reads the published pages on the public site. Outside scope: 404.
 */
public final class AccountsAccess {

    private AccountsAccess() {
    }

    /** Publishes the estate's disclosure and statements: the company (of the estate, checked on each write). */
    public static boolean publishes(KaopingPrincipal p) {
        return p.role() == Role.COMPANY_USER;
    }

    /** Confirms them: the owners' committee (of the estate, checked on each write). */
    public static boolean confirms(KaopingPrincipal p) {
        return p.role() == Role.COMMITTEE_MEMBER;
    }

    static boolean sees(KaopingPrincipal p, EstateRef e) {
        return switch (p.role()) {
            case COMPANY_USER -> p.companyId() != null && p.companyId().equals(e.companyId());
            case COMMITTEE_MEMBER -> p.estateId() != null && p.estateId() == e.id();
            case CITY_ADMIN, DISTRICT_ADMIN, DISTRICT_DEPT, STREET_OFFICER, COMMUNITY_STAFF -> p.covers(e.regionPath());
            default -> false;
        };
    }

    static void requireSees(KaopingPrincipal p, EstateRef e) {
        if (!sees(p, e)) {
            throw new NotFoundException("小区不存在");
        }
    }

    static void requirePublishes(KaopingPrincipal p, EstateRef e) {
        requireSees(p, e);
        if (p.role() != Role.COMPANY_USER) {
            throw new ForbiddenException("三公开信息由为小区提供服务的物业服务企业公布");
        }
    }

    static void requireConfirms(KaopingPrincipal p, EstateRef e) {
        requireSees(p, e);
        if (p.role() != Role.COMMITTEE_MEMBER) {
            throw new ForbiddenException("由小区业主委员会确认");
        }
    }
}
