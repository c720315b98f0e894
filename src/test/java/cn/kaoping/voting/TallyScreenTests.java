package cn.kaoping.voting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** 表决计票试算: a committee member pastes a roll and reads the verdict and the law's comparisons (issue 13). */
@IntegrationTest
class TallyScreenTests {

    @LocalServerPort
    int port;

    @Test
    void aPastedRollIsCountedAndABadLineIsNamed() {
        Browserless s = Browserless.signIn(port, "committee_member", Browserless.DEMO_PASSWORD);
        String page = s.get("/voting/tally").body();
        assertThat(page).contains("业主表决计票试算").contains("第4项：选聘和解聘物业服务企业或者其他管理人");

        HttpResponse<String> counted = s.post("/voting/tally", Map.of("matter", "6", "roll", """
                房号,业主,面积,表决意见
                1-101\t张三\t90\t同意
                1-102，李四，90，同意
                1-103,王五,90,反对
                1-104,赵六,90,同意
                2-101,开发商,90,,是"""));
        assertThat(counted.body()).contains("id=\"verdict\"").contains("表决通过")
                .contains("四分之三以上").contains("3 × 4 ≥ 4 × 3");

        HttpResponse<String> bad = s.post("/voting/tally", Map.of("matter", "4", "roll", "1-101,张三,九十,同意"));
        assertThat(bad.body()).contains("第 1 行的面积“九十”不是数字").doesNotContain("id=\"verdict\"");
    }
}
