package cn.kaoping.escalation.internal;

import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;
import java.util.function.Predicate;

/**
 * Who does what in escalation (seed 000 line 20). 通报 is decided by the district (区房产主管部门); 约谈 and 处罚 by the
 * district or by a street office of one of the ladder's estates (街道办事处联合…). Exit recommendations of reasons
 * (3)–(6) are raised by a street office or the district. An owners' committee member only reads its letters.
 * What a principal sees at all is {@link CaseScope}.
 */
public final class EscalationAccess {

    /** The actor the audit log names when the system itself suggests or recommends. */
    static final String SYSTEM = "system";

    private EscalationAccess() {
    }

    /**
     * Whether the principal may decide (or dismiss) a suggestion of this kind on a ladder of this district.
     *
     * @param hasEstateUnder whether the ladder has an estate under a region path (asked only of a street office)
     */
    static boolean decides(KaopingPrincipal p, SuggestionKind kind, String districtPath,
                           Predicate<String> hasEstateUnder) {
        boolean district = p.role() == Role.DISTRICT_ADMIN && p.covers(districtPath);
        boolean street = kind != SuggestionKind.CIRCULAR && p.role() == Role.STREET_OFFICER
                && hasEstateUnder.test(p.regionPath());
        return district || street;
    }

    /** Whether the principal raises exit recommendations by hand (reasons 3–6). */
    public static boolean raisesExits(KaopingPrincipal p) {
        return p.role() == Role.STREET_OFFICER || p.role() == Role.DISTRICT_ADMIN;
    }

    /** Whether the principal only reads the exit letters to its estate (the ladders and lists are not for it). */
    public static boolean readsLettersOnly(KaopingPrincipal p) {
        return p.role() == Role.COMMITTEE_MEMBER;
    }

    /** Whether open suggestions are work on the principal's first screen: the district or city administrators. */
    static boolean hasSuggestionWork(KaopingPrincipal p) {
        return p.role() == Role.DISTRICT_ADMIN || p.role() == Role.CITY_ADMIN;
    }
}
