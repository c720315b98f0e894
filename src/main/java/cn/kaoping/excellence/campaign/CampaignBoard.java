package cn.kaoping.excellence.campaign;

import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.List;

/**
 * Every visible entry of a campaign at its stage (issue 16: a campaign dashboard shows every estate's stage), with
 * the stage's deadline, who must act and whether it is overdue.
 */
@Service
public class CampaignBoard {

    private final HonourStore store;
    private final Campaigns campaigns;
    private final Composite composite;

    CampaignBoard(HonourStore store, Campaigns campaigns, Composite composite) {
        this.store = store;
        this.campaigns = campaigns;
        this.composite = composite;
    }

    /** Where an entry stands; the message key suffix names it and who acts. */
    public enum Stage {
        LISTED, NOTICE, APPLY, ENDORSE, REVIEW, RETAIN, REVOKE, VETOED
    }

    /** @param total the composite total once computed (not for a veto), or null */
    public record Row(HonourStore.Entry entry, Stage stage, LocalDate due, boolean overdue, String shortfall,
                      java.math.BigDecimal total) {
    }

    public static Stage stage(HonourStore.Entry e, List<HonourStore.Publicity> publicity,
                              EntrySteps.PublicityRule rule) {
        if (e.vetoCode() != null) {
            return Stage.VETOED;
        }
        if (e.confirmedAt() == null) {
            return Stage.LISTED;
        }
        if (e.companyDecision() == null || EntrySteps.publicityShortfall(publicity, rule) != null) {
            return Stage.NOTICE;
        }
        if (e.application() == null) {
            return Stage.APPLY;
        }
        if (e.committeeDecision() == null) {
            return Stage.ENDORSE;
        }
        if (e.proposed() == null) {
            return Stage.REVIEW;
        }
        return e.proposed().equals("RETAIN") ? Stage.RETAIN : Stage.REVOKE;
    }

    static LocalDate due(HonourStore.Campaign c, Stage s) {
        return switch (s) {
            case LISTED -> c.confirmBy();
            case NOTICE -> c.noticeBy();
            case APPLY, ENDORSE -> c.applyBy();
            case REVIEW -> c.reviewTo();
            default -> null;
        };
    }

    @Transactional(readOnly = true)
    public List<Row> rows(KaopingPrincipal p, long campaignId) {
        HonourStore.Campaign c = campaigns.campaign(p, campaignId);
        LocalDate today = campaigns.today();
        EntrySteps.PublicityRule rule = campaigns.publicityRule(c);
        List<Long> seats = p.role() == Role.EXPERT ? store.seatsOf(p.username()) : List.of();
        return store.entries(c.id()).stream()
                .filter(e -> CampaignAccess.seesEntry(p, c, e, seats.contains(e.id())))
                .map(e -> {
                    List<HonourStore.Publicity> pub = store.publicity(e.id());
                    Stage s = stage(e, pub, rule);
                    LocalDate due = due(c, s);
                    return new Row(e, s, due, due != null && today.isAfter(due) && c.open(),
                            EntrySteps.publicityShortfall(pub, rule), e.vetoCode() != null ? null
                            : composite.evaluation(e).map(cn.kaoping.scheme.engine.Evaluation::total).orElse(null));
                }).toList();
    }
}
