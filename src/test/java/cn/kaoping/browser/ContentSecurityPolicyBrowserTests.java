package cn.kaoping.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.inspection.RoundFixture;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.ranking.RankingSummary;
import cn.kaoping.ranking.Rankings;
import cn.kaoping.support.ApiClient;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import cn.kaoping.survey.SurveyFixture;
import cn.kaoping.survey.internal.IssueSurveyCodes;
import cn.kaoping.survey.internal.OpenSurvey;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The main pages work under a Content-Security-Policy without 'unsafe-inline' or 'unsafe-eval': Chromium reports
 * no violation on any of them, htmx and the ECharts dashboard included.
 */
@IntegrationTest
class ContentSecurityPolicyBrowserTests extends BrowserTest {

    @Autowired
    Rankings rankings;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OpenSurvey open;
    @Autowired
    IssueSurveyCodes codes;

    private final List<String> violations = new ArrayList<>();

    @BeforeEach
    void watchForViolations() {
        // an init script runs outside the page's policy, so it can report what the policy refuses
        page.addInitScript("document.addEventListener('securitypolicyviolation', e => console.error("
                + "'CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));");
        page.onConsoleMessage(m -> {
            if (m.text().contains("CSP violation") || m.text().contains("Content Security Policy")) {
                violations.add(page.url() + " → " + m.text());
            }
        });
        page.onPageError(e -> violations.add(page.url() + " → script error " + e));
    }

    private void visit(String path) {
        Response res = page.navigate(url(path));
        assertThat(res.status()).as(path).isLessThan(400);
        String csp = res.headers().getOrDefault("content-security-policy", "");
        assertThat(csp).as(path).contains("script-src 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        page.waitForLoadState();
    }

    @Test
    void theMainPagesRunWithoutAViolation() {
        long round = RoundFixture.openOverDongfeng(port, directory, 7);
        long task = RoundFixture.inspections(ApiClient.as(port, "street_df", Browserless.DEMO_PASSWORD), round).get(0);
        SurveyFixture.Made survey = new SurveyFixture(jdbc, open, codes, directory).survey("shenyang-professional",
                "PROFESSIONAL", 3);
        RankingSummary year = rankings.find("shenyang-professional", "2025").orElseThrow();

        visit("/login");
        // the watch itself works: markup with an inline style, as an injection would bring, is refused and reported
        page.evaluate("document.body.insertAdjacentHTML('beforeend', '<div style=\"color: red\">x</div>')");
        page.waitForTimeout(300);
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("style-src"));
        violations.clear();
        visit("/public/rankings");
        visit("/public/rankings/shenyang-professional/2025");
        visit("/s/" + survey.linkKey());
        page.locator("input[name='code']").fill("WRONG-CODE");
        page.locator("button[type='submit']").click();
        page.waitForLoadState();

        signIn("street_df", Browserless.DEMO_PASSWORD);
        visit("/");
        visit("/rounds");
        visit("/rounds/" + round);
        visit("/rounds/tasks/" + task);
        // an htmx round trip: the score is recomputed as the officer types
        page.locator("input[name='count:10.a']").fill("2");
        page.locator("input[name='count:10.a']").blur();
        page.waitForTimeout(800);
        visit("/estates");

        context.clearCookies();
        signIn("hedong_admin", Browserless.DEMO_PASSWORD);
        visit("/rankings/" + year.id());
        visit("/dashboards?ranking=" + year.id());
        page.waitForSelector("canvas");
        page.waitForTimeout(1200); // ECharts animates in
        page.locator("canvas").first().hover(new com.microsoft.playwright.Locator.HoverOptions()
                .setPosition(120, 120)); // a tooltip
        page.waitForTimeout(400);
        visit("/surveys/" + survey.surveyId());
        page.waitForTimeout(800);

        assertThat(violations).isEmpty();
    }
}
