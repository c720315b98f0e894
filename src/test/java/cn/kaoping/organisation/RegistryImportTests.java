package cn.kaoping.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.organisation.internal.RegistryImports;
import cn.kaoping.platform.excel.ExcelColumns;
import cn.kaoping.platform.excel.Spreadsheets;
import cn.kaoping.support.ApiClient;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Excel import: every bad row is reported with its row, column and reason, and a file with errors imports nothing. */
@IntegrationTest
class RegistryImportTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private static byte[] sheet(ExcelColumns layout, List<List<Object>> rows) {
        return Spreadsheets.write(layout, rows);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void estateFileWithBadRowsReportsEveryBadRowAndImportsNothing() throws Exception {
        String code = jdbc.sql("SELECT credit_code FROM property_company ORDER BY id LIMIT 1").query(String.class).single();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("导入测试甲小区", "清河市东风路1号", "东风街道", communityOf("QH-HD-DF-01"), "专业化", "否", "物业企业",
                "12000.50", "120", code, "", "2021-03-01", "是"));
        rows.add(List.of("导入测试乙小区", "清河市东风路2号", "东风街道", "不存在社区", "专业化", "否", "物业企业",
                "9000", "80", code, "", "", "否"));
        rows.add(List.of("导入测试丙小区", "清河市东风路3号", "东风街道", communityOf("QH-HD-DF-01"), "高档", "否", "无人管",
                "abc", "80", "", "", "", "否"));
        rows.add(List.of("导入测试丁小区", "清河市西湖路4号", "西湖街道", communityOf("QH-HX-XH-01"), "保障型", "是", "无人管",
                "5000", "60", "", "", "2020-13-40", "否"));
        long before = count("SELECT count(*) FROM estate");

        ApiClient api = ApiClient.as(port, "street_df", Browserless.DEMO_PASSWORD);
        HttpResponse<String> res = api.upload("/api/v1/estates/import", "estates.xlsx",
                sheet(RegistryImports.ESTATES, rows));

