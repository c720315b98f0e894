package cn.kaoping.voting.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.organisation.EstateListing;
import cn.kaoping.organisation.EstateRef;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.platform.workbench.WorkItem;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;
import cn.kaoping.support.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The street office is told of late half-year statements on the day after the due day that is set, not on the
 * default 31 July (issue 13: "by a settable deadline").
 */
@IntegrationTest
class LateStatementDeadlineTests {

    @Autowired
    OrganisationDirectory directory;
    @Autowired
    EstateAccounts accounts;

    @Test
    void aStreetOfficeIsToldTheDayAfterTheDueDayThatIsSet() {
        long company = directory.firstCompanyId().orElseThrow();
        EstateRef estate = directory.firstEstateOfCompany(company).orElseThrow();
        RegionRef street = directory.region(directory.placements(List.of(estate.id())).get(0).streetId()).orElseThrow();
        KaopingPrincipal officer = new KaopingPrincipal(0, "street", "街道", Role.STREET_OFFICER, street.id(),
                street.path(), null, null);
        List<EstateListing> lateEstates = accounts.late(directory.estatesUnder(street.path(), null, null, false),
                "2026-H1");
        assertThat(lateEstates).as("the demo street has estates without a 2026-H1 statement").isNotEmpty();

        LateStatements moved = new LateStatements(accounts, directory, new StatementDeadlines("09-30", "03-31"));
        assertThat(moved.itemsFor(officer, LocalDate.of(2026, 8, 1))).as("31 July has passed, 30 September not")
                .isEmpty();
        assertThat(moved.itemsFor(officer, LocalDate.of(2026, 9, 30))).as("not on the due day").isEmpty();
        List<WorkItem> items = moved.itemsFor(officer, LocalDate.of(2026, 10, 1));
        assertThat(items).singleElement().satisfies(i -> {
            assertThat(i.due()).isEqualTo(LocalDate.of(2026, 9, 30));
            assertThat(i.title()).contains("2026-H1").contains(lateEstates.size() + " 个小区未公布");
            assertThat(i.link()).isEqualTo("/accounts/late");
        });

        LateStatements byDefault = new LateStatements(accounts, directory, StatementDeadlines.defaults());
        assertThat(byDefault.itemsFor(officer, LocalDate.of(2026, 8, 1))).singleElement()
                .satisfies(i -> assertThat(i.due()).isEqualTo(LocalDate.of(2026, 7, 31)));
    }
}
