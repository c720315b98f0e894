package cn.kaoping.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.credit.internal.CreditService;
import cn.kaoping.organisation.EstateListing;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.rectification.RectificationFixture;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A street officer records a verified complaint against the demo company with the record form; the company sees it
 * in its file with the score explanation and contests it; the district annuls it, and the company's score goes back
 * up by the record's 1.5 points. The record is dated today: the form refuses dates in the future, so the test years
 * reserved for credit (2121–2125) cannot be used here; the annulled record leaves no trace in any score.
 */
@IntegrationTest
class CreditBrowserTests extends BrowserTest {

    private static final Pattern SCORE = Pattern.compile("信用分：(-?\\d+\\.\\d{2})");

    @Autowired
    OrganisationDirectory directory;
    @Autowired
    CreditService credit;

    private BigDecimal score() {
        Matcher m = SCORE.matcher(page.locator("#score").textContent());
        org.assertj.core.api.Assertions.assertThat(m.find()).as(page.locator("#score").textContent()).isTrue();
        return new BigDecimal(m.group(1));
    }

    private void openFile(long company) {
        page.navigate(url("/credit/companies/" + company));
        page.waitForLoadState();
    }

    @Test
    void theStreetRecordsAComplaintTheCompanyContestsItAndTheDistrictAnnulsItSoTheScoreGoesBackUp() {
        EstateListing estate = RectificationFixture.companyEstate(directory);
        long company = estate.companyId();
        LocalDate today = credit.today();
        String facts = "三号楼电梯停运三天未修复，投诉经查属实 " + System.nanoTime();

        // the street officer fills in the record form
        signIn(RectificationFixture.officerOf(directory, estate), Browserless.DEMO_PASSWORD);
        page.navigate(url("/credit/records/new?companyId=" + company));
        page.waitForLoadState();
        page.selectOption("#direction", "BAD");
        page.selectOption("#kind", "VERIFIED_COMPLAINT");
        page.locator("#occurredOn").fill(today.toString());
        page.locator("#description").fill(facts);
        page.locator("#record-form button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/credit/records/\\d+$"));
        page.waitForLoadState();
        String recordPath = page.url().substring(page.url().indexOf("/credit/records/"));
        assertThat(page.locator("#record-status")).hasText("有效");
        assertThat(page.locator("#notice-pdf")).isVisible();
        context.clearCookies();

        // the company opens its file: the record, and its line in the score explanation
        signIn("company_user", Browserless.DEMO_PASSWORD);
        openFile(company);
        Locator row = page.locator("#records tr", new Page.LocatorOptions().setHasText(facts));
        assertThat(row.locator(".badge")).hasText("有效");
        Locator line = page.locator("table.explanation").first().locator("tr",
                new Locator.LocatorOptions().setHasText(facts));
        assertThat(line).containsText("投诉属实");
        assertThat(line).containsText("-1.50");
        assertThat(line).containsText("投诉经查属实，每件扣 1.5 分");
        BigDecimal withRecord = score();
        screenshot("credit-company-file");

        // … and contests it with a reason
        row.locator("a").first().click();
        page.waitForLoadState();
        page.locator("#reason").fill("电梯为供电公司检修停电所致，已提交停电通知");
        page.locator("#contest-form button[type=submit]").click();
        page.waitForLoadState();
        assertThat(page.locator("#record-status")).hasText("有异议");
        assertThat(page.locator(".dispute")).containsText("电梯为供电公司检修停电所致");
        context.clearCookies();

        // the district annuls it with a reason
        signIn(RectificationFixture.districtAdminOf(directory, estate), Browserless.DEMO_PASSWORD);
        page.navigate(url(recordPath));
        page.waitForLoadState();
        Locator dispute = page.locator(".dispute").first();
        dispute.locator("textarea[name=reason]").fill("经核实系供电检修停电，不属物业服务企业责任");
        dispute.getByText("撤销该记录").click();
        page.waitForLoadState();
        assertThat(page.locator("#record-status")).hasText("已撤销");
        assertThat(page.locator(".dispute")).containsText("经核实系供电检修停电");
        assertThat(page.locator("#contest-form")).hasCount(0);
        screenshot("credit-record-annulled");
        context.clearCookies();

        // the company's score is back up by the record's points; the record shows as annulled
        signIn("company_user", Browserless.DEMO_PASSWORD);
        openFile(company);
        assertThat(page.locator("#records tr", new Page.LocatorOptions().setHasText(facts)).locator(".badge"))
                .hasText("已撤销");
        assertThat(page.locator("table.explanation").first().locator("tr",
                new Locator.LocatorOptions().setHasText(facts))).hasCount(0);
        assertThat(score()).isEqualByComparingTo(withRecord.add(new BigDecimal("1.50")));
    }
}
