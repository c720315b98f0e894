package cn.kaoping.subsidy.internal;

import cn.kaoping.inspection.RoundPublished;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A published (or corrected) half-year round of old estates becomes the streets' draft subsidy claims. */
@Component
class SubsidyListener {

    private final Claims claims;

    SubsidyListener(Claims claims) {
        this.claims = claims;
    }

    @ApplicationModuleListener
    void on(RoundPublished event) {
        if (Claims.SCHEME.equals(event.schemeCode())) {
            claims.fromRound(event.round(), "system");
        }
    }
}
