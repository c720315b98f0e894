package cn.kaoping.inspection;

import static cn.kaoping.inspection.RoundFixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.support.ApiClient;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A round end to end through the API and the screens: scope, findings, evidence, return and resubmit, publicity,
 * publication as an immutable snapshot, a correction as a new revision, and the exported documents.
 */
@IntegrationTest
class RoundLifecycleTests {

    @LocalServerPort
    int port;
    private final OrganisationDirectory directory;
    private final JdbcClient jdbc;
    private final PublishedResults published;

    RoundLifecycleTests(@Autowired OrganisationDirectory directory, @Autowired JdbcClient jdbc,
                        @Autowired PublishedResults published) {
        this.directory = directory;
        this.jdbc = jdbc;
        this.published = published;
    }

    ApiClient admin() {
        return ApiClient.as(port, "hedong_admin", Browserless.DEMO_PASSWORD);
    }

    ApiClient officer() {
        return ApiClient.as(port, "street_df", Browserless.DEMO_PASSWORD);
    }

    @Test
    void anOfficerOfAnotherStreetCanNeitherSeeNorEditTheTask() {
        long round = RoundFixture.openOverDongfeng(port, directory, 7);
        long task = RoundFixture.inspections(officer(), round).get(0);
        ApiClient other = ApiClient.as(port, "street_xh", Browserless.DEMO_PASSWORD);

        assertThat(other.get("/api/v1/inspections/" + task).statusCode()).isEqualTo(404);
        assertThat(other.send("PUT", "/api/v1/inspections/" + task + "/findings",
                "[{\"rule\": \"10.a\", \"count\": 3}]").statusCode()).isEqualTo(404);
        assertThat(other.send("POST", "/api/v1/inspections/" + task + "/submit", null).statusCode()).isEqualTo(404);
        assertThat(other.get("/api/v1/rounds/" + round + "/inspections").statusCode()).isEqualTo(404);
        Browserless screen = Browserless.signIn(port, "street_xh", Browserless.DEMO_PASSWORD);
        assertThat(screen.get("/rounds/tasks/" + task).statusCode()).isEqualTo(404);
        assertThat(screen.post("/rounds/tasks/" + task + "/findings", Map.of("count:10.a", "3")).statusCode())
                .isEqualTo(404);
        assertThat(json(officer().get("/api/v1/inspections/" + task)).get("findings")).isEmpty();
        // the district reads the task but does not fill it in
        assertThat(admin().send("PUT", "/api/v1/inspections/" + task + "/findings",
                "[{\"rule\": \"10.a\", \"count\": 3}]").statusCode()).isEqualTo(403);
    }

    @Test
    void aRefusedUploadKeepsTheDraftFindingsAndAPhotoIsStoredWithItsChecksum() {
        long round = RoundFixture.openOverDongfeng(port, directory, 7);
        long task = RoundFixture.inspections(officer(), round).get(0);
        HttpResponse<String> saved = officer().send("PUT", "/api/v1/inspections/" + task + "/findings",
                "[{\"rule\": \"10.a\", \"count\": 5, \"note\": \"夜班无人值守\"}]");
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(json(saved).get("total").decimalValue()).isEqualByComparingTo("87.5");

        HttpResponse<String> notImage = officer().upload("/api/v1/inspections/" + task + "/evidence?rule=10.a",
                "photo.jpg", "<html>this is no photo</html>".getBytes());
        assertThat(notImage.statusCode()).isEqualTo(400);
        assertThat(notImage.body()).contains("只能上传 JPEG、PNG 或 WebP 图片");
        byte[] big = new byte[10 * 1024 * 1024 + 10];
        System.arraycopy(RoundFixture.png(), 0, big, 0, 8);
        HttpResponse<String> tooBig = officer().upload("/api/v1/inspections/" + task + "/evidence?rule=10.a",
                "big.png", big);
        assertThat(tooBig.statusCode()).isEqualTo(400);
        assertThat(tooBig.body()).contains("不能超过 10 MB");

        JsonNode draft = json(officer().get("/api/v1/inspections/" + task));
        assertThat(draft.get("findings").get(0).get("count").asInt()).isEqualTo(5);
        assertThat(draft.get("findings").get(0).get("note").asString()).isEqualTo("夜班无人值守");
        assertThat(draft.get("evidence")).isEmpty();

        HttpResponse<String> photo = officer().upload("/api/v1/inspections/" + task + "/evidence?rule=10.a",
                "IMG_0001.txt", RoundFixture.png());
        assertThat(photo.statusCode()).isEqualTo(201);
        JsonNode evidence = json(officer().get("/api/v1/inspections/" + task)).get("evidence").get(0);
        assertThat(evidence.get("contentType").asString()).isEqualTo("image/png");
        assertThat(evidence.get("sha256").asString()).hasSize(64);
        assertThat(evidence.get("uploadedBy").asString()).isEqualTo("street_df");

        // the screen's upload form answers with the message in place and the findings stay
        Browserless screen = Browserless.signIn(port, "street_df", Browserless.DEMO_PASSWORD);
        String page = screen.get("/rounds/tasks/" + task).body();
        assertThat(page).contains("夜班无人值守").contains("accept=\"image/*\"").contains("capture=");
    }

