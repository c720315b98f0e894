package cn.kaoping.escalation.internal;

import cn.kaoping.shared.KaopingPrincipal;
import java.util.Map;

/**
 * The SQL condition that limits ladders to what a principal may see: regional users the ladders of their district
 * (or, for a street office, of the estates under it), a company user its own company's, a committee member none.
 */
record CaseScope(String condition, Map<String, Object> params) {

    /** @param alias the SQL alias of escalation_case in the query */
    static CaseScope of(KaopingPrincipal p, String alias) {
        return switch (p.role()) {
            case COMPANY_USER -> new CaseScope(alias + ".company_id = :scopeCompany",
                    Map.of("scopeCompany", p.companyId() == null ? -1L : p.companyId()));
            case COMMITTEE_MEMBER -> new CaseScope("FALSE", Map.of());
            default -> new CaseScope("(" + alias + ".district_path LIKE :scopePath OR EXISTS (SELECT 1 FROM "
                    + "escalation_case_estate se WHERE se.case_id = " + alias + ".id AND se.region_path LIKE :scopePath))",
                    Map.of("scopePath", p.regionPath() + "%"));
        };
    }
}
