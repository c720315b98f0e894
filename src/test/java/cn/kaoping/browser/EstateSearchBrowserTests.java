package cn.kaoping.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A district official signs in, types part of an estate's name, and finds it; then opens it. */
@IntegrationTest
class EstateSearchBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void districtOfficialFindsAnEstateByNameAndOpensIt() {
        String name = jdbc.sql("""
                SELECT e.name FROM estate e JOIN region c ON c.id = e.community_id JOIN region s ON s.id = c.parent_id
                JOIN region d ON d.id = s.parent_id WHERE d.code = 'QH-HD' AND NOT e.old_estate ORDER BY e.id DESC LIMIT 1""")
                .query(String.class).single();
        signIn("hedong_admin", Browserless.DEMO_PASSWORD);
        assertThat(page.locator("#current-user")).containsText("区房产主管部门");
        screenshot("home");

        page.locator("#nav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("小区").setExact(true)).click();
        page.waitForLoadState();
        assertThat(page.locator("h1")).hasText("小区名录");
        page.getByPlaceholder("搜索小区名称、地址或企业").fill(name);
        Locator rows = page.locator("#estate-table tbody tr");
        assertThat(rows).hasCount(1);
        assertThat(rows.first()).containsText(name);
        assertThat(page.locator("#results")).containsText("共 1 条");
        screenshot("estate-search");

        rows.first().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name)).click();
        assertThat(page.locator("h1")).hasText(name);
        assertThat(page.locator("main")).containsText("物业服务企业");
        screenshot("estate-detail");
    }

    @Test
    void wrongPasswordShowsAPlainChineseMessage() {
        page.navigate(url("/login"));
        page.getByLabel("用户名").fill("hedong_admin");
        page.getByLabel("密码").fill("not-the-password-1");
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("登录")).click();
        assertThat(page.locator(".alert-danger")).hasText("用户名或密码错误，或因多次输错已被暂时锁定，请稍后再试");
        assertThat(page.content()).doesNotContain("Exception");
    }
}
