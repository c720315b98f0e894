package cn.kaoping.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.inspection.RoundFixture;
import cn.kaoping.organisation.EstateListing;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.support.ApiClient;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The rectification workflow through {@code /api/v1/rectification}, with its scope rules and its documents. */
@IntegrationTest
class RectificationApiTests {

    @LocalServerPort
    int port;
    @Autowired
    OrganisationDirectory directory;

    private ApiClient as(String user) {
        return ApiClient.as(port, user, Browserless.DEMO_PASSWORD);
    }

    private static JsonNode ok(HttpResponse<String> res) {
        assertThat(res.statusCode()).as(res.body()).isBetween(200, 201);
        return RoundFixture.json(res);
    }

    /** A notice issued by the street office to the estate's company with two written problems. */
    private JsonNode issued(EstateListing estate, String officer) {
        ApiClient street = as(officer);
        JsonNode draft = ok(street.send("POST", "/api/v1/rectification/notices", """
                {"estateId": %d, "problem": "楼道堆放杂物，消防通道被占用"}""".formatted(estate.id())));
        long id = draft.get("id").asLong();
        ok(street.send("POST", "/api/v1/rectification/notices/" + id + "/problems", """
                {"text": "东门道闸损坏，外来车辆随意进出"}"""));
        return ok(street.send("POST", "/api/v1/rectification/notices/" + id + "/issue", null));
    }

    @Test
    void aRejectedAcceptanceReturnsTheProblemToTheCompanyAndTheLastAcceptanceClosesTheNotice() {
        EstateListing estate = RectificationFixture.companyEstate(directory);
        String officer = RectificationFixture.officerOf(directory, estate);
        JsonNode notice = issued(estate, officer);
        long id = notice.get("id").asLong();
        assertThat(notice.get("status").asString()).isEqualTo("ISSUED");
        assertThat(notice.get("number").asString()).matches(".+整改〔\\d{4}〕\\d+号");
        assertThat(notice.get("deadline").asString()).isNotEmpty();
        long first = notice.get("problems").get(0).get("id").asLong();
        long second = notice.get("problems").get(1).get("id").asLong();
        String base = "/api/v1/rectification/notices/" + id;

        ApiClient company = as("company_user");
        assertThat(company.send("POST", base + "/submit", null).statusCode()).as("nothing answered yet").isEqualTo(400);
        ok(company.send("PUT", base + "/problems/" + first + "/answer", "{\"text\": \"杂物已清理，通道已划线\"}"));
        ok(company.send("PUT", base + "/problems/" + second + "/answer", "{\"text\": \"道闸已更换\"}"));
        HttpResponse<String> noPhoto = company.send("POST", base + "/submit", null);
        assertThat(noPhoto.statusCode()).isEqualTo(400);
        assertThat(noPhoto.body()).contains("照片");
        assertThat(company.upload(base + "/problems/" + first + "/photos", "a.txt", "not a photo".getBytes())
                .statusCode()).isEqualTo(400);
        ok(company.upload(base + "/problems/" + first + "/photos", "after1.png", RoundFixture.png()));
        ok(company.upload(base + "/problems/" + second + "/photos", "after2.png", RoundFixture.png()));
        JsonNode submitted = ok(company.send("POST", base + "/submit", null));
        assertThat(submitted.get("status").asString()).isEqualTo("SUBMITTED");

        ApiClient district = as(RectificationFixture.districtAdminOf(directory, estate));
        ok(district.send("POST", base + "/problems/" + first + "/accept", null));
        assertThat(district.send("POST", base + "/problems/" + second + "/reject", "{\"text\": \" \"}").statusCode())
                .as("a rejection needs a reason").isEqualTo(400);
        JsonNode rejected = ok(district.send("POST", base + "/problems/" + second + "/reject",
                "{\"text\": \"道闸仍不能抬杆\"}"));
        assertThat(rejected.get("status").asString()).as("back to the company").isEqualTo("ISSUED");
        assertThat(rejected.get("problems").get(0).get("status").asString()).isEqualTo("CLOSED");
        assertThat(rejected.get("problems").get(1).get("status").asString()).isEqualTo("OPEN");
        assertThat(rejected.get("problems").get(1).get("rejection").asString()).isEqualTo("道闸仍不能抬杆");

        JsonNode seen = ok(company.get(base));
        assertThat(seen.get("problems").get(1).get("rejection").asString()).isEqualTo("道闸仍不能抬杆");
        ok(company.send("PUT", base + "/problems/" + second + "/answer", "{\"text\": \"已请厂家维修，可正常抬杆\"}"));
        ok(company.send("POST", base + "/submit", null));
        JsonNode closed = ok(district.send("POST", base + "/problems/" + second + "/accept", null));
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("closedOn").asString()).isNotEmpty();
        assertThat(closed.get("steps").toString()).contains("REJECTED", "ACCEPTED", "CLOSED");

        HttpResponse<String> noReason = district.send("POST", base + "/reopen", "{\"text\": \"\"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("原因");
        assertThat(company.send("POST", base + "/reopen", "{\"text\": \"x\"}").statusCode()).isEqualTo(403);
        JsonNode reopened = ok(district.send("POST", base + "/reopen", "{\"text\": \"回头看发现杂物又堆回楼道\"}"));
        assertThat(reopened.get("status").asString()).isEqualTo("ISSUED");
        assertThat(reopened.get("reopenReason").asString()).isEqualTo("回头看发现杂物又堆回楼道");

        JsonNode ledger = ok(district.get("/api/v1/rectification/ledger"));
        assertThat(ledger.toString()).contains(notice.get("number").asString());
    }

