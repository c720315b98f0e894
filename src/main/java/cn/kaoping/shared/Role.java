package cn.kaoping.shared;

/** The roles of SPEC "Who uses it"; each user holds exactly one, bound to one node of the region tree. */
public enum Role {
    SYSTEM_ADMIN,
    CITY_ADMIN,
    DISTRICT_ADMIN,
    DISTRICT_DEPT,
    STREET_OFFICER,
    COMMUNITY_STAFF,
    COMPANY_USER,
    COMMITTEE_MEMBER,
    ASSOCIATION,
    EXPERT;

    /** Roles whose scope is a subtree of the region tree (the others are bound to a company or an estate). */
    public boolean isRegional() {
        return this != COMPANY_USER && this != COMMITTEE_MEMBER;
    }

    /**
     * Does this role read the figures of the region it is bound to (complaints, late statements): the street office,
     * the residents' committee, the district and the city, not the association or an expert (their region is the
     * city's, but they assess, they do not supervise)?
     */
    public boolean readsRegionFigures() {
        return isRegional() && this != ASSOCIATION && this != EXPERT;
    }

    /** May this role maintain the estate and household registry within its scope? */
    public boolean maintainsEstates() {
        return this == SYSTEM_ADMIN || this == CITY_ADMIN || this == DISTRICT_ADMIN || this == STREET_OFFICER;
    }

    /** May this role maintain companies, project managers and the region tree within its scope? */
    public boolean maintainsRegistry() {
        return this == SYSTEM_ADMIN || this == CITY_ADMIN || this == DISTRICT_ADMIN;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
