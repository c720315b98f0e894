package cn.kaoping.scheme.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kaoping.scheme.internal.SchemeVersions;
import cn.kaoping.support.ApiClient;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scheme versions over the API: published versions never change, editing is clone → upload → publish, a malformed
 * upload lists its problems with line numbers, and only administrators change schemes.
 */
@IntegrationTest
class SchemeVersionApiTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SchemeVersions versions;

    private static JsonNode json(HttpResponse<String> res) {
        return JSON.readTree(res.body());
    }

    private ApiClient cityAdmin() {
        return ApiClient.as(port, "city_admin", Browserless.DEMO_PASSWORD);
    }

    @Test
    void aPublishedVersionCannotBeChangedNorPublishedAgain() {
        ApiClient admin = cityAdmin();
        String yaml = admin.get("/api/v1/schemes/erqi-old-estate/versions/1/yaml").body();

        HttpResponse<String> upload = admin.send("PUT", "/api/v1/schemes/erqi-old-estate/versions/1/yaml",
                yaml.replace("保安缺岗", "保安缺勤"));
        assertThat(upload.statusCode()).isEqualTo(409);
        assertThat(json(upload).get("detail").asString()).contains("已发布");

        assertThat(admin.send("POST", "/api/v1/schemes/erqi-old-estate/versions/1/publish", null).statusCode())
                .isEqualTo(409);
        assertThat(admin.get("/api/v1/schemes/erqi-old-estate/versions/1/yaml").body()).isEqualTo(yaml);
    }

    @Test
    void theDatabaseRefusesToChangeAPublishedVersion() {
        assertThatThrownBy(() -> jdbc.sql("""
                UPDATE scheme_version SET title = 'x' WHERE code = 'erqi-old-estate' AND version = 1""").update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("""
                DELETE FROM scheme_version WHERE code = 'erqi-old-estate' AND version = 1""").update())
                .isInstanceOf(DataAccessException.class);
    }

    @Test
    void anAdministratorClonesUploadsAndPublishesANewVersion() {
        ApiClient admin = cityAdmin();
        HttpResponse<String> cloned = admin.send("POST", "/api/v1/schemes/shenyang-basic/drafts", null);
        assertThat(cloned.statusCode()).as(cloned.body()).isEqualTo(201);
        int draft = json(cloned).get("version").asInt();
        assertThat(json(cloned).get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft).isGreaterThan(1);

        // a second clone while the draft is open is refused
        assertThat(admin.send("POST", "/api/v1/schemes/shenyang-basic/drafts", null).statusCode()).isEqualTo(409);

        String base = "/api/v1/schemes/shenyang-basic/versions/" + draft;
        String yaml = admin.get(base + "/yaml").body();
        assertThat(yaml).contains("version: " + draft).contains("code: shenyang-basic");

        // a malformed upload: a misspelt rule kind and an unknown field, each reported with its line
        List<String> lines = new ArrayList<>(yaml.lines().toList());
        int kindLine = indexOf(lines, "kind: per-occurrence") + 1;
        lines.set(kindLine - 1, lines.get(kindLine - 1).replace("kind: per-occurrence", "kind: per-occurence"));
        int titleLine = indexOf(lines, "title:") + 1;
        lines.add(titleLine, "mxa: 100");
        int typoLine = titleLine + 1;
        if (kindLine > titleLine) {
            kindLine++;
        }
        HttpResponse<String> bad = admin.send("PUT", base + "/yaml?file=upload.yaml", String.join("\n", lines) + "\n");
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(422);
        JsonNode problems = json(bad).get("errors");
        assertThat(problems.size()).isGreaterThanOrEqualTo(2);
        List<Integer> reportedLines = new ArrayList<>();
        problems.forEach(p -> reportedLines.add(p.get("line").asInt()));
        assertThat(reportedLines).contains(kindLine, typoLine);
        assertThat(problems.toString()).contains("upload.yaml").contains("per-occurence").contains("mxa");
        assertThat(admin.get(base + "/yaml").body()).as("nothing saved").isEqualTo(yaml);

        // the same report for a file uploaded as multipart/form-data
        HttpResponse<String> badFile = admin.upload(base + "/yaml", "mein-standard.yaml",
                (String.join("\n", lines) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(badFile.statusCode()).as(badFile.body()).isEqualTo(422);
        assertThat(json(badFile).get("errors").toString()).contains("mein-standard.yaml")
                .contains("\"line\":" + kindLine);

        // a wrong version number is a problem too
        HttpResponse<String> wrongVersion = admin.send("PUT", base + "/yaml",
                yaml.replace("version: " + draft, "version: 1"));
        assertThat(wrongVersion.statusCode()).isEqualTo(422);
        assertThat(json(wrongVersion).get("errors").get(0).get("field").asString()).isEqualTo("version");

        // a good upload replaces the draft; publishing makes it the latest version
        String edited = yaml.replaceFirst("(?m)^title: .*$", "title: 沈阳市保障型物业服务日常考评标准（修订）");
        HttpResponse<String> good = admin.send("PUT", base + "/yaml", edited);
        assertThat(good.statusCode()).as(good.body()).isEqualTo(200);
        assertThat(json(admin.get("/api/v1/schemes/shenyang-basic")).get("version").asInt()).isLessThan(draft);

        HttpResponse<String> published = admin.send("POST", base + "/publish", null);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        JsonNode latest = json(admin.get("/api/v1/schemes/shenyang-basic"));
        assertThat(latest.get("version").asInt()).isEqualTo(draft);
        assertThat(latest.get("title").asString()).isEqualTo("沈阳市保障型物业服务日常考评标准（修订）");
        JsonNode evaluation = json(admin.send("POST", "/api/v1/schemes/shenyang-basic/evaluate", "{\"facts\": []}"));
        assertThat(evaluation.get("version").asInt()).isEqualTo(draft);

        // the published draft is now immutable, and the change is in the audit log
        assertThat(admin.send("PUT", base + "/yaml", edited).statusCode()).isEqualTo(409);
        assertThat(jdbc.sql("""
                SELECT action FROM audit_event WHERE entity_type = 'scheme_version' AND entity_id = :id ORDER BY id""")
                .param("id", "shenyang-basic@" + draft).query(String.class).list())
                .containsExactly("SCHEME_DRAFT_CREATED", "SCHEME_DRAFT_UPLOADED", "SCHEME_PUBLISHED");
        assertThat(json(admin.get("/api/v1/schemes/shenyang-basic/versions")).size()).isGreaterThanOrEqualTo(2);
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no line with " + text);
    }

    @Test
    void aStreetOfficerMayEvaluateButNotCloneUploadOrPublish() {
        ApiClient admin = cityAdmin();
        HttpResponse<String> cloned = admin.send("POST", "/api/v1/schemes/shenyang-professional/drafts", null);
        assertThat(cloned.statusCode()).as(cloned.body()).isEqualTo(201);
        int draft = json(cloned).get("version").asInt();
        String base = "/api/v1/schemes/shenyang-professional/versions/" + draft;
        String yaml = admin.get(base + "/yaml").body();

        ApiClient street = ApiClient.as(port, "street_df", Browserless.DEMO_PASSWORD);
        assertThat(street.send("POST", "/api/v1/schemes/erqi-old-estate/evaluate", "{\"facts\": []}").statusCode())
                .isEqualTo(200);
        assertThat(street.send("POST", base + "/publish", null).statusCode()).isEqualTo(403);
        assertThat(street.send("PUT", base + "/yaml", yaml).statusCode()).isEqualTo(403);
        assertThat(street.send("POST", "/api/v1/schemes/erqi-old-estate/drafts", null).statusCode()).isEqualTo(403);

        assertThat(json(admin.get(base)).get("status").asString()).isEqualTo("DRAFT");
        assertThat(json(admin.get("/api/v1/schemes/erqi-old-estate/versions")).size()).isEqualTo(1);
    }

    @Test
    void loadingTheBuiltInsAgainAddsNothingEvenFromSeveralInstancesAtOnce() {
        long before = jdbc.sql("SELECT count(*) FROM scheme_version").query(Long.class).single();
        List<CompletableFuture<Integer>> loads = List.of(CompletableFuture.supplyAsync(versions::loadBuiltIns),
                CompletableFuture.supplyAsync(versions::loadBuiltIns), CompletableFuture.supplyAsync(versions::loadBuiltIns));
        assertThat(loads.stream().mapToInt(CompletableFuture::join).sum()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM scheme_version").query(Long.class).single()).isEqualTo(before);
        // five schemes, and version 1 of both Shenyang tables kept beside their version 2 (issue 19)
        assertThat(jdbc.sql("SELECT count(*) FROM scheme_version WHERE built_in").query(Long.class).single())
                .isEqualTo(7);
    }
}
