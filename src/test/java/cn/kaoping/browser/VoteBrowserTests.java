package cn.kaoping.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import cn.kaoping.organisation.EstateRef;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.support.ApiClient;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import cn.kaoping.support.TestClock;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An owners' vote end to end in the browser (issue 13): the owners' committee drafts it on the screen, the street
 * office approves, the roll is frozen when the announcement has run, the committee prints the code slips, an owner
 * votes on a phone-size page with the code from the slip, a paper ballot is keyed in by two people, the committee
 * closes the vote after the window and the result announcement PDF opens; the owners' page shows the result.
 */
@IntegrationTest
class VoteBrowserTests extends BrowserTest {

    private static final Pattern CODE = Pattern.compile("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-"
            + "[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");

    private final OrganisationDirectory directory;

    VoteBrowserTests(@Autowired OrganisationDirectory directory) {
        this.directory = directory;
    }

    @Test
    void anOwnerVotesOnHisPhoneAndTheCommitteeClosesTheVoteAndPrintsTheResult() throws Exception {
        EstateRef estate = directory.firstEstateWithCommittee().orElseThrow();
        RegionRef street = directory.region(directory.placements(List.of(estate.id())).get(0).streetId())
                .orElseThrow();
        String officer = "street_" + street.code().substring(street.code().lastIndexOf('-') + 1).toLowerCase();

        signIn("committee_member", Browserless.DEMO_PASSWORD);
        page.navigate(url("/votes"));
        page.locator("#new-vote").click();
        String title = "关于续聘物业服务企业的表决 " + System.nanoTime();
        page.locator("#matter").selectOption("4");
        page.locator("#title").fill(title);
        page.locator("#proposals").fill("续聘现物业服务企业，合同期三年");
        page.locator("#save-draft").click();
        page.waitForLoadState();
        assertThat(page.locator("#vote-title")).hasText(title);
        assertThat(page.locator("#vote-status")).hasText("草稿，待街道审核");
        long id = Long.parseLong(page.url().replaceAll(".*/votes/(\\d+).*", "$1"));

        ApiClient streetApi = ApiClient.as(port, officer, Browserless.DEMO_PASSWORD);
        org.assertj.core.api.Assertions.assertThat(streetApi.send("POST", "/api/v1/votes/" + id + "/approve", null)
                .statusCode()).isEqualTo(200);

        String[] link = new String[1];
        byte[][] slips = new byte[1][];
        TestClock.later(Duration.ofDays(16), () -> {
            page.reload();
            page.locator("#roll").fill("1-101,张三,90.00\n1-102,李四,90.00\n1-103,王五,90.00");
            page.locator("#open").click();
            page.waitForLoadState();
            assertThat(page.locator("#vote-status")).hasText("投票中");
            link[0] = page.locator("#owner-link").textContent().strip();
            Download download = page.waitForDownload(() -> page.locator("#issue-codes").click());
            try {
                slips[0] = Files.readAllBytes(download.path());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String text;
        try (var pdf = Loader.loadPDF(slips[0])) {
            org.assertj.core.api.Assertions.assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            text = new PDFTextStripper().getText(pdf);
        }
        Matcher codes = CODE.matcher(text);
        List<String> found = codes.results().map(java.util.regex.MatchResult::group).toList();
        org.assertj.core.api.Assertions.assertThat(found).as("one code per unit on the slips").hasSize(3)
                .doesNotHaveDuplicates();

        // the owner of 1-101 votes on a phone; which code is his does not matter to the page
        var owner = browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740).setLocale("zh-CN")
                .setIsMobile(true).setHasTouch(true));
        var phone = owner.newPage();
        String unitOfFirstCode = TestClockCall.of(() -> {
            phone.navigate(link[0]);
            assertThat(phone.locator("h1")).hasText(title);
            phone.locator("#code").fill(found.get(0).toLowerCase().replace("-", " "));
            phone.locator("#cast").click();
            phone.waitForLoadState();
            assertThat(phone.locator("#message")).containsText("请对每项议题选择");
            phone.locator("#code").fill(found.get(0));
            phone.locator("#p-1 input[value=FOR]").check();
            phone.locator("#cast").click();
            phone.waitForLoadState();
            assertThat(phone.locator("#thanks")).containsText("已记录房号");
            return phone.locator("#thanks").textContent().replaceAll("(?s).*房号 (\\S+) 的表决.*", "$1");
        });
        // a paper ballot for another unit, keyed in by the committee and checked by the street office
        String paperUnit = List.of("1-101", "1-102", "1-103").stream().filter(u -> !u.equals(unitOfFirstCode))
                .findFirst().orElseThrow();
        String paperBallot = "{\"unit\":\"" + paperUnit + "\",\"ballots\":[\"同意\"]}";
        TestClock.later(Duration.ofDays(17), () -> {
            // tokens are issued on the moved clock (one of the real time would have expired by then)
            ApiClient committeeApi = ApiClient.as(port, "committee_member", Browserless.DEMO_PASSWORD);
            ApiClient checker = ApiClient.as(port, officer, Browserless.DEMO_PASSWORD);
            org.assertj.core.api.Assertions.assertThat(committeeApi.send("POST", "/api/v1/votes/" + id + "/ballots",
                    paperBallot).body()).contains("PENDING");
            org.assertj.core.api.Assertions.assertThat(checker.send("POST", "/api/v1/votes/" + id + "/ballots",
                    paperBallot).body()).contains("RECORDED");
            page.reload();
            assertThat(page.locator("#participation")).containsText("已参与表决 2 人 / 共 3 人");
            assertThat(page.locator("#roll-lines")).containsText("手机");
            assertThat(page.locator("#roll-lines")).containsText("纸质");
        });

        TestClock.later(Duration.ofDays(31), () -> {
            page.reload();
            page.locator("#close").click();
            page.waitForLoadState();
            assertThat(page.locator("#vote-status")).hasText("已结束计票");
            // 2 of 3 owners and 180 of 270 m² took part: exactly two thirds is enough (以上); both consented
            assertThat(page.locator("#result-1")).containsText("表决通过");
            APIResponse pdf = page.request().get(url("/votes/" + id + "/result.pdf"));
            org.assertj.core.api.Assertions.assertThat(pdf.status()).isEqualTo(200);
            org.assertj.core.api.Assertions.assertThat(pdf.headers().get("content-type")).startsWith("application/pdf");
            try (var doc = Loader.loadPDF(pdf.body())) {
                org.assertj.core.api.Assertions.assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(1);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            phone.navigate(link[0]);
            assertThat(phone.locator("#result-1")).containsText("表决通过");
        });
        owner.close();
    }

    /** Runs a step of the test 16 days on, while the vote is open, and returns its value. */
    private interface TestClockCall<T> {
        T call();

        static <T> T of(TestClockCall<T> step) {
            Object[] out = new Object[1];
            TestClock.later(Duration.ofDays(16), () -> out[0] = step.call());
            @SuppressWarnings("unchecked")
            T t = (T) out[0];
            return t;
        }
    }
}