    @Test
    void theWholeLifeOfARoundEndsInAnImmutableSnapshotCorrectedOnlyByARevisionWithAReason() throws Exception {
        long round = RoundFixture.draftOverDongfeng(port, directory, 0);
        assertThat(officer().get("/api/v1/rounds/" + round).statusCode()).as("drafts are the district's").isEqualTo(404);
        assertThat(admin().send("POST", "/api/v1/rounds/" + round + "/publish", null).statusCode()).isEqualTo(409);
        assertThat(admin().send("POST", "/api/v1/rounds/" + round + "/open", null).statusCode()).isEqualTo(200);
        assertThat(admin().send("POST", "/api/v1/rounds/" + round + "/open", null).body())
                .contains("只有草稿状态的轮次可以启动");

        List<Long> tasks = RoundFixture.inspections(officer(), round);
        long first = tasks.get(0);
        officer().send("PUT", "/api/v1/inspections/" + first + "/findings",
                "[{\"rule\": \"10.a\", \"count\": 4}, {\"rule\": \"1.b\", \"holds\": true}]");
        assertThat(admin().send("POST", "/api/v1/inspections/" + first + "/accept", null).statusCode())
                .as("not submitted yet").isEqualTo(409);
        assertThat(officer().send("POST", "/api/v1/inspections/" + first + "/submit", null).statusCode())
                .isEqualTo(200);
        assertThat(officer().send("PUT", "/api/v1/inspections/" + first + "/findings",
                "[{\"rule\": \"10.a\", \"count\": 1}]").statusCode()).as("submitted is frozen").isEqualTo(409);
        assertThat(admin().send("POST", "/api/v1/inspections/" + first + "/return", "{\"comment\": \"\"}")
                .statusCode()).isEqualTo(400);
        JsonNode returned = json(admin().send("POST", "/api/v1/inspections/" + first + "/return",
                "{\"comment\": \"请补充 10.a 的照片\"}"));
        assertThat(returned.get("status").asString()).isEqualTo("RETURNED");
        assertThat(returned.get("findings")).hasSize(2);
        assertThat(returned.get("evaluation").get("total").decimalValue()).isEqualByComparingTo("83");

        assertThat(admin().send("POST", "/api/v1/rounds/" + round + "/publicity", null).body())
                .contains("个小区的检查未审核通过");
        for (long t : tasks) {
            assertThat(officer().send("POST", "/api/v1/inspections/" + t + "/submit", null).statusCode()).isEqualTo(200);
            assertThat(admin().send("POST", "/api/v1/inspections/" + t + "/accept", null).statusCode()).isEqualTo(200);
        }
        assertThat(json(admin().send("POST", "/api/v1/rounds/" + round + "/publicity", null)).get("status")
                .asString()).isEqualTo("PUBLICITY");
        JsonNode v1 = json(admin().send("POST", "/api/v1/rounds/" + round + "/publish", null));
        assertThat(v1.get("revision").asInt()).isEqualTo(1);
        String hash1 = v1.get("contentHash").asString();

        // nobody changes a stored revision, not even with SQL
        assertThatThrownBy(() -> jdbc.sql("UPDATE round_result SET content = '{}'::jsonb WHERE round_id = :r")
                .param("r", round).update()).isInstanceOf(DataAccessException.class);
        assertThat(officer().send("PUT", "/api/v1/inspections/" + first + "/findings",
                "[{\"rule\": \"10.a\", \"count\": 0}]").statusCode()).isEqualTo(409);
        HttpResponse<String> noReason = admin().send("POST", "/api/v1/rounds/" + round + "/revisions",
                "{\"inspectionId\": %d, \"rule\": \"10.a\", \"count\": 0, \"reason\": \" \"}".formatted(first));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("必须说明理由");

        JsonNode v2 = json(admin().send("POST", "/api/v1/rounds/" + round + "/revisions",
                "{\"inspectionId\": %d, \"rule\": \"10.a\", \"count\": 0, \"reason\": \"复核录像证明保安在岗\"}"
                        .formatted(first)));
        assertThat(v2.get("revision").asInt()).isEqualTo(2);
        JsonNode revisions = json(admin().get("/api/v1/rounds/" + round + "/results"));
        assertThat(revisions).hasSize(2);
        assertThat(revisions.get(1).get("contentHash").asString()).isEqualTo(hash1);
        assertThat(revisions.get(0).get("reason").asString()).isEqualTo("复核录像证明保安在岗");
        assertThat(revisions).allMatch(r -> r.get("intact").asBoolean());
        assertThat(json(admin().get("/api/v1/rounds/" + round + "/results/1")).toString()).contains("\"count\":4");
        assertThat(json(admin().get("/api/v1/rounds/" + round + "/results/2")).toString()).contains("复核录像证明保安在岗");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE entity_type = 'round' AND entity_id = :r "
                + "AND action IN ('PUBLISH', 'REVISE')").param("r", Long.toString(round)).query(Long.class).single())
                .isEqualTo(2);

        PublishedRound latest = published.latest(new RoundId(round)).orElseThrow();
        assertThat(latest.revision()).isEqualTo(2);
        assertThat(latest.results()).hasSize(tasks.size());
        BigDecimal corrected = latest.results().stream().filter(r -> r.estateId() == estateOf(first)).findFirst()
                .orElseThrow().total();
        assertThat(corrected).isEqualByComparingTo("85");

        // the company sees its estates' published results only
        assertThat(ApiClient.as(port, "street_xh", Browserless.DEMO_PASSWORD).get("/api/v1/rounds/" + round)
                .statusCode()).isEqualTo(404);
    }

    private long estateOf(long inspection) {
        return jdbc.sql("SELECT estate_id FROM inspection WHERE id = :id").param("id", inspection).query(Long.class)
                .single();
    }

    @Test
    void theResultsTableAndTheScoreSheetExportAsReadableChinesePdfAndAsSpreadsheetCells() throws Exception {
        long round = RoundFixture.openOverDongfeng(port, directory, 7);
        long task = RoundFixture.inspections(officer(), round).get(0);
        officer().send("PUT", "/api/v1/inspections/" + task + "/findings",
                "[{\"rule\": \"10.a\", \"count\": 5, \"note\": \"夜班无人值守\"}]");
        officer().upload("/api/v1/inspections/" + task + "/evidence?rule=10.a", "a.png", RoundFixture.png());
        String estate = json(officer().get("/api/v1/inspections/" + task)).get("estateName").asString();

        byte[] sheet = download("/api/v1/inspections/" + task + "/sheet.pdf");
        try (PDDocument pdf = Loader.loadPDF(sheet)) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains(estate + " 评分表").contains("夜班无人值守");
            // table cells wrap, so compare without line breaks and spaces
            assertThat(text.replaceAll("\\s", "")).contains("保安缺岗5次×0.5分=2.5分");
        }
        byte[] results = download("/api/v1/rounds/" + round + "/results.pdf");
        try (PDDocument pdf = Loader.loadPDF(results)) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("考评结果").contains(estate).contains("87.5");
        }

        List<List<String>> cells = cells(download("/api/v1/rounds/" + round + "/results.xlsx"));
        assertThat(cells.get(0)).containsExactly("名次", "小区", "街道办事处", "得分", "等次", "是否合格", "检查状态");
        assertThat(cells.get(1)).contains(estate, "东风街道", "87.5", "良好", "是", "待检查");
        List<List<String>> rows = cells(download("/api/v1/inspections/" + task + "/sheet.xlsx"));
        List<String> row10 = rows.stream().filter(r -> r.get(0).equals("10")).findFirst().orElseThrow();
        assertThat(row10.subList(2, 5)).containsExactly("10", "2.5", "7.5");
        assertThat(row10.get(5)).contains("保安缺岗 5 次");
        assertThat(rows.get(rows.size() - 1)).contains("合计", "87.5");
    }

    private byte[] download(String path) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String token = RoundFixture.JSON.readTree(ApiClient.anonymous(port).send("POST", "/api/v1/auth/token",
                "{\"username\":\"street_df\",\"password\":\"Kaoping2026\"}").body()).get("token").asString();
        HttpResponse<byte[]> res = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(res.statusCode()).as(path).isEqualTo(200);
        return res.body();
    }

    private static List<List<String>> cells(byte[] xlsx) {
        List<List<String>> rows = new ArrayList<>();
        cn.idev.excel.FastExcel.read(new ByteArrayInputStream(xlsx), new cn.idev.excel.read.listener.ReadListener<Map<Integer, String>>() {
            @Override
            public void invoke(Map<Integer, String> data, cn.idev.excel.context.AnalysisContext context) {
                List<String> row = new ArrayList<>();
                for (int i = 0; i < 7; i++) {
                    row.add(data.get(i) == null ? "" : data.get(i));
                }
                rows.add(row);
            }

            @Override
            public void invokeHead(Map<Integer, cn.idev.excel.metadata.data.ReadCellData<?>> head,
                                   cn.idev.excel.context.AnalysisContext context) {
                List<String> row = new ArrayList<>();
                for (int i = 0; i < 7; i++) {
                    row.add(head.get(i) == null ? "" : head.get(i).getStringValue());
                }
                rows.add(row);
            }

            @Override
            public void doAfterAllAnalysed(cn.idev.excel.context.AnalysisContext context) {
            }
        }).excelType(cn.idev.excel.support.ExcelTypeEnum.XLSX).sheet(0).headRowNumber(1).doRead();
        return rows;
    }
}
