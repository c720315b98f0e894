package cn.kaoping.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kaoping.credit.internal.CreditService;
import cn.kaoping.inspection.RoundFixture;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.rectification.RectificationFixture;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;
import cn.kaoping.shared.ValidationException;
import cn.kaoping.support.ApiClient;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Evidence on a credit record: a photo goes up and comes back as the same image; a file that is no image or PDF is
 * refused with a message saying what may be uploaded. The record is three years old, so it no longer counts in any
 * score or public list that other tests look at.
 */
@IntegrationTest
class CreditEvidenceTests {

    @LocalServerPort
    int port;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    CreditService credit;
    @Autowired
    JdbcClient jdbc;

    private long record(ApiClient admin, long company) {
        HttpResponse<String> res = admin.send("POST", "/api/v1/credit/records", """
                {"companyId": %d, "direction": "BAD", "kind": "OTHER", "occurredOn": "%s",
                 "description": "绿化带内堆放建筑垃圾（证明材料测试）"}""".formatted(company,
                credit.today().minusYears(3)));
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        return RoundFixture.json(res).get("id").asLong();
    }

    private HttpResponse<byte[]> download(Browserless session, String path) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(session.cookies()).build();
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aPhotoUploadedToARecordDownloadsAsTheSamePngForStaffAndTheCompany() throws Exception {
        long company = directory.firstCompanyId().orElseThrow(); // company_user's, serving 河东区
        ApiClient admin = ApiClient.as(port, "hedong_admin", Browserless.DEMO_PASSWORD);
        long record = record(admin, company);
        byte[] png = RoundFixture.png();

        HttpResponse<String> uploaded = admin.upload("/api/v1/credit/records/" + record + "/evidence", "现场照片.png",
                png);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        assertThat(RoundFixture.json(uploaded).get("contentType").asString()).isEqualTo("image/png");
        String fileId = RoundFixture.json(uploaded).get("id").asString();
        assertThat(admin.get("/api/v1/credit/records/" + record).body()).contains(fileId, "现场照片.png");

        String path = "/credit/records/" + record + "/evidence/" + fileId;
        HttpResponse<String> viaApi = admin.get("/api/v1" + path);
        assertThat(viaApi.statusCode()).isEqualTo(200);
        assertThat(viaApi.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/png");
        assertThat(viaApi.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");

        Browserless staff = Browserless.signIn(port, "hedong_admin", Browserless.DEMO_PASSWORD);
        assertThat(staff.get("/credit/records/" + record).body()).contains("现场照片.png", fileId);
        HttpResponse<byte[]> photo = download(staff, path);
        assertThat(photo.statusCode()).isEqualTo(200);
        assertThat(photo.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/png");
        assertThat(photo.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(photo.body()).isEqualTo(png);

        // the company sees the evidence on its own record, but only the staff who enter records may add to it
        HttpResponse<byte[]> asCompany = download(Browserless.signIn(port, "company_user",
                Browserless.DEMO_PASSWORD), path);
        assertThat(asCompany.statusCode()).isEqualTo(200);
        assertThat(asCompany.body()).isEqualTo(png);
        assertThat(ApiClient.as(port, "company_user", Browserless.DEMO_PASSWORD)
                .upload("/api/v1/credit/records/" + record + "/evidence", "x.png", png).statusCode()).isEqualTo(403);
    }

    @Test
    void aFileThatIsNoImageOrPdfIsRefusedWithAMessageSayingWhatMayBeUploaded() {
        long company = directory.firstCompanyId().orElseThrow();
        ApiClient admin = ApiClient.as(port, "hedong_admin", Browserless.DEMO_PASSWORD);
        long record = record(admin, company);
        byte[] text = "这不是图片，只是一段文字说明".getBytes(StandardCharsets.UTF_8);

        for (String name : new String[] {"说明.txt", "伪装成图片.png"}) { // the content decides, not the name
            HttpResponse<String> refused = admin.upload("/api/v1/credit/records/" + record + "/evidence", name, text);
            assertThat(refused.statusCode()).as(name).isEqualTo(400);
            assertThat(refused.body()).contains("\"field\":\"file\"",
                    "只能上传 JPEG、PNG、WebP 图片或 PDF 文件（按文件内容识别，与文件名无关）");
        }
        assertThat(admin.get("/api/v1/credit/records/" + record).body()).doesNotContain("说明.txt", "伪装成图片.png");
    }

    @Test
    void aRecordEnteredWithARefusedFileIsNotSavedSoSubmittingAgainDoesNotMakeItTwice() {
        long company = directory.firstCompanyId().orElseThrow();
        String facts = "证明材料被拒的记录 " + System.nanoTime();
        KaopingPrincipal admin = RectificationFixture.official(directory, "hedong_admin", Role.DISTRICT_ADMIN, "QH-HD");
        CreditService.ManualRecord form = new CreditService.ManualRecord(company, null, Direction.BAD,
                CreditKind.OTHER, credit.today().minusYears(3), facts);

        assertThatThrownBy(() -> credit.enter(admin, form, "不是图片".getBytes(StandardCharsets.UTF_8), "说明.txt"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> {
                            assertThat(p.field()).isEqualTo("file");
                            assertThat(p.message()).isEqualTo("只能上传 JPEG、PNG、WebP 图片或 PDF 文件（按文件内容识别，"
                                    + "与文件名无关）；信用记录尚未保存，请重新选择文件后提交");
                        }));
        assertThat(jdbc.sql("SELECT count(*) FROM credit_record WHERE description = :d").param("d", facts)
                .query(Long.class).single()).isZero();

        long id = credit.enter(admin, form, RoundFixture.png(), "照片.png");
        assertThat(credit.record(admin, id).evidence()).singleElement()
                .satisfies(e -> assertThat(e.name()).isEqualTo("照片.png"));
    }
}
