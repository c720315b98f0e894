package cn.kaoping.ranking.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.browser.BrowserTest;
import cn.kaoping.organisation.EstateCategory;
import cn.kaoping.organisation.EstateListing;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.ranking.RankingFixture;
import cn.kaoping.ranking.RankingSummary;
import cn.kaoping.ranking.internal.RankingService;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A district official opens the dashboard in Chromium: ECharts draws, a card switches to its table (year 2058). */
@IntegrationTest
class DashboardBrowserTests extends BrowserTest {

    @Autowired
    RankingService rankingService;
    @Autowired
    OrganisationDirectory directory;

    @Test
    void theDashboardDrawsItsChartsAndACardSwitchesToTheTableOfItsNumbers() {
        List<EstateListing> hx = RankingFixture.estates(directory, "QH-HX", EstateCategory.PROFESSIONAL);
        Map<Long, BigDecimal> totals = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            totals.put(hx.get(i).id(), new BigDecimal(70 + 2 * i));
        }
        RankingSummary ranking = DashboardFixture.roundRanking(
                RankingFixture.publish(rankingService, "erqi-old-estate", "2058-H1", totals));
        List<String> errors = new ArrayList<>();
        page.onPageError(errors::add);

        signIn("hexi_admin", Browserless.DEMO_PASSWORD);
        page.navigate(url("/dashboards?scheme=erqi-old-estate&ranking=" + ranking.id()));
        page.waitForLoadState();
        assertThat(page.locator("h1")).containsText("统计看板");
        assertThat(page.locator("#chart-histogram canvas")).isVisible();
        assertThat(page.locator("#chart-grades canvas")).isVisible();
        assertThat(page.locator("#chart-extremes canvas")).isVisible();
        assertThat(page.locator("#table-histogram")).isHidden();

        Locator histogram = page.locator("#card-histogram");
        histogram.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("表格")).click();
        assertThat(page.locator("#table-histogram")).isVisible();
        assertThat(page.locator("#chart-histogram")).isHidden();
        assertThat(page.locator("#table-histogram tbody tr").first()).containsText("70–75");
        assertThat(page.locator("#table-histogram tbody tr").last()).containsText("90–95");
        histogram.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("图表")).click();
        assertThat(page.locator("#chart-histogram canvas")).isVisible();

        // a narrower list redraws the dashboard in place (htmx) and its charts with it
        page.locator("#f-n").selectOption("3");
        assertThat(page.locator("#export-extremes")).hasAttribute("href",
                java.util.regex.Pattern.compile("n=3"));
        assertThat(page.locator("#chart-extremes canvas")).isVisible();
        page.locator("#card-extremes").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("表格"))
                .click();
        assertThat(page.locator("#table-extremes tbody tr")).hasCount(6);
        assertThat(page.url()).contains("n=3");
        assertThat(errors).isEmpty();
    }
}
