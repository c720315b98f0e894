package cn.kaoping.account.internal;

import cn.kaoping.shared.Role;
import java.time.OffsetDateTime;

public record UserView(long id, String username, String displayName, Role role, String scopeName, boolean enabled,
                       boolean locked, OffsetDateTime createdAt) {
}
