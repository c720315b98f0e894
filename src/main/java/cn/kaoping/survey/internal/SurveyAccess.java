package cn.kaoping.survey.internal;

import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;
import java.util.Set;

/**
 * Who sees and does what with surveys. A survey is visible to regional users whose scope holds at least one of its
 * estates, and they see only those estates; company users and committee members see none. Street offices, districts
 * and the city open surveys, and the unit that opened one or a unit above it closes it; residents' committees also
 * print slips and posters, key in paper forms and void responses for the estates in their scope.
 */
public final class SurveyAccess {

    /** Roles that open and close surveys (SPEC: street offices run surveys; districts and the city lead). */
    private static final Set<Role> ORGANISERS = Set.of(Role.SYSTEM_ADMIN, Role.CITY_ADMIN, Role.DISTRICT_ADMIN,
            Role.STREET_OFFICER);
    /** Roles that print slips and posters, key in paper forms and void responses for estates in their scope. */
    private static final Set<Role> HELPERS = Set.of(Role.SYSTEM_ADMIN, Role.CITY_ADMIN, Role.DISTRICT_ADMIN,
            Role.STREET_OFFICER, Role.COMMUNITY_STAFF);
    /** Roles whose first screen lists their surveys still below the participation threshold. */
    private static final Set<Role> COLLECTORS = Set.of(Role.STREET_OFFICER, Role.COMMUNITY_STAFF,
            Role.DISTRICT_ADMIN, Role.CITY_ADMIN);

    private SurveyAccess() {
    }

    /** Opens surveys (and closes those of its region). */
    public static boolean organises(KaopingPrincipal p) {
        return ORGANISERS.contains(p.role());
    }

    /** Issues codes, prints posters, keys in paper forms and voids responses for the estates in its scope. */
    public static boolean helps(KaopingPrincipal p) {
        return HELPERS.contains(p.role());
    }

    /** Is reminded of its estates still below the participation threshold. */
    static boolean collects(KaopingPrincipal p) {
        return COLLECTORS.contains(p.role());
    }

    /** The region paths whose estates the principal sees, as a {@code LIKE} pattern. */
    static String scope(KaopingPrincipal p) {
        // company users and committee members do not see surveys: a path no estate has
        return p.role().isRegional() ? p.regionPath() + "%" : "-";
    }

    /** Closes a survey opened at {@code surveyRegionPath}: an organiser of that region or of one above it. */
    static boolean closes(KaopingPrincipal p, String surveyRegionPath) {
        return organises(p) && p.role().isRegional() && surveyRegionPath.startsWith(p.regionPath());
    }

    /** Refuses with 403 and the message when the principal may not. */
    static void require(boolean allowed, String message) {
        if (!allowed) {
            throw new ForbiddenException(message);
        }
    }
}
