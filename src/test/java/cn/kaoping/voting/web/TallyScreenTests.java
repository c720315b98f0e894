package cn.kaoping.voting.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.support.WebSlice;
import cn.kaoping.voting.internal.CountRoll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * 表决计票试算: a committee member pastes a roll and reads the verdict and the law's comparisons (issue 13). The
 * screen and the real count (a pure function) without a database: a slice, not the whole application.
 */
@WebSlice(TallyController.class)
@Import(CountRoll.class)
class TallyScreenTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void aPastedRollIsCountedAndABadLineIsNamed() {
        assertThat(mvc.get().uri("/voting/tally")).hasStatusOk().bodyText().contains("业主表决计票试算")
                .contains("第4项：选聘和解聘物业服务企业或者其他管理人");

        MvcTestResult counted = mvc.post().uri("/voting/tally").param("matter", "6").param("roll", """
                房号,业主,面积,表决意见
                1-101\t张三\t90\t同意
                1-102，李四，90，同意
                1-103,王五,90,反对
                1-104,赵六,90,同意
                2-101,开发商,90,,是""").exchange();
        assertThat(counted).hasStatusOk().bodyText().contains("id=\"verdict\"").contains("表决通过")
                .contains("四分之三以上").contains("3 × 4 ≥ 4 × 3");

        MvcTestResult bad = mvc.post().uri("/voting/tally").param("matter", "4").param("roll", "1-101,张三,九十,同意")
                .exchange();
        assertThat(bad).hasStatusOk().bodyText().contains("第 1 行的面积“九十”不是数字").doesNotContain("id=\"verdict\"");
    }
}
