package cn.kaoping.credit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The city administrator computes a year's credit ranking from the ranking screen; a district administrator is told
 * the city computes it and may not (the year 2123 is this class's).
 */
@IntegrationTest
class CreditRankingScreenTests {

    @LocalServerPort
    int port;

    @Test
    void theCityAdministratorComputesTheYearsRankingFromTheScreenAndMayRecomputeIt() {
        Browserless city = Browserless.signIn(port, "city_admin", Browserless.DEMO_PASSWORD);
        String before = city.get("/credit/ranking?year=2123").body();
        assertThat(before).contains("本年度排名尚未计算保存", "计算 2123 年信用排名", "id=\"compute-ranking\"")
                .doesNotContain("重新计算", "id=\"compute-note\"");

        HttpResponse<String> computed = city.post("/credit/ranking/2123", Map.of());
        assertThat(computed.statusCode()).isEqualTo(302);
        assertThat(computed.headers().firstValue("Location").orElseThrow()).endsWith("/credit/ranking?year=2123");

        String after = city.get("/credit/ranking?year=2123").body();
        assertThat(after).contains("2123 年度信用排名已计算并保存（各区及全市）；新提出退出建议 0 条。",
                "本年度排名已于", "按第 1 版评分规则计算并保存", "重新计算 2123 年信用排名");
        assertThat(after).containsPattern("<tbody>\\s*<tr"); // the ranking shows
        // the message is shown once
        assertThat(city.get("/credit/ranking?year=2123").body()).doesNotContain("已计算并保存（各区及全市）");
    }

    @Test
    void aDistrictAdministratorIsToldTheCityComputesTheRankingAndCannotComputeIt() {
        Browserless district = Browserless.signIn(port, "hedong_admin", Browserless.DEMO_PASSWORD);
        String page = district.get("/credit/ranking?year=2123").body();
        assertThat(page).contains("信用排名由市级管理员计算并保存", "每年 1 月 1 日凌晨自动计算上一年度")
                .doesNotContain("id=\"compute-ranking\"");
        assertThat(district.post("/credit/ranking/2123", Map.of()).statusCode()).isEqualTo(403);
    }
}
