package cn.kaoping.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import cn.kaoping.inspection.RoundFixture;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.support.ApiClient;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import com.microsoft.playwright.Browser;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The first screen is the to-do list: 金沙街道's officer signs in on a phone, finds the inspection of the round 新港区
 * just opened, follows it and submits it, and it is gone from his list; the district administrator then finds the
 * review on his first screen and accepts the inspection from there. The company finds the notice the street issued
 * and answers it from there.
 */
@IntegrationTest
class WorkbenchBrowserTests extends BrowserTest {

    private final OrganisationDirectory directory;

    WorkbenchBrowserTests(@Autowired OrganisationDirectory directory) {
        this.directory = directory;
    }

    @Test
    void anOfficerFollowsHisFirstItemToTheInspectionAndTheDistrictFollowsItsReview() {
        long street = directory.regionByCode("QH-XG-JS").orElseThrow().id();
        ApiClient admin = ApiClient.as(port, "xingang_admin", Browserless.DEMO_PASSWORD);
        HttpResponse<String> res = admin.send("POST", "/api/v1/rounds", """
                {"name": "金沙街道工作台演示 %d", "schemeCode": "erqi-old-estate", "schemeVersion": 1,
                 "period": "2026-H2", "streetId": %d, "oldEstatesOnly": false, "inspectionDue": "2026-12-30",
                 "reviewDue": "2027-01-10", "publicityDays": 7, "confirmOverlap": true}"""
                .formatted(System.nanoTime(), street));
        org.assertj.core.api.Assertions.assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
        long round = RoundFixture.json(res).get("id").asLong();
        admin.send("POST", "/api/v1/rounds/" + round + "/open", null);

        context.close();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740).setLocale("zh-CN")
                .setIsMobile(true).setHasTouch(true));
        page = context.newPage();
        signIn("street_js", Browserless.DEMO_PASSWORD);
        var item = page.locator("#work-items a.work-item[data-kind=inspect]",
                new com.microsoft.playwright.Page.LocatorOptions().setHasText("2026-12-30")).first();
        assertThat(item).isVisible();
        assertThat(page.locator("#work-counts")).containsText("检查任务");
        String href = item.getAttribute("href");
        screenshot("workbench-street-phone");
        item.click();
        page.waitForLoadState();
        assertThat(page.locator("#task-status")).hasText("待检查");
        page.locator("#submit-inspection").click();
        page.waitForLoadState();
        assertThat(page.locator("#task-status")).hasText("已提交");
        page.navigate(url("/"));
        assertThat(page.locator("#work-items a[href='" + href + "']")).hasCount(0);

        context.close();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 860).setLocale("zh-CN"));
        page = context.newPage();
        signIn("xingang_admin", Browserless.DEMO_PASSWORD);
        var review = page.locator("#work-items a[href='/rounds/" + round + "/review']");
        assertThat(review).containsText("审核检查 1 份");
        screenshot("workbench-district");
        review.click();
        page.waitForLoadState();
        page.locator("#review-list form button.btn-outline-success").first().click();
        page.waitForLoadState();
        page.navigate(url("/"));
        assertThat(page.locator("#work-items a[href='/rounds/" + round + "/review']")).hasCount(0);
    }

    @Test
    void theCompanyFollowsItsNoticeToTheAnswerForm() {
        var estate = cn.kaoping.rectification.RectificationFixture.companyEstate(directory);
        ApiClient street = ApiClient.as(port, cn.kaoping.rectification.RectificationFixture.officerOf(directory, estate),
                Browserless.DEMO_PASSWORD);
        HttpResponse<String> draft = street.send("POST", "/api/v1/rectification/notices", """
                {"estateId": %d, "problem": "工作台测试：楼道堆放杂物"}""".formatted(estate.id()));
        org.assertj.core.api.Assertions.assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
        long id = RoundFixture.json(draft).get("id").asLong();
        HttpResponse<String> issued = street.send("POST", "/api/v1/rectification/notices/" + id + "/issue", null);
        org.assertj.core.api.Assertions.assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);

        signIn("company_user", Browserless.DEMO_PASSWORD);
        var item = page.locator("#work-items a[href='/rectification/" + id + "']");
        assertThat(item).containsText("答复整改通知书");
        item.click();
        page.waitForLoadState();
        page.locator("form.answer-form textarea").first().fill("已清理，每日巡查");
        page.locator("form.answer-form button[type=submit]").first().click();
        page.waitForLoadState();
        assertThat(page.locator(".answer").first()).containsText("已清理，每日巡查");
    }
}
