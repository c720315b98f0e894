package cn.kaoping.voting.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.organisation.EstateRef;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.platform.excel.Spreadsheets;
import cn.kaoping.support.ApiClient;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The company sends its half-year statement as the Excel template through the API (issue 13: "Excel import of the
 * half-year statement in a documented layout"): a good sheet is published and on the public page, a sheet with bad
 * rows names each row and stores nothing, a sheet one cent off is refused naming fundClosing, something that is not a
 * workbook is a 400 and never a 500, and another company's estate is 404 whatever the sheet holds.
 */
@IntegrationTest
class StatementImportTests {

    private static final String HALF = "2024-H2";
    private static final List<List<Object>> NONE = List.of();

    @LocalServerPort
    int port;
    @Autowired
    OrganisationDirectory directory;

    private static byte[] sheet(String closing, List<List<Object>> extra) {
        List<List<Object>> rows = new java.util.ArrayList<>(List.<List<Object>>of(
                List.of("维修资金期初余额", "", "", "50000.00"),
                List.of("公共收益收入", "租赁", "架空层商铺", "6000.00"),
                List.of("公共收益支出", "其他", "公共照明电费", "1500.50"),
                List.of("维修资金收入", "新交存", "", "3000"),
                List.of("维修资金支出", "外墙修补", "3 号楼", "2000.00"),
                List.of("维修资金期末余额", "", "", closing)));
        rows.addAll(1, extra);
        return Spreadsheets.write(StatementSheet.LAYOUT, rows);
    }

    @Test
    void theCompanyImportsTheTemplateAndEveryMistakeIsA400NamingIt() {
        long company = directory.firstCompanyId().orElseThrow();
        EstateRef estate = directory.firstEstateOfCompany(company).orElseThrow();
        ApiClient companyUser = ApiClient.as(port, "company_user", Browserless.DEMO_PASSWORD);
        String importPath = "/api/v1/estates/" + estate.id() + "/fund-statements/import?half=" + HALF;

        HttpResponse<String> badRows = companyUser.upload(importPath, "收支.xlsx",
                sheet("51000.00", List.of(
                List.of("停车收入", "停车", "", "1000"), List.of("公共收益收入", "广告", "", "一千"))));
        assertThat(badRows.statusCode()).isEqualTo(400);
        assertThat(badRows.body()).contains("\"file\"").contains("第 3 行").contains("停车收入")
                .contains("第 4 行").contains("一千");
        HttpResponse<String> centOff = companyUser.upload(importPath, "收支.xlsx", sheet("51000.01", NONE));
        assertThat(centOff.statusCode()).isEqualTo(400);
        assertThat(centOff.body()).contains("fundClosing").contains("维修资金不平衡");
        HttpResponse<String> notAWorkbook = companyUser.upload(importPath, "收支.xlsx", "不是表格".getBytes());
        assertThat(notAWorkbook.statusCode()).isEqualTo(400);
        assertThat(notAWorkbook.body()).contains(".xlsx").doesNotContain("Exception");
        assertThat(companyUser.get("/api/v1/estates/" + estate.id() + "/disclosure").body())
                .as("nothing stored from a refused sheet").doesNotContain(HALF);

        HttpResponse<String> good = companyUser.upload(importPath, "收支.xlsx", sheet("51000.00", NONE));
        assertThat(good.statusCode()).as(good.body()).isEqualTo(201);
        assertThat(companyUser.get("/api/v1/estates/" + estate.id() + "/disclosure").body()).contains(HALF)
                .contains("架空层商铺").contains("51000.00");
        assertThat(ApiClient.anonymous(port).get("/public/estates/" + estate.id() + "/accounts").body())
                .contains(HALF + " 收支公示").contains("外墙修补").contains("期末 51000.00 元");

        // another company's estate: 404, before its sheet is read (a bad sheet tells it nothing either)
        EstateRef elsewhere = directory.estatesUnder("/", null, null, false).stream()
                .filter(e -> e.companyId() != null && e.companyId() != company).findFirst()
                .flatMap(e -> directory.estate(e.id())).orElseThrow();
        String otherPath = "/api/v1/estates/" + elsewhere.id() + "/fund-statements/import?half=" + HALF;
        assertThat(companyUser.upload(otherPath, "收支.xlsx", sheet("51000.00", NONE)).statusCode())
                .isEqualTo(404);
        assertThat(companyUser.upload(otherPath, "收支.xlsx", "garbage".getBytes()).statusCode()).isEqualTo(404);
        // a street office reads but does not publish
        assertThat(ApiClient.as(port, "street_df", Browserless.DEMO_PASSWORD).upload(importPath, "收支.xlsx",
                sheet("51000.00", NONE)).statusCode()).isIn(403, 404);
    }
}
