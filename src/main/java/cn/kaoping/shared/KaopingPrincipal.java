package cn.kaoping.shared;

import java.io.Serializable;
import java.util.Objects;

/**
 * Who is signed in and what they may see. Regional roles see the subtree under {@code regionPath}; a company
 * user sees the estates of {@code companyId}; a committee member sees {@code estateId} only.
 * Stored in the JDBC session, hence serializable.
 */
public record KaopingPrincipal(long userId, String username, String displayName, Role role, Long regionId,
                               String regionPath, Long companyId, Long estateId) implements Serializable {

    public KaopingPrincipal {
        Objects.requireNonNull(username);
        Objects.requireNonNull(role);
        if (role.isRegional() && (regionPath == null || regionPath.isEmpty())) {
            throw new IllegalArgumentException("a regional role needs a region: " + username);
        }
    }

    /** Whether a node (given by its materialised path) lies within this principal's region scope. */
    public boolean covers(String path) {
        return role.isRegional() && path != null && path.startsWith(regionPath);
    }
}
