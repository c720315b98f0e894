package cn.kaoping.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import cn.kaoping.inspection.RoundFixture;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.support.ApiClient;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * On a phone (360 × 740) a street officer opens a task, records findings with a photo taken on the spot, watches
 * the score follow and submits; the district administrator then accepts the inspection.
 */
@IntegrationTest
class RoundInspectionBrowserTests extends BrowserTest {

    private final OrganisationDirectory directory;

    RoundInspectionBrowserTests(@Autowired OrganisationDirectory directory) {
        this.directory = directory;
    }

    @Test
    void anOfficerInspectsOnAPhoneWithAPhotoAndTheDistrictAcceptsTheInspection() {
        long round = RoundFixture.openOverDongfeng(port, directory, 7);
        long task = RoundFixture.inspections(ApiClient.as(port, "street_df", Browserless.DEMO_PASSWORD), round).get(0);

        context.close();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740).setLocale("zh-CN")
                .setIsMobile(true).setHasTouch(true));
        page = context.newPage();
        signIn("street_df", Browserless.DEMO_PASSWORD);
        page.navigate(url("/rounds/" + round));
        page.locator("tr[data-inspection='" + task + "'] a").click();
        page.waitForLoadState();
        assertThat(page.locator("#task-status")).hasText("待检查");
        assertThat(page.locator("#total")).hasText("90");

        page.locator("input[name='count:10.a']").fill("5");
        page.locator("input[name='note:10.a']").fill("夜班保安缺岗");
        assertThat(page.locator("#total")).hasText("87.5");
        assertThat(page.locator("#autosaved")).isVisible();
        page.locator("#score details summary").click();
        assertThat(page.locator("#explanation")).containsText("保安缺岗 5 次 × 0.5 分 = 2.5 分");

        page.locator("#photo-rule").selectOption("10.a");
        page.locator("#photo-file").setInputFiles(new FilePayload("IMG_0001.png", "image/png", RoundFixture.png()));
        page.locator("#photo-form button[type=submit]").click();
        page.waitForLoadState();
        assertThat(page.locator("#photo-saved")).isVisible();
        assertThat(page.locator("#rule-10\\.a img.evidence-thumb")).hasCount(1);
        assertThat(page.locator("input[name='count:10.a']")).hasValue("5");
        assertThat(page.locator("#total")).hasText("87.5");
        screenshot("round-inspection-phone");

        page.locator("#submit-inspection").click();
        page.waitForLoadState();
        assertThat(page.locator("#task-status")).hasText("已提交");
        assertThat(page.locator("#done")).isVisible();
        assertThat(page.locator("#submit-inspection")).hasCount(0);

        context.close();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 860).setLocale("zh-CN"));
        page = context.newPage();
        signIn("hedong_admin", Browserless.DEMO_PASSWORD);
        page.navigate(url("/rounds/tasks/" + task));
        assertThat(page.locator("#total")).hasText("87.5");
        assertThat(page.locator("#rule-10\\.a img.evidence-thumb")).hasCount(1);
        page.locator("#accept").click();
        page.waitForLoadState();
        assertThat(page.locator("#task-status")).hasText("已通过");
        screenshot("round-inspection-accepted");
    }
}