        assertThat(res.statusCode()).isEqualTo(422);
        JsonNode report = JSON.readTree(res.body());
        assertThat(report.get("imported").asInt()).isZero();
        List<String> problems = new ArrayList<>();
        for (JsonNode p : report.get("problems")) {
            problems.add(p.get("row").asInt() + "|" + p.get("column").asString() + "|" + p.get("message").asString());
        }
        // row 2 is good; rows 3, 4 and 5 each have problems (Excel numbers the header as row 1)
        assertThat(problems).noneMatch(p -> p.startsWith("2|"));
        assertThat(problems).anyMatch(p -> p.startsWith("3|社区|"));
        assertThat(problems).anyMatch(p -> p.startsWith("4|类别|"));
        assertThat(problems).anyMatch(p -> p.startsWith("4|总建筑面积(㎡)|") && p.contains("abc"));
        // 西湖街道 is not in the 东风街道 officer's scope
        assertThat(problems).anyMatch(p -> p.startsWith("5|社区|") && p.contains("管辖范围"));
        assertThat(problems).anyMatch(p -> p.startsWith("5|合同起始日期|"));
        assertThat(count("SELECT count(*) FROM estate")).isEqualTo(before);
        assertThat(count("SELECT count(*) FROM estate WHERE name = '导入测试甲小区'")).isZero();
    }

    @Test
    void aCleanEstateFileImportsEveryRow() throws Exception {
        List<List<Object>> rows = List.of(
                List.of("导入测试戊小区", "清河市光明街5号", "光明街道", communityOf("QH-HD-GM-01"), "保障型", "是", "物业城市",
                        "3000.25", "40", "", "", "", "否"),
                List.of("导入测试己小区", "清河市光明街6号", "光明街道", communityOf("QH-HD-GM-01"), "保障型", "是", "无人管",
                        "2800", "36", "", "", "", "否"));
        ApiClient api = ApiClient.as(port, "hedong_admin", Browserless.DEMO_PASSWORD);
        HttpResponse<String> res = api.upload("/api/v1/estates/import", "estates.xlsx", sheet(RegistryImports.ESTATES, rows));
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        assertThat(JSON.readTree(res.body()).get("imported").asInt()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT floor_area::text FROM estate WHERE name = '导入测试戊小区'").query(String.class).single())
                .isEqualTo("3000.25");
        // importing the same file again would duplicate: refused, nothing added
        HttpResponse<String> again = api.upload("/api/v1/estates/import", "estates.xlsx", sheet(RegistryImports.ESTATES, rows));
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("已登记同名小区");
        assertThat(count("SELECT count(*) FROM estate WHERE name LIKE '导入测试戊小区'")).isEqualTo(1);
    }

    @Test
    void companyFileWithAWrongCheckCharacterAndADuplicateImportsNothing() throws Exception {
        List<List<Object>> rows = List.of(
                List.of("导入测试物业有限公司", "91350100M000100Y43", "张三", "13800000000", "清河市"),
                List.of("校验位错误物业有限公司", "91350100M000100Y44", "李四", "", ""),
                List.of("重复代码物业有限公司", "91350100M000100Y43", "", "", ""),
                List.of("", "", "", "电话abc", ""));
        ApiClient api = ApiClient.as(port, "hedong_admin", Browserless.DEMO_PASSWORD);
        HttpResponse<String> res = api.upload("/api/v1/companies/import", "companies.xlsx",
                sheet(RegistryImports.COMPANIES, rows));
        assertThat(res.statusCode()).isEqualTo(422);
        String body = res.body();
        assertThat(body).contains("\"row\":3").contains("校验位错误")
                .contains("\"row\":4").contains("重复")
                .contains("\"row\":5").contains("请填写企业名称").contains("电话号码格式不正确");
        assertThat(count("SELECT count(*) FROM property_company WHERE name = '导入测试物业有限公司'")).isZero();
    }

    @Test
    void householdImportRefusesRoomsAlreadyRegisteredAndAreasThatAreNotPositive() throws Exception {
        long estate = jdbc.sql("""
                SELECT e.id FROM estate e JOIN region c ON c.id = e.community_id JOIN region s ON s.id = c.parent_id
                WHERE s.code = 'QH-HD-DF' ORDER BY e.id LIMIT 1""").query(Long.class).single();
        long before = count("SELECT count(*) FROM household WHERE estate_id = " + estate);
        List<List<Object>> rows = List.of(
                List.of("99", "1", "101", "88.50"),
                List.of("1", "1", "101", "70"),
                List.of("99", "1", "102", "0"));
        ApiClient api = ApiClient.as(port, "street_df", Browserless.DEMO_PASSWORD);
        HttpResponse<String> res = api.upload("/api/v1/estates/" + estate + "/households/import", "h.xlsx",
                sheet(RegistryImports.HOUSEHOLDS, rows));
        assertThat(res.statusCode()).isEqualTo(422);
        assertThat(res.body()).contains("\"row\":3").contains("该房号已登记").contains("\"row\":4").contains("面积须大于 0");
        assertThat(count("SELECT count(*) FROM household WHERE estate_id = " + estate)).isEqualTo(before);
    }

    @Test
    void aFileThatIsNotAnExcelWorkbookGetsAPlainMessage() throws Exception {
        ApiClient api = ApiClient.as(port, "hedong_admin", Browserless.DEMO_PASSWORD);
        byte[] picture = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        HttpResponse<String> res = api.upload("/api/v1/companies/import", "companies.xlsx", picture);
        assertThat(res.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(res.body()).get("problems").get(0).get("message").asString()).contains(".xlsx");
        // nor is a comma-separated file renamed to .xlsx
        HttpResponse<String> csv = api.upload("/api/v1/companies/import", "companies.xlsx",
                "名称,代码\n某公司,123".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(csv.statusCode()).isEqualTo(422);
        assertThat(csv.body()).contains(".xlsx");
    }

    private String communityOf(String code) {
        return jdbc.sql("SELECT name FROM region WHERE code = :c").param("c", code).query(String.class).single();
    }
}
