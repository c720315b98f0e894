package cn.kaoping.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import cn.kaoping.organisation.EstateRef;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.options.FilePayload;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A complaint from an owner's phone to its close (issue 14): the owner opens the complaint page from the estate's
 * public page on a phone-size screen, describes the problem with a photo and is given the work order's number; the
 * street office finds it, sees the photo, assigns it to the company; the company answers; the street closes it.
 */
@IntegrationTest
class ComplaintBrowserTests extends BrowserTest {

    private final OrganisationDirectory directory;

    ComplaintBrowserTests(@Autowired OrganisationDirectory directory) {
        this.directory = directory;
    }

    @Test
    void anOwnerComplainsWithAPhotoAndTheStreetAndTheCompanyCloseIt() throws Exception {
        long company = directory.firstCompanyId().orElseThrow();
        EstateRef estate = directory.firstEstateOfCompany(company).orElseThrow();
        RegionRef street = directory.region(directory.placements(List.of(estate.id())).get(0).streetId()).orElseThrow();

        context.close();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740).setLocale("zh-CN")
                .setIsMobile(true).setHasTouch(true));
        page = context.newPage();
        page.navigate(url("/public/estates/" + estate.id() + "/accounts"));
        page.locator("#complain").click();
        page.waitForLoadState();
        assertThat(page.locator("h1")).hasText("物业投诉");
        page.locator("#file").click();
        page.waitForLoadState();
        assertThat(page.locator("#problems")).containsText("请填写投诉内容");
        page.locator("input[name=category][value=FACILITIES]").check();
        page.locator("#content").fill("5 号楼单元门禁损坏一周，夜间无法关门");
        page.locator("#phone").fill("13700000000");
        page.locator("#photos").setInputFiles(new FilePayload("门禁.png", "image/png", png()));
        screenshot("complaint-owner-phone");
        page.locator("#file").click();
        page.waitForLoadState();
        assertThat(page.locator("#thanks")).containsText("工单编号");
        long id = Long.parseLong(page.locator("#thanks").textContent().replaceAll("(?s).*工单编号 (\\d+).*", "$1"));

        Browserless officer = Browserless.signIn(port, "street_" + street.code().substring(street.code()
                .lastIndexOf('-') + 1).toLowerCase(), Browserless.DEMO_PASSWORD);
        String detail = officer.get("/complaints/" + id).body();
        org.assertj.core.api.Assertions.assertThat(detail).contains("5 号楼单元门禁损坏一周").contains("13700000000")
                .contains("/complaints/" + id + "/photos/");
        String photo = detail.replaceAll("(?s).*?(/complaints/" + id + "/photos/[0-9a-f-]{36}).*", "$1");
        org.assertj.core.api.Assertions.assertThat(officer.get(photo).headers().firstValue("Content-Type"))
                .hasValue("image/png");
        officer.post("/complaints/" + id + "/assign", Map.of("to", "company"));
        Browserless companyUser = Browserless.signIn(port, "company_user", Browserless.DEMO_PASSWORD);
        org.assertj.core.api.Assertions.assertThat(companyUser.get("/complaints/" + id).body())
                .as("the owner's phone is for the street's call back only").doesNotContain("13700000000");
        companyUser.post("/complaints/" + id + "/answer", Map.of("answer", "已更换门禁锁，当日修复"));
        officer.post("/complaints/" + id + "/close", Map.of("verdict", "SUBSTANTIATED", "callback", "SATISFIED"));
        org.assertj.core.api.Assertions.assertThat(officer.get("/complaints/" + id).body()).contains("已办结")
                .contains("回访：满意");

        // the figures page draws its chart (ECharts from a file, under the CSP) above the table
        context.close();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 860).setLocale("zh-CN"));
        page = context.newPage();
        java.util.List<String> violations = new java.util.ArrayList<>();
        page.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy")) {
                violations.add(m.text());
            }
        });
        signIn("street_" + street.code().substring(street.code().lastIndexOf('-') + 1).toLowerCase(), "Kaoping2026");
        page.navigate(url("/complaints/figures"));
        assertThat(page.locator("#complaint-chart canvas")).hasCount(1);
        org.assertj.core.api.Assertions.assertThat(violations).isEmpty();
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        image.setRGB(5, 5, 0xff0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
