package cn.kaoping.excellence.campaign;

import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.Role;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Finds a campaign or entry the principal may see (otherwise 404). */
@Component
public class Campaigns {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final HonourStore store;
    private final Clock clock;
    private final cn.kaoping.scheme.SchemeCatalog schemes;

    Campaigns(HonourStore store, Clock clock, cn.kaoping.scheme.SchemeCatalog schemes) {
        this.store = store;
        this.clock = clock;
        this.schemes = schemes;
    }

    /** The notice rule of the campaign's scheme version. */
    public EntrySteps.PublicityRule publicityRule(HonourStore.Campaign c) {
        return schemes.published(c.schemeCode(), c.schemeVersion()).map(EntrySteps.PublicityRule::of)
                .orElse(EntrySteps.PublicityRule.SEED);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    public HonourStore.Campaign campaign(KaopingPrincipal p, long id) {
        return store.campaign(id).filter(c -> CampaignAccess.seesCampaign(p, c))
                .orElseThrow(() -> new NotFoundException("复评工作不存在"));
    }

    public record EntryIn(HonourStore.Campaign campaign, HonourStore.Entry entry) {
    }

    public EntryIn entry(KaopingPrincipal p, long id) {
        HonourStore.Entry e = store.entry(id).orElseThrow(() -> new NotFoundException("复评项目不存在"));
        HonourStore.Campaign c = store.campaign(e.campaignId()).orElseThrow();
        boolean seated = p.role() == Role.EXPERT && store.seatsOf(p.username()).contains(id);
        if (!CampaignAccess.seesEntry(p, c, e, seated)) {
            throw new NotFoundException("复评项目不存在");
        }
        return new EntryIn(c, e);
    }
}
