package cn.kaoping.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.support.ApiClient;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import cn.kaoping.support.TestClock;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A pilot day (issue 21), on a phone (390 px) and on a desktop (1366 px): the district opens a round (a wrong
 * deadline refused with nothing lost, an overlapping round asked to confirm), a street officer inspects (a refused
 * submit keeps every typed value, the corrected one goes through), the district bulk-accepts, publishes after the
 * publicity period (test clock), prints household slips (with the public address) and an owner answers with a code
 * typed with Chinese dashes. Every page passed fits the screen and shows no raw code; every PDF reads back without
 * a missing glyph.
 */
@IntegrationTest
class PilotDayBrowserTests extends BrowserTest {

    static final String PUBLIC_URL = "https://kaoping.qinghe.example.gov.cn";

    /** What a person must never read: scheme codes, event keys, usernames, enum names. */
    static final Pattern RAW = Pattern.compile("erqi-old-estate|shenyang-(basic|professional)|hangzhou-reeval"
            + "|xigang-street|TopRanked|BottomRanked|owner-satisfaction|veto\\.\\d|hedong_admin|street_df"
            + "|\\b(PENDING|SUBMITTED|ACCEPTED|RETURNED|PROFESSIONAL|BASIC|DRAFT|PUBLICITY|PUBLISHED)\\b");

    private final JdbcClient jdbc;
    private int width;
    private final List<String> problems = new ArrayList<>();

    PilotDayBrowserTests(@Autowired JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Test
    void aPilotDayOnAPhone() {
        pilotDay(390, 844, true, "2031-Q2");
    }

    @Test
    void aPilotDayOnADesktop() {
        pilotDay(1366, 900, false, "2031-Q3");
    }

    private void pilotDay(int w, int h, boolean phone, String period) {
        width = w;
        Page admin = as("hedong_admin", w, h, phone);
        int year = Integer.parseInt(period.substring(0, 4));
        int quarter = period.charAt(6) - '0';
        String due = "%d-%02d-10".formatted(year, quarter * 3 + 1);
        String review = "%d-%02d-20".formatted(year, quarter * 3 + 1);
        String name = "试点日 " + period + " 东风街道检查";

        // 1. a round: the wrong deadline is refused and everything typed stays
        admin.navigate(url("/rounds/new"));
        admin.locator("#name").fill(name);
        admin.locator("#period").fill(period);
        admin.locator("#streetId").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("东风街道"));
        admin.locator("#inspectionDue").fill("2020-01-01");
        admin.locator("#reviewDue").fill(review);
        admin.locator("#publicityDays").fill("1");
        admin.locator("#round-form button[type=submit]").click();
        admin.waitForLoadState();
        assertThat(admin.locator("#round-form")).containsText("检查截止日期不能早于考评周期的第一天");
        assertThat(admin.locator("#name")).hasValue(name);
        assertThat(admin.locator("#reviewDue")).hasValue(review);
        look(admin, "round form refused");
        admin.locator("#inspectionDue").fill(due);
        admin.locator("#round-form button[type=submit]").click();
        admin.waitForURL(Pattern.compile(".*/rounds/\\d+$"));
        long round = Long.parseLong(admin.url().replaceAll(".*/", ""));
        assertThat(admin.locator("main")).containsText("考评标准 二七区老旧小区");
        look(admin, "round draft");

        // the same round again is not opened silently
        admin.navigate(url("/rounds/new"));
        admin.locator("#name").fill(name + "（重复）");
        admin.locator("#period").fill(period);
        admin.locator("#streetId").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("东风街道"));
        admin.locator("#inspectionDue").fill(due);
        admin.locator("#reviewDue").fill(review);
        admin.locator("#round-form button[type=submit]").click();
        admin.waitForLoadState();
        assertThat(admin.locator("#overlap")).containsText("已有轮次「" + name + "」");
        assertThat(admin.locator("#confirmOverlap")).not().isChecked();
        look(admin, "overlap");

        admin.navigate(url("/rounds/" + round));
        admin.getByText("启动轮次").click();
        admin.waitForLoadState();
        assertThat(admin.locator("#round-status")).hasText("进行中");

