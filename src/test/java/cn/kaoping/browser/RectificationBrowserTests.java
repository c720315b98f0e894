package cn.kaoping.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import cn.kaoping.inspection.RoundFixture;
import cn.kaoping.organisation.EstateListing;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.rectification.RectificationFixture;
import cn.kaoping.support.ApiClient;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.FilePayload;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The company answers a notice with a photo on the screen; the district accepts it and the problem shows 销号. */
@IntegrationTest
class RectificationBrowserTests extends BrowserTest {

    @Autowired
    OrganisationDirectory directory;

    @Test
    void theCompanyAnswersWithAPhotoAndTheDistrictAcceptsSoTheProblemShowsClosed() {
        EstateListing estate = RectificationFixture.companyEstate(directory);
        ApiClient street = ApiClient.as(port, RectificationFixture.officerOf(directory, estate), Browserless.DEMO_PASSWORD);
        HttpResponse<String> draft = street.send("POST", "/api/v1/rectification/notices", """
                {"estateId": %d, "problem": "单元门禁损坏，夜间无人值守"}""".formatted(estate.id()));
        long id = RoundFixture.json(draft).get("id").asLong();
        String number = RoundFixture.json(street.send("POST", "/api/v1/rectification/notices/" + id + "/issue", null))
                .get("number").asString();

        signIn("company_user", Browserless.DEMO_PASSWORD);
        page.navigate(url("/rectification"));
        page.waitForLoadState();
        page.locator("#notices a", new com.microsoft.playwright.Page.LocatorOptions().setHasText(number)).click();
        page.waitForLoadState();
        assertThat(page.locator("#notice-status")).hasText("待整改");
        Locator problem = page.locator("[id^=problem-]").first();
        problem.locator("textarea[name=answer]").fill("已更换门禁主板，安排夜班保安值守");
        problem.locator("form.answer-form button").click();
        page.waitForLoadState();
        assertThat(page.locator("#done")).hasText("整改情况已保存");
        problem = page.locator("[id^=problem-]").first();
        problem.locator("input[type=file]").setInputFiles(new FilePayload("door.png", "image/png", RoundFixture.png()));
        problem.locator("form.photo-form button").click();
        page.waitForLoadState();
        assertThat(page.locator("#done")).hasText("整改照片已上传");
        assertThat(page.locator("img.answer-thumb")).hasCount(1);
        page.locator("#submit-answers").click();
        page.waitForLoadState();
        assertThat(page.locator("#notice-status")).hasText("待验收");
        screenshot("rectification-company-submitted");
        context.clearCookies();

        signIn(RectificationFixture.districtAdminOf(directory, estate), Browserless.DEMO_PASSWORD);
        page.navigate(url("/rectification/" + id));
        page.waitForLoadState();
        assertThat(page.locator(".answer")).containsText("已更换门禁主板");
        assertThat(page.locator("img.answer-thumb")).hasCount(1);
        page.locator("button.accept").first().click();
        page.waitForLoadState();
        assertThat(page.locator("#done")).hasText("验收合格，问题已销号");
        assertThat(page.locator("[id^=problem-] .problem-status").first()).hasText("已销号");
        assertThat(page.locator("#notice-status")).hasText("已销号");
        assertThat(page.locator("#history")).containsText("验收合格，销号");
        screenshot("rectification-district-closed");

        page.navigate(url("/rectification/ledger"));
        page.waitForLoadState();
        assertThat(page.locator("#ledger")).containsText(number);
    }
}
