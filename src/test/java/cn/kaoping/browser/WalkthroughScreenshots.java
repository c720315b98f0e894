package cn.kaoping.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Refreshes the screenshots of docs/walkthrough.md from a running demo city (not a test: run it against
 * {@code KAOPING_DEMO=true ./mvnw spring-boot:run} with
 * {@code ./mvnw test -Dtest=WalkthroughScreenshots -Dkaoping.walkthrough=http://localhost:8080}).
 */
@EnabledIfSystemProperty(named = "kaoping.walkthrough", matches = "http.*")
class WalkthroughScreenshots {

    private static final String PASSWORD = "Kaoping2026";

    @Test
    void firstScreensOfEveryRole() {
        String base = System.getProperty("kaoping.walkthrough");
        try (Playwright playwright = Playwright.create()) {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Path.of(System.getenv().getOrDefault("KAOPING_CHROMIUM", "/usr/bin/chromium")))
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync")));
            for (String user : List.of("street_df", "hedong_admin", "hedong_dept", "company_user", "community_df01",
                    "expert")) {
                boolean phone = user.equals("street_df");
                Page page = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
                        .setViewportSize(phone ? 390 : 1280, phone ? 844 : 800).setIsMobile(phone)).newPage();
                page.navigate(base + "/login");
                page.getByLabel("用户名").fill(user);
                page.getByLabel("密码").fill(PASSWORD);
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
                page.waitForURL(base + "/");
                page.waitForLoadState();
                shoot(page, "walkthrough-" + user.replace('_', '-'));
                if (user.equals("street_df")) {
                    page.locator("#work-items a.work-item[data-kind=inspect]").first().click();
                    page.waitForLoadState();
                    shoot(page, "walkthrough-street-df-task");
                }
                if (user.equals("hedong_admin")) {
                    page.locator("#work-items a.work-item[data-kind=claim]").first().click();
                    page.waitForLoadState();
                    shoot(page, "walkthrough-hedong-admin-claim");
                }
                if (user.equals("company_user")) {
                    page.locator("#work-items a.work-item[data-kind=noticeAnswer]").first().click();
                    page.waitForLoadState();
                    shoot(page, "walkthrough-company-user-notice");
                }
                page.context().close();
            }
        }
    }

    private static void shoot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("docs", "images", name + ".png")));
    }
}
