package cn.kaoping.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.platform.excel.LayoutSheet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LayoutSheetTests {

    @Test
    void sheetNamesAreValidForExcelAndUnique() {
        Set<String> taken = new HashSet<>();
        assertThat(LayoutSheet.sheetName("a[b]:c*d?e/f\\g", taken)).isEqualTo("a-b--c-d-e-f-g");
        String longName = "清河市河东区东风街道第一社区锦绣花园小区二期物业服务质量考评结果表汇总";
        String first = LayoutSheet.sheetName(longName, taken);
        String second = LayoutSheet.sheetName(longName, taken);
        assertThat(first).hasSize(31);
        assertThat(second).hasSize(31).endsWith("(2)").isNotEqualTo(first);
        assertThat(LayoutSheet.sheetName("'history'", taken)).isEqualTo("history");
    }

    @Test
    void districtAndCategorySheetNamesStayValidForExcel() {
        Set<String> taken = new HashSet<>();
        assertThat(LayoutSheet.sheetName("河东区/河西区:[专业化]", taken)).isEqualTo("河东区-河西区--专业化-");
        assertThat(LayoutSheet.sheetName("河东区/河西区:[专业化]", taken)).isEqualTo("河东区-河西区--专业化-(2)");
        assertThat(LayoutSheet.sheetName("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三", taken))
                .hasSize(31);
    }
}
