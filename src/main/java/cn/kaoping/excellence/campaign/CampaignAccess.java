package cn.kaoping.excellence.campaign;

import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;

/**
 * Who does what in a re-evaluation campaign (seed 002 二: 市协会统一负责…; 区协会具体负责…). The city association
 * (an ASSOCIATION user at the campaign's region) runs it: vetoes, panels, 公示, objections, publication; a district
 * association (an ASSOCIATION user below) confirms its district's list, adds early re-evaluations, records publicity
 * and satisfaction; the company of an estate applies; its owners' committee endorses; its residents' committee
 * scores; an expert sees only the estates it sits on; the city and district authorities read their region.
 */
public final class CampaignAccess {

    private CampaignAccess() {
    }

    /** The city's property management association, which runs the campaigns. */
    public static boolean association(KaopingPrincipal p) {
        return p.role() == Role.ASSOCIATION;
    }

    /** Sees every expert's score of an entry: the association and the authorities, never an expert (no anchoring). */
    public static boolean seesPanel(KaopingPrincipal p) {
        return p.role() == Role.ASSOCIATION || p.role() == Role.CITY_ADMIN || p.role() == Role.DISTRICT_ADMIN;
    }

    public static boolean runs(KaopingPrincipal p, HonourStore.Campaign c) {
        return p.role() == Role.ASSOCIATION && p.regionPath() != null && p.regionPath().equals(c.regionPath());
    }

    public static boolean seesCampaign(KaopingPrincipal p, HonourStore.Campaign c) {
        return switch (p.role()) {
            case ASSOCIATION, CITY_ADMIN, DISTRICT_ADMIN -> p.regionPath() != null
                    && (p.regionPath().startsWith(c.regionPath()) || c.regionPath().startsWith(p.regionPath()));
            case EXPERT, COMPANY_USER, COMMITTEE_MEMBER, COMMUNITY_STAFF -> true;
            default -> false;
        };
    }

    /** Whether the principal sees an entry (an expert only where it sits: checked by the caller with its seats). */
    public static boolean seesEntry(KaopingPrincipal p, HonourStore.Campaign c, HonourStore.Entry e,
                                    boolean seated) {
        return switch (p.role()) {
            case ASSOCIATION, CITY_ADMIN, DISTRICT_ADMIN -> seesCampaign(p, c) && p.covers(e.estatePath());
            case EXPERT -> seated;
            case COMPANY_USER -> p.companyId() != null && p.companyId().equals(e.companyId());
            case COMMITTEE_MEMBER -> p.estateId() != null && p.estateId() == e.honour().estateId();
            case COMMUNITY_STAFF -> p.covers(e.estatePath());
            default -> false;
        };
    }

    /** A district association (or the city one) for the entry's estate. */
    public static boolean districtAssociation(KaopingPrincipal p, HonourStore.Entry e) {
        return p.role() == Role.ASSOCIATION && p.covers(e.estatePath());
    }
}