    @Test
    void anIllegalTransitionIsAConflict() {
        EstateListing estate = RectificationFixture.companyEstate(directory);
        JsonNode notice = issued(estate, RectificationFixture.officerOf(directory, estate));
        HttpResponse<String> again = as(RectificationFixture.officerOf(directory, estate))
                .send("POST", "/api/v1/rectification/notices/" + notice.get("id").asLong() + "/issue", null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("只有草稿可以下达");
    }

    @Test
    void anotherStreetAndAnotherCompanyCannotSeeOrChangeANotice() {
        EstateListing other = RectificationFixture.otherCompanyEstateInDongfeng(directory);
        JsonNode notice = issued(other, "street_df");
        String base = "/api/v1/rectification/notices/" + notice.get("id").asLong();

        ApiClient xihu = as("street_xh");
        assertThat(xihu.get(base).statusCode()).isEqualTo(404);
        assertThat(xihu.send("POST", base + "/withdraw", null).statusCode()).isEqualTo(404);
        JsonNode xihuList = ok(xihu.get("/api/v1/rectification/notices?size=200"));
        xihuList.get("rows").forEach(r -> assertThat(r.get("id").asLong()).isNotEqualTo(notice.get("id").asLong()));
        assertThat(ok(as("street_df").get("/api/v1/rectification/notices?size=200&status=ISSUED")).get("rows")
                .toString()).contains(notice.get("number").asString());

        ApiClient company = as("company_user");
        assertThat(company.get(base).statusCode()).isEqualTo(404);
        assertThat(company.send("PUT", base + "/problems/" + notice.get("problems").get(0).get("id").asLong()
                + "/answer", "{\"text\": \"x\"}").statusCode()).isEqualTo(404);
        JsonNode list = ok(company.get("/api/v1/rectification/notices?size=200"));
        long mine = directory.firstCompanyId().orElseThrow();
        list.get("rows").forEach(r -> assertThat(r.get("companyName").asString())
                .isEqualTo(directory.companyName(mine).orElseThrow()));

        // a draft is the street's own business until it is issued
        EstateListing own = RectificationFixture.companyEstate(directory);
        JsonNode draft = ok(as(RectificationFixture.officerOf(directory, own)).send("POST",
                "/api/v1/rectification/notices", "{\"estateId\": %d, \"problem\": \"草稿问题\"}".formatted(own.id())));
        assertThat(company.get("/api/v1/rectification/notices/" + draft.get("id").asLong()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void theWordAndPdfNoticesCarryTheNumberTheCompanyAndTheProblems() throws Exception {
        EstateListing estate = RectificationFixture.companyEstate(directory);
        JsonNode notice = issued(estate, RectificationFixture.officerOf(directory, estate));
        String base = "/api/v1/rectification/notices/" + notice.get("id").asLong();
        String number = notice.get("number").asString();
        String token = token("company_user");

        byte[] docx = download(base + "/notice.docx", token);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains(number, notice.get("companyName").asString(), "整改通知书",
                    "楼道堆放杂物，消防通道被占用", "东门道闸损坏", "整改期限", "验收方式",
                    notice.get("issuingBody").asString()).doesNotContain("{{", "[description]");
        }
        byte[] pdf = download(base + "/notice.pdf", token);
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text).contains(number, "楼道堆放杂物", "东门道闸损坏", "整改期限");
        }
    }

    @Test
    void theDistrictAdminEditsTheTemplateAndBadInputNamesEachField() {
        ApiClient hexi = as("hexi_admin");
        HttpResponse<String> bad = hexi.send("PUT", "/api/v1/rectification/template", """
                {"issuingBody": "", "numberPrefix": "西〔湖", "heading": "整改通知书", "body": "正文",
                 "deadlineDays": 0, "reminderDays": 3, "acceptanceMethod": "现场验收"}""");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("issuingBody", "numberPrefix", "deadlineDays");
        JsonNode saved = ok(hexi.send("PUT", "/api/v1/rectification/template", """
                {"issuingBody": "河西区住房和城乡建设局", "numberPrefix": "河西建整改", "heading": "物业服务整改通知书",
                 "body": "{企业}：你单位服务的{小区}存在下列问题，请于{期限}前整改。", "deadlineDays": 15,
                 "reminderDays": 2, "acceptanceMethod": "区住建局会同街道现场验收"}"""));
        assertThat(saved.get("numberPrefix").asString()).isEqualTo("河西建整改");
        assertThat(as("street_xh").send("PUT", "/api/v1/rectification/template", "{}").statusCode())
                .isEqualTo(403);

        EstateListing xihu = directory.estatesUnder(directory.regionByCode("QH-HX-XH").orElseThrow().path(), null,
                null, false).stream().filter(e -> e.companyId() != null).findFirst().orElseThrow();
        JsonNode notice = issued(xihu, "street_xh");
        assertThat(notice.get("number").asString()).startsWith("河西建整改〔");
        assertThat(notice.get("heading").asString()).isEqualTo("物业服务整改通知书");
        assertThat(notice.get("body").asString()).startsWith(xihu.companyId() == null ? "" : "")
                .contains(xihu.name()).doesNotContain("{企业}", "{期限}");
        assertThat(java.time.LocalDate.parse(notice.get("deadline").asString()))
                .isEqualTo(java.time.LocalDate.parse(notice.get("issuedOn").asString()).plusDays(15));
    }

    private String token(String user) {
        HttpResponse<String> res = ApiClient.anonymous(port).send("POST", "/api/v1/auth/token",
                "{\"username\":\"" + user + "\",\"password\":\"" + Browserless.DEMO_PASSWORD + "\"}");
        return RoundFixture.json(res).get("token").asString();
    }

    private byte[] download(String path, String token) throws Exception {
        HttpResponse<byte[]> res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(res.statusCode()).isEqualTo(200);
        return res.body();
    }
}