        // 2. the street officer inspects: a refused submit loses nothing, the corrected one goes through
        Page officer = as("street_df", w, h, phone);
        officer.navigate(url("/rounds/" + round));
        long task = Long.parseLong(officer.locator("#results-table tr[data-inspection]").first()
                .getAttribute("data-inspection"));
        officer.navigate(url("/rounds/tasks/" + task));
        var counts = officer.locator("input[name^='count:']");
        String first = counts.nth(0).getAttribute("name");
        String second = counts.nth(1).getAttribute("name");
        String firstNote = "note:" + first.substring(6);
        String secondNote = "note:" + second.substring(6);
        officer.locator("input[name='" + second + "']").fill("2");
        officer.locator("input[name='" + secondNote + "']").fill("楼道堆物两处");
        officer.locator("input[name='" + first + "']").fill("-5");
        officer.locator("input[name='" + firstNote + "']").fill("夜班保安缺岗");
        officer.locator("#submit-inspection").click();
        officer.waitForLoadState();
        assertThat(officer.locator("#problem")).containsText("次数不能为负数");
        assertThat(officer.locator("input[name='" + first + "']")).hasValue("-5");
        assertThat(officer.locator("input[name='" + firstNote + "']")).hasValue("夜班保安缺岗");
        assertThat(officer.locator("input[name='" + second + "']")).hasValue("2");
        assertThat(officer.locator(".rule-problem")).hasCount(1);
        look(officer, "refused submit");
        officer.navigate(url("/rounds/tasks/" + task));
        assertThat(officer.locator("input[name='" + firstNote + "']")).hasValue("夜班保安缺岗");
        assertThat(officer.locator("input[name='" + secondNote + "']")).hasValue("楼道堆物两处");
        officer.locator("input[name='" + first + "']").fill("5");
        officer.locator("#submit-inspection").click();
        officer.waitForLoadState();
        assertThat(officer.locator("#task-status")).hasText("已提交");
        look(officer, "submitted");
        pdf(officer, "/rounds/tasks/" + task + "/sheet.pdf", "夜班保安缺岗");
        ApiClient api = ApiClient.as(port, "street_df", Browserless.DEMO_PASSWORD);
        List<Long> others = jdbc.sql("SELECT id FROM inspection WHERE round_id = :r AND id <> :t ORDER BY id")
                .param("r", round).param("t", task).query(Long.class).list();
        others.forEach(id -> assertThat(api.send("POST", "/api/v1/inspections/" + id + "/submit", null)
                .statusCode()).isEqualTo(200));

        // 3. the district reviews on one page: the unflagged at once, the flagged one (no photo) by itself
        admin.navigate(url("/rounds/" + round));
        assertThat(admin.locator("#results-table tr[data-inspection='" + task + "'] .assignee"))
                .not().containsText("未指派");
        admin.locator("#review-link").click();
        admin.waitForLoadState();
        assertThat(admin.locator("#review-" + task)).containsText("没有照片");
        look(admin, "review list");
        admin.locator("#accept-unflagged").click();
        admin.waitForLoadState();
        assertThat(admin.locator("#review-done")).containsText("已审核通过 " + others.size() + " 个检查");
        admin.locator("#review-" + task + " button.btn-outline-success").click();
        admin.waitForLoadState();
        assertThat(admin.locator("#review-empty")).isVisible();

        // 4. publicity, and publication once it is over (the test clock moves two days on)
        admin.navigate(url("/rounds/" + round));
        admin.getByText("进入公示").click();
        admin.waitForLoadState();
        assertThat(admin.locator("#round-status")).hasText("公示中");
        TestClock.later(Duration.ofDays(2), () -> {
            admin.getByText("公布结果").click();
            admin.waitForLoadState();
        });
        assertThat(admin.locator("#round-status")).hasText("已公布");
        assertThat(admin.locator("#revisions")).containsText("李主任");
        look(admin, "published");
        pdf(admin, "/rounds/" + round + "/results.pdf", name);

