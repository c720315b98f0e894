package cn.kaoping.casework.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.organisation.EstateRef;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.platform.excel.Spreadsheets;
import cn.kaoping.support.ApiClient;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hotline's export imported by the street office (issue 14): each order filed once by its number (a second
 * import files nothing), estates found by name in the street, every bad row named, .xlsx and UTF-8 .csv alike.
 */
@IntegrationTest
class HotlineImportTests {

    @LocalServerPort
    int port;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anExportIsFiledOnceAndItsBadRowsAreNamed() {
        EstateRef estate = directory.firstEstateOfCompany(directory.firstCompanyId().orElseThrow()).orElseThrow();
        RegionRef street = directory.region(directory.placements(List.of(estate.id())).get(0).streetId()).orElseThrow();
        ApiClient officer = ApiClient.as(port, "street_" + street.code().substring(street.code().lastIndexOf('-') + 1)
                .toLowerCase(), Browserless.DEMO_PASSWORD);
        String run = Long.toString(System.nanoTime());
        byte[] xlsx = Spreadsheets.write(ImportHotlineOrders.LAYOUT, List.of(
                List.of("R" + run + "-1", "2026-11-30 09:15", estate.name(), "环境卫生", "垃圾未清运", "李先生", "139"),
                List.of("R" + run + "-2", "2026/12/1 8:05", estate.name(), "收费", "停车费上涨未公示", "", ""),
                List.of("R" + run + "-1", "2026-11-30 09:15", estate.name(), "环境卫生", "垃圾未清运", "李先生", "139"),
                List.of("R" + run + "-3", "昨天", estate.name(), "绿化", "树木倒伏", "", ""),
                List.of("R" + run + "-4", "2026-12-01 10:00", "不存在的小区", "绿化", "树木倒伏", "", ""),
                List.of("R" + run + "-5", "2026-12-01 10:00", estate.name(), "噪音", "夜间施工", "", "")));
        HttpResponse<String> first = officer.upload("/api/v1/complaints/import", "工单.xlsx", xlsx);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains("\"rows\":6", "\"filed\":2", "\"alreadyFiled\":1")
                .contains("来电时间“昨天”无法识别", "本辖区没有名为“不存在的小区”的小区", "请选择投诉类别");
        HttpResponse<String> again = officer.upload("/api/v1/complaints/import", "工单.xlsx", xlsx);
        assertThat(again.body()).contains("\"filed\":0", "\"alreadyFiled\":3");
        assertThat(ComplaintFiguresTests.rollUpDifferences(jdbc))
                .as("the import recounts its estates' daily figures once at the end").isZero();
        assertThat(jdbc.sql("""
                SELECT received FROM complaint_day WHERE estate_id = :e AND day = DATE '2026-12-01'""")
                .param("e", estate.id()).query(Integer.class).optional()).isPresent();
        assertThat(jdbc.sql("SELECT count(*) FROM complaint WHERE hotline_no LIKE :p").param("p", "R" + run + "-%")
                .query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT sign_due FROM complaint WHERE hotline_no = :n").param("n", "R" + run + "-1")
                .query(String.class).single()).as("1 working day after Monday 30 November").isEqualTo("2026-12-01");

        String csv = "\uFEFF工单编号,来电时间,小区,分类,内容,来电人,电话\n"
                + "C" + run + "-1,2026-12-02 14:30," + estate.name() + ",设施设备,电梯停运,,\n";
        HttpResponse<String> text = officer.upload("/api/v1/complaints/import", "工单.csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(text.body()).as(text.body()).contains("\"filed\":1");
        assertThat(officer.upload("/api/v1/complaints/import", "x.csv", new byte[] {0, (byte) 0xff, 3}).body())
                .contains("文件无法读取");
        assertThat(ApiClient.as(port, "company_user", Browserless.DEMO_PASSWORD)
                .upload("/api/v1/complaints/import", "工单.xlsx", xlsx).statusCode()).isEqualTo(403);
    }

    @Test
    void theHotlinesLiveFeedPushesEachOrderOnceThroughTheDistrictsAccount() {
        EstateRef estate = directory.firstEstateOfCompany(directory.firstCompanyId().orElseThrow()).orElseThrow();
        var district = directory.region(directory.placements(List.of(estate.id())).get(0).districtId()).orElseThrow();
        String admin = switch (district.code()) {
            case "QH-HD" -> "hedong_admin";
            case "QH-HX" -> "hexi_admin";
            default -> "xingang_admin";
        };
        ApiClient feed = ApiClient.as(port, admin, Browserless.DEMO_PASSWORD);
        String order = """
                {"estateId": %d, "category": "设施设备", "content": "电梯困人", "hotlineNo": "LIVE-%d",
                 "receivedAt": "2026-12-03T21:40:00+08:00"}""".formatted(estate.id(), System.nanoTime());
        HttpResponse<String> first = feed.send("POST", "/api/v1/complaints", order);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        HttpResponse<String> again = feed.send("POST", "/api/v1/complaints", order);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("ALREADY_FILED");
        HttpResponse<String> staff = feed.send("POST", "/api/v1/complaints", """
                {"estateId": %d, "category": "设施设备", "content": "没有工单编号"}""".formatted(estate.id()));
        assertThat(staff.statusCode()).as("without an order number the district does not file").isEqualTo(403);
        ApiClient other = ApiClient.as(port, admin.equals("hedong_admin") ? "hexi_admin" : "hedong_admin",
                Browserless.DEMO_PASSWORD);
        assertThat(other.send("POST", "/api/v1/complaints", order.replace("LIVE-", "LIVE-X")).statusCode())
                .as("another district's estate").isEqualTo(404);
    }
}
