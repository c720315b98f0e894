package cn.kaoping.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.ranking.RankingSummary;
import cn.kaoping.ranking.Rankings;
import cn.kaoping.support.Browserless;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Refreshes the README's screenshots of the demo city's 2025 rankings and its rectification notices (run with
 * -Dkaoping.screenshots=true; writes docs/images/ranking-*.png and rectification-*.png).
 */
@cn.kaoping.support.IntegrationTest
@EnabledIfSystemProperty(named = "kaoping.screenshots", matches = "true")
class DocsScreenshotsTests extends BrowserTest {

    @Autowired
    Rankings rankings;

    private void shoot(String name) {
        page.waitForLoadState();
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("docs", "images", name + ".png")).setFullPage(false));
    }

    @Test
    void rankingScreens() {
        RankingSummary year = rankings.find("shenyang-professional", "2025").orElseThrow();
        page.setViewportSize(1280, 900);
        signIn("hedong_admin", Browserless.DEMO_PASSWORD);
        page.navigate(url("/rankings/" + year.id()));
        assertThat(page.content()).contains("2025");
        shoot("ranking-district");
        page.navigate(url("/dashboards?ranking=" + year.id()));
        page.waitForSelector("canvas");
        page.waitForTimeout(1500); // ECharts animates in
        shoot("ranking-dashboard");
        page.navigate(url("/public/rankings/shenyang-professional/2025"));
        shoot("ranking-public");
    }

    @Test
    void rectificationScreens() {
        page.setViewportSize(1280, 900);
        signIn("company_user", Browserless.DEMO_PASSWORD);
        page.navigate(url("/rectification"));
        shoot("rectification-list");
        page.locator("td a[href^='/rectification/']").first().click();
        page.waitForLoadState();
        assertThat(page.content()).contains("整改〔");
        shoot("rectification-notice");
    }
}
