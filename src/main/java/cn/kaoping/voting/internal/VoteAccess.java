package cn.kaoping.voting.internal;

import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.Role;

/**
 * Who may do what with a vote: the estate's owners' committee drafts and keys in paper ballots; the street office
 * (or the residents' committee, for an estate without an owners' committee: seed 003 社区物业管理委员会) may draft
 * and key in too; only the street office approves; the district and city read. Outside scope: 404.
 */
public final class VoteAccess {

    private VoteAccess() {
    }

    /** Drafts and runs votes: the owners' committee of its estate, the street office, the residents' committee. */
    public static boolean runsVotes(KaopingPrincipal p) {
        return p.role() == Role.COMMITTEE_MEMBER || p.role() == Role.STREET_OFFICER
                || p.role() == Role.COMMUNITY_STAFF;
    }

    /** Approves a drafted vote before it opens: the street office. */
    public static boolean approvesVotes(KaopingPrincipal p) {
        return p.role() == Role.STREET_OFFICER;
    }

    /** Bound to one estate (its owners' committee): drafts only for it, chooses no estate. */
    public static boolean boundToEstate(KaopingPrincipal p) {
        return p.role() == Role.COMMITTEE_MEMBER;
    }

    static boolean sees(KaopingPrincipal p, long estateId, String estatePath) {
        if (p.role() == Role.COMMITTEE_MEMBER) {
            return p.estateId() != null && p.estateId() == estateId;
        }
        return (p.role() == Role.CITY_ADMIN || p.role() == Role.DISTRICT_ADMIN || p.role() == Role.STREET_OFFICER
                || p.role() == Role.COMMUNITY_STAFF) && p.covers(estatePath);
    }

    /** Drafting, opening, keying in and closing: the committee of the estate, its street office or community. */
    static void requireRuns(KaopingPrincipal p, long estateId, String estatePath) {
        requireSees(p, estateId, estatePath);
        if (p.role() != Role.COMMITTEE_MEMBER && p.role() != Role.STREET_OFFICER && p.role() != Role.COMMUNITY_STAFF) {
            throw new ForbiddenException("只有业主委员会、街道办事处或社区居委会可以组织表决");
        }
    }

    static void requireApproves(KaopingPrincipal p, long estateId, String estatePath) {
        requireSees(p, estateId, estatePath);
        if (p.role() != Role.STREET_OFFICER) {
            throw new ForbiddenException("表决方案由小区所在街道办事处审核");
        }
    }

    static void requireSees(KaopingPrincipal p, long estateId, String estatePath) {
        if (!sees(p, estateId, estatePath)) {
            throw new NotFoundException("表决不存在");
        }
    }
}
