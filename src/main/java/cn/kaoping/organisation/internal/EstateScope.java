package cn.kaoping.organisation.internal;

import cn.kaoping.shared.KaopingPrincipal;
import java.util.Map;

/**
 * The SQL condition that limits estates to what a principal may see. Every estate query of the registry goes
 * through here, so scope is enforced in the database query, not by hiding links.
 */
public record EstateScope(String condition, Map<String, Object> params) {

    /** @param alias the SQL alias of the estate table in the query */
    public static EstateScope of(KaopingPrincipal p, String alias) {
        return switch (p.role()) {
            case COMPANY_USER -> new EstateScope(alias + ".company_id = :scopeCompany",
                    Map.of("scopeCompany", p.companyId() == null ? -1L : p.companyId()));
            case COMMITTEE_MEMBER -> new EstateScope(alias + ".id = :scopeEstate",
                    Map.of("scopeEstate", p.estateId() == null ? -1L : p.estateId()));
            default -> new EstateScope(alias + ".region_path LIKE :scopePath",
                    Map.of("scopePath", p.regionPath() + "%"));
        };
    }
}
