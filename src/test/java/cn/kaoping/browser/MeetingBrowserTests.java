package cn.kaoping.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import cn.kaoping.support.IntegrationTest;
import com.microsoft.playwright.APIResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * A joint meeting in Chromium (issue 14): the street office convenes it about one of its open complaints, records the
 * minutes with a decision, and the 会议纪要 opens as a PDF (its text carries the topic and the decision) and as Word;
 * the district's list shows the street's completion rate.
 */
@IntegrationTest
class MeetingBrowserTests extends BrowserTest {

    @Test
    void theStreetConvenesRecordsTheMinutesAndTheMinutesOpen() throws Exception {
        signIn("street_df", "Kaoping2026");
        page.navigate(url("/complaints/new"));
        page.locator("#estateId").selectOption(page.locator("#estateId option").nth(1).getAttribute("value"));
        page.locator("#category").selectOption("ORDER");
        page.locator("#content").fill("地下车库长期被外来车辆占用");
        page.locator("#complaint-form button[type=submit]").click();
        page.waitForLoadState();
        String complaint = page.url().replaceAll(".*/complaints/(\\d+).*", "$1");

        page.navigate(url("/meetings/new"));
        page.locator("#topic").fill("车库被占用问题联席会议");
        page.locator("#heldOn").fill(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
        page.locator("#unit-URBAN").check();
        page.locator("#unit-COMPANY").check();
        page.locator("#complaint-" + complaint).check();
        page.locator("#convene").click();
        page.waitForLoadState();
        assertThat(page.locator("#meeting-topic")).hasText("车库被占用问题联席会议");
        assertThat(page.locator("#meeting-complaints")).containsText("地下车库长期被外来车辆占用");

        page.locator("#came-URBAN").uncheck();
        page.locator("#minutes").fill("与会单位通报情况，议定由物业服务企业加装道闸，城管部门配合清理。");
        page.locator("#d1-issue").fill("外来车辆占用车库");
        page.locator("#d1-handling").fill("十日内加装道闸并登记外来车辆");
        page.locator("#d1-unit").selectOption("COMPANY");
        page.locator("#d1-due").fill(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(10).toString());
        page.locator("#save-minutes").click();
        page.waitForLoadState();
        assertThat(page.locator("#done")).isVisible();
        assertThat(page.locator("#decisions")).containsText("十日内加装道闸");
        screenshot("meeting-minutes");

        String pdfUrl = page.locator("#minutes-pdf").getAttribute("href");
        APIResponse pdf = page.request().get(url(pdfUrl));
        org.assertj.core.api.Assertions.assertThat(pdf.status()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(pdf.headers().get("content-type")).startsWith("application/pdf");
        try (var doc = Loader.loadPDF(pdf.body())) {
            org.assertj.core.api.Assertions.assertThat(new PDFTextStripper().getText(doc))
                    .contains("车库被占用问题联席会议").contains("十日内加装道闸");
        }
        APIResponse word = page.request().get(url(page.locator("#minutes-docx").getAttribute("href")));
        org.assertj.core.api.Assertions.assertThat(word.status()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(word.body()).startsWith('P', 'K');

        context.clearCookies();
        signIn("hedong_admin", "Kaoping2026");
        page.navigate(url("/meetings"));
        assertThat(page.locator("#completion")).containsText("东风街道");
    }
}
