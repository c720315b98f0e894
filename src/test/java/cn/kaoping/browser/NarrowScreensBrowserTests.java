package cn.kaoping.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import com.microsoft.playwright.Browser;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every screen a street officer, a property company or an owners' committee uses fits a 390 px phone without
 * sideways scrolling (issue 21: /rectification was 1,050 px wide, /rankings/{id} 478 px): each menu entry of the
 * role, and the first detail page each list leads to, is opened and its {@code scrollWidth} compared.
 */
@IntegrationTest
class NarrowScreensBrowserTests extends BrowserTest {

    static final int PHONE = 390;

    /** Detail pages worth opening from the lists: one of each kind. */
    private static final List<String> DETAILS = List.of("/rounds/\\d+", "/rounds/tasks/\\d+", "/rankings/\\d+",
            "/rectification/\\d+", "/escalation/\\d+", "/credit/records/\\d+", "/surveys/\\d+", "/subsidies/\\d+",
            "/rankings/\\d+/letters/\\d+", "/estates/\\d+");

    @Test
    void aStreetOfficersScreensFitAPhone() {
        assertThat(tooWide("street_df")).isEmpty();
    }

    @Test
    void aPropertyCompanysScreensFitAPhone() {
        assertThat(tooWide("company_user")).isEmpty();
    }

    @Test
    void anOwnersCommitteesScreensFitAPhone() {
        assertThat(tooWide("committee_member")).isEmpty();
    }

    /** The pages of the role that scroll sideways at 390 px, with their width. */
    private List<String> tooWide(String username) {
        context.close();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(PHONE, 800).setLocale("zh-CN")
                .setIsMobile(true).setHasTouch(true));
        page = context.newPage();
        signIn(username, Browserless.DEMO_PASSWORD);
        Set<String> pages = new LinkedHashSet<>();
        pages.add("/");
        pages.addAll(links("nav a.nav-link, main a.btn, main a.list-group-item"));
        List<String> wide = new ArrayList<>();
        Set<String> details = new LinkedHashSet<>();
        for (String path : List.copyOf(pages)) {
            check(path, wide);
            for (String href : links("main a[href]")) {
                if (DETAILS.stream().anyMatch(href::matches) && details.stream().noneMatch(d -> sameKind(d, href))) {
                    details.add(href);
                }
            }
        }
        for (String path : details) {
            check(path, wide);
        }
        return wide;
    }

    private void check(String path, List<String> wide) {
        page.navigate(url(path));
        page.waitForLoadState();
        int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
        if (width > PHONE) {
            screenshot("too-wide" + path.replace('/', '-'));
            wide.add(path + " " + width + " px");
        }
    }

    private List<String> links(String selector) {
        @SuppressWarnings("unchecked")
        List<String> hrefs = (List<String>) page.evaluate("s => Array.from(document.querySelectorAll(s))"
                + ".map(a => a.getAttribute('href')).filter(h => h && h.startsWith('/') && !h.startsWith('//')"
                + " && !/\\.(pdf|xlsx|docx|csv|json)(\\?|$)/.test(h) && !h.startsWith('/logout')"
                + " && !h.startsWith('/swagger') && !h.startsWith('/v3'))", selector);
        return hrefs.stream().map(h -> h.replaceAll("#.*$", "")).distinct().toList();
    }

    private static boolean sameKind(String a, String b) {
        return a.replaceAll("\\d+", "N").equals(b.replaceAll("\\d+", "N"));
    }
}
