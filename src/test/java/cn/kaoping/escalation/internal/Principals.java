package cn.kaoping.escalation.internal;

import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;

/** A principal that sees everything, for reading what the services hold in tests. */
final class Principals {

    private Principals() {
    }

    static KaopingPrincipal admin() {
        return new KaopingPrincipal(0, "test", "test", Role.CITY_ADMIN, null, "/", null, null);
    }
}
