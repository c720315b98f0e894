package cn.kaoping.subsidy.internal;

import cn.kaoping.inspection.RoundPublished;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A published (or corrected) half-year round of old estates becomes the streets' draft subsidy claims. */
@Component
class SubsidyListener {

    private final BuildClaims claims;

    SubsidyListener(BuildClaims claims) {
        this.claims = claims;
    }

    @ApplicationModuleListener
    void on(RoundPublished event) {
        if (BuildClaims.SCHEME.equals(event.schemeCode())) {
            claims.fromRound(event.round(), "system");
        }
    }
}
