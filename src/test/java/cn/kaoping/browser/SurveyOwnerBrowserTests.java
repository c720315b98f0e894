package cn.kaoping.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import cn.kaoping.survey.SurveyFixture;
import cn.kaoping.survey.SurveyFixture.Made;
import cn.kaoping.survey.internal.IssueSurveyCodes;
import cn.kaoping.survey.internal.OpenSurvey;
import cn.kaoping.survey.internal.Views.IssuedCode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An owner answers on a cheap phone (360×740) in a WeChat-like browser; the street office watches the dashboard. */
@IntegrationTest
class SurveyOwnerBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    OpenSurvey open;
    @Autowired
    IssueSurveyCodes codes;
    @Autowired
    OrganisationDirectory directory;

    private Page phone() {
        BrowserContext ctx = browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740)
                .setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true).setLocale("zh-CN")
                .setUserAgent("Mozilla/5.0 (Linux; Android 10; Redmi 8A) AppleWebKit/537.36 (KHTML, like Gecko) "
                        + "Version/4.0 Chrome/86.0.4240.99 XWEB/4317 MMWEBSDK/20220903 Mobile Safari/537.36 "
                        + "MMWEBID/1234 MicroMessenger/8.0.28.2240(0x28001C35) WeChat/arm64 Weixin NetType/4G "
                        + "Language/zh_CN ABI/arm64"));
        return ctx.newPage();
    }

    @Test
    void anOwnerAnswersOnAPhoneWithLargeTargetsAndSeesTheThankYouWithItsTime() {
        Made m = new SurveyFixture(jdbc, open, codes, directory).survey("shenyang-professional", "PROFESSIONAL", 10);
        IssuedCode c = m.code(0);
        Page p = phone();
        List<String> errors = new ArrayList<>();
        p.onPageError(errors::add);
        p.navigate(url("/s/" + m.linkKey() + "?via=qr&b=1"));
        assertThat(p.locator("h1")).containsText("测试调查");
        assertThat(p.locator("body")).containsText("本调查为匿名调查");
        assertThat(p.locator("#building")).hasValue("1");
        assertThat((Integer) p.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(360);
        assertThat((Integer) p.evaluate("document.scripts.length")).isZero();

        p.locator("#room").fill(c.room());
        p.locator("#code").fill(c.code().toLowerCase().replace("-", " "));
        Locator options = p.locator("label.opt");
        assertThat(options.count()).isEqualTo(15);
        for (int i = 0; i < options.count(); i++) {
            BoundingBox box = options.nth(i).boundingBox();
            assertThat(box.height).as("tap target height").isGreaterThanOrEqualTo(44);
            assertThat(box.width).as("tap target width").isGreaterThanOrEqualTo(280);
        }
        // four of five questions answered: the missing one is named on the same page
        String[] questions = {"contract", "sanitation", "facilities", "order"};
        for (String q : questions) {
            p.locator("#q-" + q + " label.opt").first().tap();
        }
        p.locator("button[type=submit]").tap();
        p.waitForLoadState();
        assertThat(p.locator("#message")).containsText("还有题目没有选择：绿化养护");
        assertThat(p.locator("#q-greening")).hasClass(java.util.regex.Pattern.compile("miss"));
        assertThat(p.locator("#code")).hasValue(c.code().toLowerCase().replace("-", " "));
        screenshot(p, "survey-owner-phone-missing");

        p.locator("#q-greening label.opt").nth(1).tap();
        assertThat(p.locator("button[type=submit]").boundingBox().height).isGreaterThanOrEqualTo(48);
        p.locator("button[type=submit]").tap();
        p.waitForLoadState();
        assertThat(p.locator("#thanks")).containsText("提交成功，感谢您的参与");
        assertThat(p.locator("#thanks")).containsText("提交时间：");
        screenshot(p, "survey-owner-phone-thanks");
        assertThat(errors).isEmpty();
        p.context().close();
    }

    @Test
    void theStreetOfficeWatchesParticipationAgainstTheThresholdOnTheDashboard() {
        Made m = new SurveyFixture(jdbc, open, codes, directory).survey("shenyang-professional", "PROFESSIONAL", 10);
        List<String> errors = new ArrayList<>();
        page.onPageError(errors::add);
        signIn("street_df", Browserless.DEMO_PASSWORD);
        page.navigate(url("/surveys/" + m.surveyId()));
        page.waitForLoadState();
        assertThat(page.locator("h1")).containsText("测试调查");
        assertThat(page.locator("#estates tr[data-estate='" + m.estateId() + "']")).containsText("未达 30%");
        assertThat(page.locator("#chart-participation canvas")).hasCount(1);
        screenshot("survey-dashboard");
        page.locator("#estates a").first().click();
        page.waitForLoadState();
        assertThat(page.locator("#estate-link")).hasValue(java.util.regex.Pattern.compile("/s/" + m.linkKey() + "$"));
        assertThat(page.locator("#chart-questions canvas")).hasCount(1);
        screenshot("survey-estate");
        assertThat(errors).isEmpty();
    }

    private void screenshot(Page p, String name) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
            java.nio.file.Files.createDirectories(dir);
            p.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name + ".png")).setFullPage(true));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
