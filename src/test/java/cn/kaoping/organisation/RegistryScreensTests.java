package cn.kaoping.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.idev.excel.FastExcel;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What officials meet on the registry screens: exports, form messages, error pages, the API docs. */
@IntegrationTest
class RegistryScreensTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void exportOfAFilteredListHoldsExactlyTheFilteredEstatesOfTheUsersScope() throws Exception {
        Browserless officer = Browserless.signIn(port, "street_df", Browserless.DEMO_PASSWORD);
        HttpResponse<byte[]> res = HttpClient.newBuilder().cookieHandler(officer.cookies()).build()
                .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/estates/export?category=BASIC"))
                        .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("Content-Disposition").orElse("")).contains(".xlsx");
        List<Map<Integer, String>> rows = FastExcel.read(new ByteArrayInputStream(res.body())).sheet(0)
                .headRowNumber(1).doReadSync();
        long expected = jdbc.sql("""
                SELECT count(*) FROM estate e JOIN region c ON c.id = e.community_id JOIN region s ON s.id = c.parent_id
                WHERE s.code = 'QH-HD-DF' AND e.category = 'BASIC'""").query(Long.class).single();
        assertThat(rows).hasSize((int) expected).isNotEmpty();
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get(3)).isEqualTo("东风街道");
            assertThat(r.get(5)).isEqualTo("保障型");
        });
    }

    @Test
    void anInvalidEstateFormComesBackWithChineseMessagesAndKeepsWhatWasTyped() {
        Browserless district = Browserless.signIn(port, "hedong_admin", Browserless.DEMO_PASSWORD);
        HttpResponse<String> res = district.post("/estates", Map.of("name", "", "address", "清河市测试路1号",
                "category", "PROFESSIONAL", "managementMode", "COMPANY", "floorArea", "十二万", "householdCount", "-3"));
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body()).contains("请填写小区名称").contains("请填写数字").contains("户数不能为负数")
                .contains("请选择所属社区").contains("物业企业管理模式下须选择物业服务企业")
                .contains("value=\"清河市测试路1号\"").contains("value=\"十二万\"")
                .doesNotContain("Exception");
    }

    @Test
    void theEstateFormShowsItsTwoYesNoFieldsAndNoStrayInputs() {
        Browserless district = Browserless.signIn(port, "hedong_admin", Browserless.DEMO_PASSWORD);
        String form = district.get("/estates/new").body();
        assertThat(form.split("type=\"checkbox\"", -1)).hasSize(3);
        assertThat(form).contains("name=\"oldEstate\"").contains("name=\"contractFiled\"");
    }

    @Test
    void aMistypedAddressGetsAChineseErrorPageNotAStackTrace() {
        Browserless district = Browserless.signIn(port, "hedong_admin", Browserless.DEMO_PASSWORD);
        HttpResponse<String> bad = district.get("/estates/not-a-number");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("请求有误").doesNotContain("Exception").doesNotContain("at cn.kaoping");
        HttpResponse<String> missing = district.get("/estates/999999999");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("小区不存在或不在您的管辖范围内");
    }

    @Test
    void apiDescriptionAndSwaggerUiAreServedWithoutTheInternet() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> docs = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/estates").contains("/api/v1/auth/token").contains("bearer");
        HttpResponse<String> ui = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/swagger-ui/index.html")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui-bundle.js").doesNotContain("https://");
    }
}
