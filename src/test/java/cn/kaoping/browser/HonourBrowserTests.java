package cn.kaoping.browser;

import cn.kaoping.excellence.campaign.Campaigns;
import cn.kaoping.excellence.campaign.EntrySteps;
import cn.kaoping.excellence.campaign.HonourFixture;
import cn.kaoping.excellence.campaign.HonourStore;
import cn.kaoping.excellence.campaign.Review;
import cn.kaoping.excellence.campaign.RunCampaign;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.support.IntegrationTest;
import cn.kaoping.support.TestClock;
import com.microsoft.playwright.Browser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * 市优复评 in the browser (issue 16): an expert scores an estate on a phone-size page, then the city association
 * publishes the proposed results, and once the notice period is over publishes the result with its document.
 */
@IntegrationTest
class HonourBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    RunCampaign run;
    @Autowired
    EntrySteps steps;
    @Autowired
    Review review;
    @Autowired
    HonourStore store;
    @Autowired
    Campaigns campaigns;

    @Test
    void anExpertScoresOnAPhoneAndTheAssociationPublishesTheResult() {
        HonourFixture f = new HonourFixture(jdbc, directory);
        long estate = f.estate(true, true);
        run.register(f.association(), estate, "物业管理优秀住宅小区", "CITY", 2020);
        long c = run.create(f.association(), 2025, List.of(2020), null, 7, false);
        long entry = store.entries(c).get(0).id();
        run.confirm(f.districtAssociation(), c);
        steps.companyDecides(f.companyUser(), entry, true);
        LocalDate from = campaigns.today().minusDays(20);
        for (String place : List.of("主要出入口", "宣传栏", "物业服务中心")) {
            steps.recordPublicity(f.districtAssociation(), entry, place, HonourFixture.png(), "p.png", from,
                    from.plusDays(8), null);
        }
        steps.apply(f.companyUser(), entry, "项目概况");
        steps.committeeDecides(f.committee(estate), entry, true);
        review.satisfaction(f.districtAssociation(), entry, 70, 15, 100, campaigns.today().minusDays(9));
        review.assignPanel(f.association(), entry, List.of("expert", "expert2", "expert3"));
        review.expertScores(f.expert("expert2"), entry, new BigDecimal("90"), null, null, null);
        review.expertScores(f.expert("expert3"), entry, new BigDecimal("92"), null, null, null);
        review.communityScores(f.community(), entry, new BigDecimal("96"), "配合社区工作");

        context.close();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740).setLocale("zh-CN")
                .setIsMobile(true).setHasTouch(true));
        page = context.newPage();
        signIn("expert", "Kaoping2026");
        page.navigate(url("/honours/entries/" + entry));
        page.locator("#expert-score").fill("88.5");
        page.locator("#expert-comment").fill("设施设备维护到位，档案齐全");
        screenshot("honour-expert-phone");
        page.locator("#save-score").click();
        page.waitForLoadState();
        assertThat(page.locator("#done")).isVisible();
        assertThat(page.locator("#evaluation")).containsText("保留");

        context.close();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 860).setLocale("zh-CN"));
        page = context.newPage();
        signIn("association", "Kaoping2026");
        page.navigate(url("/honours/campaigns/" + c));
        assertThat(page.locator("#entries tbody tr")).hasCount(1);
        assertThat(page.locator("#entries")).containsText("拟保留");
        page.locator("#start-gongshi").click();
        page.waitForLoadState();
        assertThat(page.locator("#campaign-status")).hasText("结果公示中");
        TestClock.later(Duration.ofDays(8), () -> {
            page.locator("#documentNo").fill("清物协〔2025〕9号");
            page.locator("#publish").click();
            page.waitForLoadState();
        });
        assertThat(page.locator("#campaign-status")).hasText("已公布");
        assertThat(page.locator("#result-pdf")).isVisible();
        screenshot("honour-campaign-published");

        context.clearCookies();
        page.navigate(url("/public/honours/campaigns/" + c));
        assertThat(page.locator("#public-results")).containsText("保留“市优”称号");
        assertThat(page.locator("#campaign-title")).containsText("已公布");
        page.navigate(url("/public/estates/" + estate + "/accounts"));
        assertThat(page.locator(".estate-notice").first()).containsText("2025 年复评保留");
    }
}
