package cn.kaoping.ranking;

/**
 * Which entries of a ranking to read. Every field may be null (no restriction). Entries come ordered by the place
 * in the narrowest scope named: street, else district, else city; unranked estates last.
 *
 * @param regionPath only estates under this region path (a caller's scope)
 * @param text       part of the estate's or company's name
 */
public record EntryFilter(Long districtId, Long streetId, String category, Long companyId, String text,
                          String regionPath) {

    public static EntryFilter all() {
        return new EntryFilter(null, null, null, null, null, null);
    }

    public static EntryFilter district(long districtId, String category) {
        return new EntryFilter(districtId, null, category, null, null, null);
    }

    /** The estates under a region (a caller's scope). */
    public static EntryFilter under(String regionPath) {
        return new EntryFilter(null, null, null, null, null, regionPath);
    }

    /** One company's estates. */
    public static EntryFilter company(long companyId) {
        return new EntryFilter(null, null, null, companyId, null, null);
    }

    /** The same filter narrowed to one company's estates. */
    public EntryFilter withCompany(Long company) {
        return new EntryFilter(districtId, streetId, category, company, text, regionPath);
    }

    /**
     * The part of every ranking a user may list through the staff screens and API: the estates under their region,
     * or their company's.
     *
     * @throws cn.kaoping.shared.NotFoundException for roles that have no ranking screens (committees read letters)
     */
    /** Who may browse rankings at all: regional staff and the users of a company; everyone else gets 404. */
    /** The owners' committee of an estate: reads its own estate's ranking letters in its inbox, nothing else. */
    public static boolean receivesLetters(cn.kaoping.shared.KaopingPrincipal p) {
        return p.role() == cn.kaoping.shared.Role.COMMITTEE_MEMBER;
    }

    public static boolean mayRead(cn.kaoping.shared.KaopingPrincipal p) {
        return p.role().isRegional() || (p.role() == cn.kaoping.shared.Role.COMPANY_USER && p.companyId() != null);
    }

    public static EntryFilter visibleTo(cn.kaoping.shared.KaopingPrincipal p) {
        if (p.role().isRegional()) {
            return under(p.regionPath());
        }
        if (p.role() == cn.kaoping.shared.Role.COMPANY_USER && p.companyId() != null) {
            return company(p.companyId());
        }
        throw new cn.kaoping.shared.NotFoundException("页面不存在");
    }

    public RankingScope scope() {
        return streetId != null ? RankingScope.STREET : districtId != null ? RankingScope.DISTRICT : RankingScope.CITY;
    }
}
