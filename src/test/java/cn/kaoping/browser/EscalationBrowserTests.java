package cn.kaoping.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import cn.kaoping.organisation.EstateListing;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.rectification.RectificationOverdue;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An overdue notice of company_user's company in 河东区 is suggested for a 通报; the district decides it on the screen,
 * the company sees it on its ladder without being able to decide anything, and anyone sees it on the public site.
 * Years 2086–2090 belong to this class.
 */
@IntegrationTest
class EscalationBrowserTests extends BrowserTest {

    @Autowired
    OrganisationDirectory directory;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theDistrictIssuesACircularForAnOverdueNoticeThatTheCompanyAndThePublicThenSee() {
        long company = directory.firstCompanyId().orElseThrow();
        long district = directory.regionByCode("QH-HD").orElseThrow().id();
        EstateListing estate = directory.estatesUnder(directory.regionByCode("QH-HD").orElseThrow().path(), null, null,
                        false).stream().filter(e -> Long.valueOf(company).equals(e.companyId())).findFirst()
                .orElseThrow(() -> new IllegalStateException("company_user's company has no estate in 河东区"));
        long notice = overdue(company, district, estate, LocalDate.of(2087, 3, 1));
        String noticeNumber = number(notice);
        long suggestion = suggestionOf(notice);

        signIn("hedong_admin", Browserless.DEMO_PASSWORD);
        page.navigate(url("/escalation"));
        page.waitForLoadState();
        Locator open = page.locator("#open-suggestions a[data-suggestion='" + suggestion + "']");
        assertThat(open).containsText(noticeNumber);
        open.click();
        page.waitForLoadState();
        assertThat(page.locator("#conditions")).containsText(noticeNumber + "（" + estate.name() + "）整改期限 2087-03-01 已过");
        page.getByLabel("通报日期").fill("2087-03-20");
        page.getByLabel("通报事由").fill("逾期未完成整改，予以通报，责令 15 日内整改到位");
        page.locator("#decide").click();
        page.waitForURL(Pattern.compile(".*/escalation/circulars/\\d+$"));
        page.waitForLoadState();
        String number = jdbc.sql("SELECT number FROM escalation_circular WHERE suggestion_id = :s")
                .param("s", suggestion).query(String.class).single();
        assertThat(page.locator("#document .doc-number")).hasText(number);
        Assertions.assertThat(number).startsWith("通报〔2087〕");
        page.locator("#back").click();
        page.waitForLoadState();
        assertThat(page.locator("#rungs")).containsText(number);
        assertThat(page.locator("#rungs")).containsText("逾期未完成整改，予以通报");
        assertThat(page.locator("#suggestions tr[data-suggestion='" + suggestion + "']")).containsText("已决定");
        String ladder = page.url();
        screenshot("escalation-circular-decided");

        // a second notice runs late after the 通报: a new open suggestion the company may see but not decide
        long later = overdue(company, district, estate, LocalDate.of(2087, 5, 1));
        long open2 = suggestionOf(later);

        context.clearCookies();
        signIn("company_user", Browserless.DEMO_PASSWORD);
        page.navigate(url("/escalation"));
        page.waitForLoadState();
        page.locator("#results a[href='" + ladder.substring(ladder.indexOf("/escalation/cases/")) + "']").click();
        page.waitForLoadState();
        assertThat(page.locator("#rungs")).containsText(number);
        assertThat(page.locator("#suggestions tr[data-suggestion='" + open2 + "']")).containsText("待处理");
        assertThat(page.locator("#suggestions a")).hasCount(0);
        screenshot("escalation-company-ladder");
        page.navigate(url("/escalation/suggestions/" + open2));
        page.waitForLoadState();
        assertThat(page.locator("#conditions")).containsText(number(later));
        assertThat(page.getByText("通报由区房产主管部门决定。")).isVisible();
        assertThat(page.locator("#decide-form")).hasCount(0);
        assertThat(page.locator("#dismiss-form")).hasCount(0);

        context.clearCookies();
        page.navigate(url("/public/circulars"));
        page.waitForLoadState();
        Locator row = page.locator("#circulars tr", new Page.LocatorOptions().setHasText(number));
        assertThat(row).containsText(directory.companyName(company).orElseThrow());
        assertThat(row).containsText("河东区");
        row.getByRole(AriaRole.LINK).click();
        page.waitForLoadState();
        assertThat(page.locator("#document")).containsText("逾期未完成整改，予以通报");
        screenshot("escalation-public-circular");

        // the district dismisses the second suggestion, so no open suggestion of this test is left behind
        signIn("hedong_admin", Browserless.DEMO_PASSWORD);
        page.navigate(url("/escalation/suggestions/" + open2));
        page.waitForLoadState();
        page.getByLabel("不予采纳的理由").fill("已于 2087-05-03 整改完毕，不再通报");
        page.locator("#dismiss").click();
        page.waitForURL(ladder);
        page.waitForLoadState();
        assertThat(page.locator("#suggestions tr[data-suggestion='" + open2 + "']")).containsText("不予采纳");
    }

    /** Publishes a notice of ours running past its deadline (as the rectification module would) and returns its id. */
    private long overdue(long company, long district, EstateListing estate, LocalDate deadline) {
        long notice = 8_600_000_000L + System.nanoTime() % 1_000_000_000L;
        tx.executeWithoutResult(s -> events.publishEvent(new RectificationOverdue(notice, number(notice), company,
                district, estate.id(), deadline, 2, deadline.plusDays(1))));
        return notice;
    }

    private static String number(long notice) {
        return "河东整改〔2087〕B" + notice + "号";
    }

    /** The suggestion the notice joined, once the asynchronous listener has handled the event. */
    private long suggestionOf(long notice) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                        SELECT suggestion_id FROM escalation_trigger WHERE notice_id = :n""").param("n", notice)
                .query(Long.class).optional(), Optional::isPresent).orElseThrow();
    }
}
