package cn.kaoping.credit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import cn.kaoping.support.Workbooks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The credit screens as street and company users see them. */
@IntegrationTest
class CreditScreensTests {

    @LocalServerPort
    int port;
    @Autowired
    OrganisationDirectory directory;

    private byte[] bytes(Browserless b, String path) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(b.cookies()).build();
        HttpResponse<byte[]> res = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(res.statusCode()).isEqualTo(200);
        return res.body();
    }

    @Test
    void aDistrictAdminEntersABadRecordAndPrintsTheNoticeAndTheCompanyContestsIt() throws Exception {
        long company = directory.firstCompanyId().orElseThrow(); // company_user's, serving 河东区
        String companyName = directory.companyName(company).orElseThrow();
        Browserless street = Browserless.signIn(port, "hedong_admin", Browserless.DEMO_PASSWORD);
        assertThat(street.get("/credit").body()).contains(companyName);
        assertThat(street.get("/credit/records/new?companyId=" + company).statusCode()).isEqualTo(200);

        HttpResponse<String> missing = street.post("/credit/records", Map.of("companyId", String.valueOf(company)));
        assertThat(missing.statusCode()).isEqualTo(200);
        assertThat(missing.body()).contains("请选择信息类别", "请填写情况说明");

        String text = "楼道堆物未清理，经核实属实 " + System.nanoTime();
        HttpResponse<String> saved = street.post("/credit/records", Map.of("companyId", String.valueOf(company),
                "direction", "BAD", "kind", "VERIFIED_COMPLAINT", "occurredOn", "2026-01-10", "description", text));
        assertThat(saved.statusCode()).isEqualTo(302);
        String location = saved.headers().firstValue("Location").orElseThrow();
        String recordPath = location.substring(location.indexOf("/credit/records/"));
        assertThat(street.get(recordPath).body()).contains(text, "notice-pdf");

        try (var pdf = Loader.loadPDF(bytes(street, recordPath + "/notice.pdf"))) {
            String pdfText = new PDFTextStripper().getText(pdf);
            assertThat(pdfText).contains("失信信息告知单", companyName, "河东区房产主管部门");
        }

        Browserless companyUser = Browserless.signIn(port, "company_user", Browserless.DEMO_PASSWORD);
        assertThat(companyUser.get("/credit").headers().firstValue("Location").orElseThrow())
                .endsWith("/credit/companies/" + company);
        String file = companyUser.get("/credit/companies/" + company).body();
        assertThat(file).contains(text, "-1.50", "投诉经查属实，每件扣 1.5 分");
        assertThat(companyUser.post(recordPath + "/disputes", Map.of("reason", "已于当日清理")).statusCode())
                .isEqualTo(302);
        assertThat(companyUser.get(recordPath).body()).contains("已于当日清理", "有异议");
        assertThat(companyUser.get("/credit/companies/" + company).body()).contains("有异议，处理中");
    }

    @Test
    void theRankingDownloadsAsAWorkbook() throws Exception {
        Browserless admin = Browserless.signIn(port, "hedong_admin", Browserless.DEMO_PASSWORD);
        assertThat(admin.get("/credit/ranking?year=2108").body()).contains("2108");
        var sheets = Workbooks.read(bytes(admin, "/credit/ranking.xlsx?year=2108"));
        assertThat(sheets.get("信用排名").get(0)).startsWith("名次", "物业服务企业", "信用分");
        assertThat(sheets.get("信用排名")).hasSizeGreaterThan(1);
    }
}
