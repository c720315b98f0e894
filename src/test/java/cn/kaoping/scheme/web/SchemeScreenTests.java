package cn.kaoping.scheme.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The scheme screens over real HTTP as a signed-in official: list, seed table, evaluate page, admin buttons. */
@IntegrationTest
class SchemeScreenTests {

    @LocalServerPort
    int port;

    @Test
    void theListShowsTheFiveSchemesAndMarksTheShenyangTablesAsEditableExamples() {
        Browserless street = Browserless.signIn(port, "street_df", Browserless.DEMO_PASSWORD);
        HttpResponse<String> res = street.get("/schemes");
        assertThat(res.statusCode()).isEqualTo(200);
        String html = res.body();
        assertThat(html).contains("评分标准", "二七区老旧小区物业管理考核评分细则", "xigang-street-2020", "hangzhou-reeval-2018",
                "shenyang-professional", "shenyang-basic");
        String erqiRow = row(html, "erqi-old-estate");
        assertThat(erqiRow).contains("第 1 版").contains("已发布").doesNotContain("示例标准，可修改");
        assertThat(row(html, "shenyang-professional")).contains("示例标准，可修改");
        assertThat(row(html, "shenyang-basic")).contains("示例标准，可修改");
    }

    private static String row(String html, String code) {
        int start = html.indexOf("data-code=\"" + code + "\"");
        assertThat(start).as("row of " + code).isPositive();
        return html.substring(start, html.indexOf("</tr>", start));
    }

    @Test
    void aSchemeIsShownAsItsSeedTableWithRuleCodesAndPoints() {
        Browserless street = Browserless.signIn(port, "street_df", Browserless.DEMO_PASSWORD);
        String html = street.get("/schemes/erqi-old-estate").body();
        assertThat(html).contains("序号", "考核大项", "考核分项", "分值", "评分标准");
        assertThat(html).contains("保安缺岗扣0.5分/次，无巡查记录扣0.1分/日，出现盗抢案件扣1分/次");
        assertThat(html).contains("10.a", "扣0.5分/次", "1.a", "未签合同", "扣10分");
        assertThat(html).contains("80%以上得10分");
        // a street officer sees no clone or publish buttons
        assertThat(html).doesNotContain("/schemes/erqi-old-estate/drafts").doesNotContain("/publish");
    }

    @Test
    void anAdministratorSeesTheCloneButtonOnAPublishedVersion() {
        Browserless admin = Browserless.signIn(port, "hedong_admin", Browserless.DEMO_PASSWORD);
        String html = admin.get("/schemes/xigang-street-2020").body();
        assertThat(html).contains("action=\"/schemes/xigang-street-2020/drafts?from=1\"").contains("复制为新草稿")
                .contains("已发布的版本不可修改");
    }

    @Test
    void evaluatingFiveGuardShortfallsShowsTheDeductionAndTheNewTotal() {
        Browserless street = Browserless.signIn(port, "street_df", Browserless.DEMO_PASSWORD);
        String before = street.get("/schemes/erqi-old-estate/evaluate").body();
        assertThat(before).contains("id=\"total\"").contains(">90<");

        HttpResponse<String> res = street.post("/schemes/erqi-old-estate/evaluate",
                Map.of("asOf", "2020-12-31", "count:10.a", "5", "value:20", "85", "sample:20", "12"));
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body()).contains("保安缺岗 5 次 × 0.5 分 = 2.5 分").contains(">97.5<").contains("等次：优秀");
    }

    @Test
    void milestonesAndTheHangzhouPartsAreEnteredOnTheSamePage() {
        Browserless street = Browserless.signIn(port, "street_df", Browserless.DEMO_PASSWORD);
        String xigang = street.post("/schemes/xigang-street-2020/evaluate",
                Map.of("asOf", "2020-07-01", "date:2.1:2020-06-15", "2020-06-20", "rank:3.c", "1")).body();
        assertThat(xigang).contains("逾期 5 天").contains("倒数第 1 名");

        String hangzhou = street.post("/schemes/hangzhou-reeval-2018/evaluate",
                Map.of("satisfied:owner-satisfaction", "412", "basicallySatisfied:owner-satisfaction", "160",
                        "owners:owner-satisfaction", "700", "value:expert", "86.5", "value:committee", "90")).body();
        assertThat(hangzhou).contains("81.71").contains("未通过");
    }

    @Test
    void badInputIsAPlainMessageNeverAnErrorPage() {
        Browserless street = Browserless.signIn(port, "street_df", Browserless.DEMO_PASSWORD);
        HttpResponse<String> letters = street.post("/schemes/erqi-old-estate/evaluate", Map.of("count:10.a", "five"));
        assertThat(letters.statusCode()).isEqualTo(200);
        assertThat(letters.body()).contains("请检查输入").contains("10.a 保安缺岗：请填写整数")
                .doesNotContain("id=\"total\"").doesNotContain("Exception");

        HttpResponse<String> negative = street.post("/schemes/erqi-old-estate/evaluate", Map.of("count:10.a", "-3"));
        assertThat(negative.statusCode()).isEqualTo(200);
        assertThat(negative.body()).contains("10.a 保安缺岗：次数 count 不能为负数");

        HttpResponse<String> rate = street.post("/schemes/erqi-old-estate/evaluate",
                Map.of("value:20", "120", "sample:20", "12"));
        assertThat(rate.body()).contains("请填写 0–100 之间的百分数");
    }

    @Test
    void anUnknownSchemeIsANotFoundPage() {
        Browserless street = Browserless.signIn(port, "street_df", Browserless.DEMO_PASSWORD);
        assertThat(street.get("/schemes/no-such-scheme").statusCode()).isEqualTo(404);
        assertThat(street.get("/schemes/no-such-scheme/evaluate").statusCode()).isEqualTo(404);
    }
}
