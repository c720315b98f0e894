package cn.kaoping.ranking.publication;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.browser.BrowserTest;
import cn.kaoping.organisation.EstateCategory;
import cn.kaoping.organisation.EstateListing;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.ranking.RankingFixture;
import cn.kaoping.ranking.internal.RankingService;
import cn.kaoping.support.IntegrationTest;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A resident looks up their estate on the public ranking page on a phone (360×740), without logging in. */
@IntegrationTest
class PublicRankingBrowserTests extends BrowserTest {

    @Autowired
    RankingService rankingService;
    @Autowired
    OrganisationDirectory directory;

    @Test
    void aResidentSearchesForTheirEstateOnAPhoneAndSeesItsPlace() throws Exception {
        List<EstateListing> estates = RankingFixture.estates(directory, "QH-HD", EstateCategory.PROFESSIONAL);
        Map<Long, BigDecimal> totals = new LinkedHashMap<>();
        for (int i = 0; i < estates.size(); i++) {
            totals.put(estates.get(i).id(), BigDecimal.valueOf(99 - i % 30));
        }
        RankingFixture.publish(rankingService, "shenyang-professional", "2054-Q1", totals);
        EstateListing mine = estates.get(estates.size() - 1);

        BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740)
                .setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true).setLocale("zh-CN"));
        try {
            Page p = phone.newPage();
            List<String> errors = new ArrayList<>();
            p.onPageError(errors::add);
            p.navigate(url("/public/rankings"));
            p.locator("a[href='/public/rankings/shenyang-professional/2054-Q1']").first().tap();
            p.waitForLoadState();
            assertThat(p.locator("#title")).containsText("2054年第一季度");
            assertThat(p.locator("#tie-rule")).containsText("得分相同者名次相同");
            assertThat((Integer) p.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(360);

            p.getByLabel("小区或企业名称").fill(mine.name());
            p.locator("#filters button[type=submit]").tap();
            p.waitForLoadState();
            assertThat(p.locator("#entries tbody tr[data-estate='" + mine.id() + "']")).containsText(mine.name());
            assertThat(p.locator("#entries tbody tr[data-estate='" + mine.id() + "'] td.place")).not().isEmpty();
            assertThat(p.locator("#scope")).containsText(mine.name());
            // the result has a link of its own (the search is in the address)
            assertThat(p.url()).contains("q=" + java.net.URLEncoder.encode(mine.name(),
                    java.nio.charset.StandardCharsets.UTF_8));
            assertThat((Integer) p.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(360);
            assertThat((Integer) p.evaluate("document.scripts.length")).isZero();
            assertThat(errors).isEmpty();
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            p.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve("public-ranking-phone.png"))
                    .setFullPage(true));
        } finally {
            phone.close();
        }
    }
}
