package cn.kaoping.browser;

import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;
import cn.kaoping.streetassessment.year.AssessmentStore;
import cn.kaoping.streetassessment.year.Node;
import cn.kaoping.streetassessment.year.OpenYear;
import cn.kaoping.support.IntegrationTest;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A street office submits a node with a photo, the district accepts it, the quarter is published and the public
 * page shows the ranking (issue 15), in 河西区 on a past year so that every quarter has ended.
 */
@IntegrationTest
class StreetAssessmentBrowserTests extends BrowserTest {

    private final OpenYear open;
    private final AssessmentStore store;
    private final OrganisationDirectory directory;

    StreetAssessmentBrowserTests(@Autowired OpenYear open, @Autowired AssessmentStore store,
                                 @Autowired OrganisationDirectory directory) {
        this.open = open;
        this.store = store;
        this.directory = directory;
    }

    @Test
    void aStreetSubmitsWithAPhotoTheDistrictAcceptsAndPublishesTheQuarter() throws Exception {
        RegionRef district = directory.regionByCode("QH-HX").orElseThrow();
        long year = open.open(new KaopingPrincipal(0, "hexi_admin", "河西区住建局", Role.DISTRICT_ADMIN, district.id(),
                district.path(), null, null), new OpenYear.Form("xigang-street-2020", 2025, null, null));
        long xh = directory.regionByCode("QH-HX-XH").orElseThrow().id();
        Node node = store.nodes(year, xh).stream().filter(n -> n.ruleCode().equals("14"))
                .findFirst().orElseThrow();

        signIn("street_xh", "Kaoping2026");
        page.navigate(url("/street-assessments"));
        page.locator("#years a").first().click();
        page.waitForLoadState();
        page.locator("#scores a", new com.microsoft.playwright.Page.LocatorOptions().setHasText("西湖街道")).click();
        page.waitForLoadState();
        assertThat(page.locator("#street-name")).hasText("西湖街道");
        var card = page.locator("#node-" + node.id());
        card.locator("textarea[name=note]").fill("2025 年无人管理老旧小区维修计划明细表");
        card.locator("input[name=figureName]").first().fill("计划维修楼栋数");
        card.locator("input[name=figureValue]").first().fill("12");
        card.locator("input[name=files]").setInputFiles(new FilePayload("维修计划.png", "image/png", png()));
        screenshot("street-assessment-submit");
        card.locator("button[type=submit]").first().click();
        page.waitForLoadState();
        assertThat(page.locator("#done")).isVisible();
        assertThat(page.locator("#node-" + node.id() + " .node-status")).hasText("已报送待审核");
        assertThat(page.locator("#node-" + node.id())).containsText("计划维修楼栋数: 12");
        assertThat(page.locator("#node-" + node.id() + " a[href*='/files/']")).hasText("维修计划.png");

        context.clearCookies();
        signIn("hexi_admin", "Kaoping2026");
        page.navigate(url("/street-assessments/" + year + "/streets/" + xh + "#node-" + node.id()));
        page.locator("#node-" + node.id() + " button.accept").click();
        page.waitForLoadState();
        assertThat(page.locator("#node-" + node.id() + " .node-status")).hasText("审核通过");
        assertThat(page.locator("#explanation [data-item='14']")).containsText("逾期");

        page.navigate(url("/street-assessments/" + year + "/quarters/4"));
        assertThat(page.locator("#preview tbody tr")).hasCount(3);
        screenshot("street-assessment-quarter");
        page.locator("#publish-quarter").click();
        page.waitForLoadState();
        assertThat(page.locator("#quarter-title")).containsText("第 4 季度");
        assertThat(page.locator("#public-ranking tbody tr")).hasCount(3);
        assertThat(page.locator("#public-ranking")).containsText("西湖街道");
        screenshot("street-assessment-public");

        context.clearCookies();
        page.navigate(url("/public/street-assessments"));
        assertThat(page.locator("#published-quarters")).containsText("河西区");
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
