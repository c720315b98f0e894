package cn.kaoping.streetassessment.year;

import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;

import java.util.Map;

/**
 * Who may do what in a street-assessment year (issue 15). The district admin (区住建局, also the 考核办公室) opens the
 * year, assigns departments, reviews the rows of its own and of unassigned departments, decides objections and
 * publishes quarters; a district department user reviews and records on the rows of the department it is assigned
 * to; a street office sees and submits for itself only; the city reads every district. Anyone else, or outside the
 * region, does not see the year at all (404).
 */
public final class AssessmentAccess {

    /** The department of the district admin itself (the seed's 区住建局). */
    public static final String HOUSING_BUREAU = "区住建局";

    private AssessmentAccess() {
    }

    /** Opens a year of assessment for its streets: the district admin. */
    public static boolean opensYears(KaopingPrincipal p) {
        return p.role() == Role.DISTRICT_ADMIN;
    }

    /** Reads street assessments at all (each year then by its region): the city, district, its departments, streets. */
    public static boolean readsAssessments(KaopingPrincipal p) {
        return p.role() == Role.CITY_ADMIN || p.role() == Role.DISTRICT_ADMIN || p.role() == Role.DISTRICT_DEPT
                || p.role() == Role.STREET_OFFICER;
    }

    public static boolean seesYear(KaopingPrincipal p, AssessmentStore.Year y) {
        return switch (p.role()) {
            case CITY_ADMIN, DISTRICT_ADMIN, DISTRICT_DEPT -> p.covers(y.districtPath());
            case STREET_OFFICER -> p.regionPath() != null && p.regionPath().startsWith(y.districtPath())
                    && !p.regionPath().equals(y.districtPath());
            default -> false;
        };
    }

    /** Whether the principal sees this street's nodes, submissions, events and score. */
    public static boolean seesStreet(KaopingPrincipal p, AssessmentStore.Year y, String streetPath) {
        if (!seesYear(p, y)) {
            return false;
        }
        return p.role() != Role.STREET_OFFICER || streetPath.startsWith(p.regionPath());
    }

    public static boolean runsYear(KaopingPrincipal p, AssessmentStore.Year y) {
        return p.role() == Role.DISTRICT_ADMIN && p.covers(y.districtPath());
    }

    /** Whether the principal reviews (and records events on) the rows of {@code department}. */
    public static boolean reviews(KaopingPrincipal p, AssessmentStore.Year y, String department,
                                  Map<String, String> reviewers) {
        String assigned = department == null ? null : reviewers.get(department);
        if (p.role() == Role.DISTRICT_ADMIN) {
            return p.covers(y.districtPath()) && assigned == null;
        }
        return p.role() == Role.DISTRICT_DEPT && p.covers(y.districtPath()) && p.username().equals(assigned);
    }

    public static boolean submitsFor(KaopingPrincipal p, String streetPath) {
        return p.role() == Role.STREET_OFFICER && streetPath.equals(p.regionPath());
    }
}
