package cn.kaoping.subsidy;

import static cn.kaoping.subsidy.SubsidyFixture.as;
import static cn.kaoping.subsidy.SubsidyFixture.json;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import cn.kaoping.browser.BrowserTest;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The street corrects a line and submits its claim in a real browser; the audit view explains the amount. */
@IntegrationTest
class SubsidyBrowserTests extends BrowserTest {

    @Autowired
    OrganisationDirectory directory;
    @Autowired
    JdbcClient jdbc;

    /** A screenshot under this build's own directory (…/test-classes/../screenshots). */
    private void shot(String name) {
        try {
            Path classes = Path.of(SubsidyBrowserTests.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(classes.getParent().resolve("screenshots").resolve(name + ".png")));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theStreetCorrectsALineAndSubmitsAndTheAuditViewShowsTheFormula() {
        long id = SubsidyFixture.claimOf(jdbc,
                SubsidyFixture.publishOldEstateRound(port, directory, jdbc, "2116-H1"));
        long line = -1;
        for (JsonNode l : json(as(port, "street_df").get("/api/v1/subsidies/" + id)).get("lines")) {
            if ("QUALIFIED".equals(l.get("grade").asString())) {
                line = l.get("id").asLong();
            }
        }

        signIn("street_df", Browserless.DEMO_PASSWORD);
        page.navigate(url("/subsidies?year=2116"));
        page.waitForLoadState();
        page.locator("#claims a", new Page.LocatorOptions().setHasText("2116-H1")).first().click();
        page.waitForLoadState();
        assertThat(page.locator("#claim-status")).hasText("街道编制中");
        page.locator("details:has(form[action$='/subsidies/lines/" + line + "/correct']) > summary").click();
        Locator form = page.locator("form[action$='/subsidies/lines/" + line + "/correct']");
        form.locator("input[name=area]").fill("1500.40");
        form.locator("input[name=entryDate]").fill("2115-02-10");
        form.locator("input[name=reason]").fill("按物业服务合同第三条");
        form.locator("button").click();
        page.waitForLoadState();
        assertThat(page.locator("#done")).hasText("已更正，金额已重新计算。");
        // 合格 0.15 × 1500.40 × 6 (Jan–Jun 2116 lie within 2115-02-10 … 2118-02-09) = 1350.36
        assertThat(page.locator("#line-" + line)).containsText("1350.36");
        shot("subsidy-claim-draft");
        page.locator("#note").fill("请指挥部办公室审核");
        page.locator("#submit").click();
        page.waitForLoadState();
        assertThat(page.locator("#claim-status")).hasText("待指挥部办公室审核");

        page.locator("#line-" + line + " a").first().click();
        page.waitForLoadState();
        assertThat(page.locator("#audit-formula")).containsText("0.15 元/㎡/月 × 1500.40 ㎡ × 6 个月");
        assertThat(page.locator("#audit-months")).containsText("2116年1月");
        shot("subsidy-line-audit");
    }
}
