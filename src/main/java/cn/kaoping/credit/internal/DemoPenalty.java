package cn.kaoping.credit.internal;

import cn.kaoping.credit.CreditKind;
import cn.kaoping.credit.Direction;
import cn.kaoping.organisation.EstateRef;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.platform.demo.DemoData;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The demo city's one administrative penalty this year (only with {@code KAOPING_DEMO=true}, once), on the company of
 * the twelfth estate with an owners' committee — the estate the demo 市优复评 vetoes under condition 3 (issue 16).
 */
@Component
@Order(93)
@Profile("!test")
class DemoPenalty implements ApplicationRunner {

    static final int ESTATE_INDEX = 11;

    private final DemoData demo;
    private final OrganisationDirectory directory;
    private final CreditService credit;

    DemoPenalty(DemoData demo, OrganisationDirectory directory, CreditService credit) {
        this.demo = demo;
        this.directory = directory;
        this.credit = credit;
    }

    @Override
    public void run(ApplicationArguments args) {
        demo.once("demo:credit-penalty", "SELECT count(*) FROM credit_record WHERE source = 'DEMO:penalty'", () -> {
            List<EstateRef> estates = directory.estatesWithCommittee(ESTATE_INDEX + 1);
            if (estates.size() <= ESTATE_INDEX) {
                return;
            }
            EstateRef e = estates.get(ESTATE_INDEX);
            credit.automatic(new CreditService.Auto("DEMO:penalty", "MANUAL", e.companyId(), null, e.id(), null,
                    Direction.BAD, CreditKind.ADMINISTRATIVE_PENALTY, credit.today().withDayOfYear(60),
                    "因" + e.name() + "消防通道长期堵塞，被区消防救援大队行政处罚（罚款 5000 元）"));
        });
    }
}
