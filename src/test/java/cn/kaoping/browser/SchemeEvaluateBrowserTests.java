package cn.kaoping.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

/** A street official opens the Erqi calculator, records five guard shortfalls and watches the score follow. */
@IntegrationTest
class SchemeEvaluateBrowserTests extends BrowserTest {

    @Test
    void enteringFiveGuardShortfallsLowersTheTotalAndExplainsWhy() {
        signIn("street_df", Browserless.DEMO_PASSWORD);
        page.locator("#nav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("评分标准").setExact(true))
                .click();
        assertThat(page.locator("h1")).hasText("评分标准");
        page.locator("tr[data-code='erqi-old-estate']").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("试算")).click();
        assertThat(page.locator("h1")).containsText("二七区老旧小区物业管理考核评分细则");
        assertThat(page.locator("#total")).hasText("90");
        assertThat(page.locator("#explanation")).not().containsText("保安缺岗");
        screenshot("scheme-evaluate-empty");

        page.locator("input[name='count:10.a']").fill("5");
        assertThat(page.locator("#total")).hasText("87.5");
        assertThat(page.locator("#explanation")).containsText("保安缺岗 5 次 × 0.5 分 = 2.5 分");
        assertThat(page.locator("#item-scores tr[data-item='10']")).containsText("7.5 / 10");

        page.locator("input[name='value:20']").fill("85");
        page.locator("input[name='sample:20']").fill("12");
        assertThat(page.locator("#total")).hasText("97.5");
        assertThat(page.locator("#grade")).hasText("等次：优秀");
        screenshot("scheme-evaluate-erqi");

        page.locator("input[name='count:10.a']").fill("-1");
        assertThat(page.locator("#evaluate-problems")).containsText("不能为负数");
        assertThat(page.locator("h1")).containsText("二七区老旧小区物业管理考核评分细则");
    }

    @Test
    void anAdministratorClonesASchemeAndSeesEveryProblemOfAMalformedUploadWithItsLine() {
        signIn("city_admin", Browserless.DEMO_PASSWORD);
        page.navigate(url("/schemes/hangzhou-reeval-2018"));
        assertThat(page.locator("#status")).hasText("已发布");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("复制为新草稿")).click();
        assertThat(page.locator("#draft-created")).isVisible();
        assertThat(page.locator("#status")).hasText("草稿");

        String yaml = String.join("\n", "code: hangzhou-reeval-2018", "version: 1", "title: 复评", "max: 100",
                "parts:", "  - {code: expert, title: 专家考评得分, weight: 100, flor: 80}", "");
        page.locator("input[type=file]").setInputFiles(new FilePayload("bad.yaml", "application/yaml",
                yaml.getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("上传并校验")).click();
        Locator report = page.locator("#upload-problems");
        assertThat(report).containsText("未保存");
        assertThat(report.locator("tr", new Locator.LocatorOptions().setHasText("version")).locator("td").nth(1))
                .hasText("2");
        assertThat(report.locator("tr", new Locator.LocatorOptions().setHasText("flor")).locator("td").nth(1))
                .hasText("6");
        screenshot("scheme-upload-problems");
    }
}
