package cn.kaoping.subsidy.internal;

import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;
import cn.kaoping.subsidy.internal.Views.ClaimRow;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who sees and does what with subsidies (seed 004 §七(二)). Regional users see the claims of street offices under
 * their region, companies and owners' committees none; a claim outside scope answers 404 like a missing one. The
 * street office corrects, submits and pays companies; the district office (区房产主管部门) builds claims, sets rates,
 * reviews, returns and, as another leader than the reviewer, approves; the district finance department pays streets.
 */
public final class Access {

    private Access() {
    }

    /** Whether the principal sees the claims of the street office at this region path. */
    static boolean sees(KaopingPrincipal p, String streetPath) {
        return p.covers(streetPath);
    }

    /** Whether the principal may list claims at all. */
    static boolean listsClaims(KaopingPrincipal p) {
        return p.role().isRegional();
    }

    /** Whether the principal sees the payments outstanding in its region. */
    static boolean seesOutstanding(KaopingPrincipal p) {
        return p.role().isRegional() && p.role() != Role.COMMITTEE_MEMBER;
    }

    /** Builds the claims of a published round by hand: the district office. */
    static boolean buildsClaims(KaopingPrincipal p) {
        return p.role() == Role.DISTRICT_ADMIN;
    }

    /** Sets the district's rates of a year: the district office. */
    public static boolean setsRates(KaopingPrincipal p) {
        return p.role() == Role.DISTRICT_ADMIN;
    }

    /** Corrects lines and submits the claim: the street office. */
    static boolean drafts(KaopingPrincipal p) {
        return p.role() == Role.STREET_OFFICER;
    }

    /** Reviews or returns a submitted claim: the district office. */
    static boolean reviews(KaopingPrincipal p) {
        return p.role() == Role.DISTRICT_ADMIN;
    }

    /** Approves a reviewed claim: a district leader (never its reviewer, which {@link Claim#approve} refuses). */
    static boolean approves(KaopingPrincipal p) {
        return p.role() == Role.DISTRICT_ADMIN;
    }

    /** Records the payment to the street: the district finance department. */
    static boolean paysStreets(KaopingPrincipal p) {
        return p.role() == Role.DISTRICT_DEPT;
    }

    /** Records the payment of a line to its company: the street office. */
    static boolean paysCompanies(KaopingPrincipal p) {
        return p.role() == Role.STREET_OFFICER;
    }

    /** Refuses with 403 and the message when the principal may not. */
    static void require(boolean allowed, String message) {
        if (!allowed) {
            throw new ForbiddenException(message);
        }
    }

    /** The actions the principal may take on the claim now, for the screens. */
    static Set<String> actions(KaopingPrincipal p, ClaimRow c) {
        Set<String> a = new LinkedHashSet<>();
        switch (c.status()) {
            case DRAFT -> {
                if (drafts(p)) {
                    a.add("correct");
                    a.add("submit");
                }
            }
            case SUBMITTED -> {
                if (reviews(p)) {
                    a.add("review");
                    a.add("return");
                }
            }
            case REVIEWED -> {
                if (approves(p) && !Long.valueOf(p.userId()).equals(c.reviewedById())) {
                    a.add("approve");
                }
            }
            case APPROVED -> {
                if (paysStreets(p)) {
                    a.add("payStreet");
                }
            }
            case PAID_TO_STREET -> {
                if (paysCompanies(p)) {
                    a.add("payCompany");
                }
            }
            case CLOSED -> {
            }
        }
        return a;
    }
}