        // 5. a survey of the estate for this round, picked by name; slips carry the public address
        String estate = jdbc.sql("SELECT estate_name FROM inspection WHERE id = :t").param("t", task)
                .query(String.class).single();
        long estateId = jdbc.sql("SELECT estate_id FROM inspection WHERE id = :t").param("t", task)
                .query(Long.class).single();
        admin.navigate(url("/surveys/new"));
        admin.locator("#title").fill("试点日满意度调查 " + period);
        String category = jdbc.sql("SELECT category FROM estate WHERE id = :e").param("e", estateId)
                .query(String.class).single();
        admin.locator("#questionnaire").selectOption("PROFESSIONAL".equals(category) ? "shenyang-professional"
                : "shenyang-basic");
        admin.locator("#estateIds").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(estate));
        admin.locator("#roundId").selectOption(String.valueOf(round));
        look(admin, "survey form");
        admin.locator("main form button[type=submit]").click();
        admin.waitForLoadState();
        assertThat(admin.url()).as((String) admin.evaluate("Array.from(document.querySelectorAll("
                + "'.invalid-feedback, .alert-danger')).map(e => e.innerText).join(' | ')"))
                .matches(".*/surveys/\\d+$");
        long survey = Long.parseLong(admin.url().replaceAll(".*/", ""));
        admin.navigate(url("/surveys/" + survey + "/estates/" + estateId));
        look(admin, "survey estate");
        Map<String, Object> household = jdbc.sql("""
                SELECT building, unit, room FROM household WHERE estate_id = :e ORDER BY id LIMIT 1""")
                .param("e", estateId).query().singleRow();
        String csrf = admin.locator("form[action$='/slips'] input[name=_csrf]").getAttribute("value");
        APIResponse slips = admin.request().post(url("/surveys/" + survey + "/estates/" + estateId + "/slips"),
                RequestOptions.create().setForm(FormData.create().set("_csrf", csrf)
                        .set("building", (String) household.get("building")).set("unit", (String) household.get("unit"))
                        .set("room", (String) household.get("room"))));
        assertThat(slips.status()).isEqualTo(200);
        String slipText = text(slips.body());
        assertThat(slipText).contains(PUBLIC_URL + "/s/").doesNotContain("localhost");
        Matcher code = Pattern.compile("([0-9A-Z]{4})-([0-9A-Z]{4})-([0-9A-Z]{4})-([0-9A-Z]{4})").matcher(slipText);
        assertThat(code.find()).as(slipText).isTrue();
        Matcher link = Pattern.compile(Pattern.quote(PUBLIC_URL) + "(/s/[A-Za-z0-9_-]+)").matcher(slipText);
        assertThat(link.find()).isTrue();

        // 6. the owner types the code with Chinese dashes
        Page owner = as(null, w, h, phone);
        owner.navigate(url(link.group(1)));
        owner.locator("#building").fill((String) household.get("building"));
        owner.locator("#unit").fill((String) household.get("unit"));
        owner.locator("#room").fill((String) household.get("room"));
        owner.locator("#code").fill(code.group(1) + "—" + code.group(2) + "—" + code.group(3) + "—" + code.group(4));
        var questions = owner.locator("fieldset[id^='q-']");
        for (int i = 0; i < questions.count(); i++) {
            questions.nth(i).locator("label.opt").first().click();
        }
        look(owner, "owner form");
        owner.locator("button[type=submit]").click();
        owner.waitForLoadState();
        assertThat(owner.locator("#thanks")).containsText("提交成功");
        look(owner, "owner thanks");

        for (Page p : List.of(admin, officer, owner)) {
            p.context().close();
        }
        assertThat(problems).isEmpty();
    }

    /** A new browser of the given size, signed in as the user (or anonymous for null). */
    private Page as(String username, int w, int h, boolean phone) {
        Browser.NewContextOptions options = new Browser.NewContextOptions().setViewportSize(w, h).setLocale("zh-CN");
        if (phone) {
            options.setIsMobile(true).setHasTouch(true);
        }
        Page p = browser.newContext(options).newPage();
        if (username != null) {
            p.navigate(url("/login"));
            p.getByLabel("用户名").fill(username);
            p.getByLabel("密码").fill(Browserless.DEMO_PASSWORD);
            p.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("登录")).click();
            p.waitForURL(url("/"));
        }
        return p;
    }

    /** The page fits the screen and shows no raw code; problems are collected and asserted at the end. */
    private void look(Page p, String step) {
        p.waitForLoadState();
        int scrollWidth = ((Number) p.evaluate("document.documentElement.scrollWidth")).intValue();
        if (scrollWidth > width) {
            problems.add(width + " px, " + step + ": page is " + scrollWidth + " px wide");
        }
        Matcher raw = RAW.matcher((String) p.evaluate("document.body.innerText"));
        if (raw.find()) {
            problems.add(width + " px, " + step + ": shows '" + raw.group() + "'");
        }
        if (width < 500) {
            page = p;
            screenshot("pilot-" + width + "-" + step.replace(' ', '-'));
        }
    }

    /** Downloads a PDF with the page's session and checks every character was drawn (no '#' for a missing glyph). */
    private void pdf(Page p, String path, String expected) {
        APIResponse res = p.request().get(url(path));
        assertThat(res.status()).as(path).isEqualTo(200);
        String text = text(res.body());
        assertThat(text).as(path).contains(expected).doesNotContain("#").doesNotContain("\uFFFD");
    }

    private static String text(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
