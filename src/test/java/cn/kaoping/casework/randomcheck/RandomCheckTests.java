package cn.kaoping.casework.randomcheck;

import cn.kaoping.casework.complaints.ComplaintStore;
import cn.kaoping.casework.rules.DrawInput;
import cn.kaoping.casework.rules.RandomDraw;
import cn.kaoping.casework.rules.WorkingDays;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.Role;
import cn.kaoping.shared.ValidationException;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import cn.kaoping.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 双随机、一公开 run by a district (seed 003 二、(一)7; issue 14): the lists frozen with their fingerprints and a
 * commitment, the draw reproducible by anyone from the public record (also by scripts/verify-draw.py), two inspectors
 * of different units and never a conflicted one, results due within 20 working days and flagged when late; scope.
 */
@IntegrationTest
class RandomCheckTests {

    @LocalServerPort
    int port;
    @Autowired
    RunRandomCheck checks;
    @Autowired
    RandomCheckStore store;
    @Autowired
    ComplaintStore calendar;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    JsonMapper json;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    KaopingPrincipal at(String username, Role role, String code) {
        RegionRef r = directory.regionByCode(code).orElseThrow();
        return new KaopingPrincipal(0, username, username, role, r.id(), r.path(), null, null);
    }

    static final String INSPECTORS = """
            I01,张明,区住建局
            I02,李强,区住建局
            I03,王芳,区城管执法局
            I04,赵磊,区市场监管局
            I05,孙丽,区城管执法局
            """;

    @Test
    void aDrawAnyoneCanRecomputeAndResultsPublishedWithinTwentyWorkingDays() throws Exception {
        KaopingPrincipal admin = at("hedong_admin", Role.DISTRICT_ADMIN, "QH-HD");
        assertThatThrownBy(() -> checks.freeze(at("street_df", Role.STREET_OFFICER, "QH-HD-DF"), "x", 2, INSPECTORS,
                "")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> checks.freeze(admin, "同一单位", 2, "I01,张明,区住建局\nI02,李强,区住建局", ""))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems().get(0).message())
                        .contains("两个单位"));
        long id = checks.freeze(admin, "2026 年第四季度物业服务双随机抽查", 5, INSPECTORS, "I03,E1");
        RandomCheck frozen = store.check(id).orElseThrow();
        RunRandomCheck.PublicRecord before = checks.publicRecord(frozen);
        assertThat(before.secret()).as("the secret stays hidden until the draw").isNull();
        assertThat(before.commitment()).hasSize(64);

        List<RandomDraw.Pair> pairs = checks.draw(admin, id);
        assertThatThrownBy(() -> checks.draw(admin, id)).isInstanceOf(ConflictException.class);
        assertThat(pairs).hasSize(5).allSatisfy(p -> {
            assertThat(p.first().unit()).isNotEqualTo(p.second().unit());
            assertThat(p.object().id().equals("E1") && (p.first().id().equals("I03") || p.second().id()
                    .equals("I03"))).isFalse();
        });

        // anyone: the record from the public site, the commitment checked, the draw recomputed
        HttpResponse<String> response = Browserless.anonymous(port).get("/public/random-checks/" + id + "/record.json");
        assertThat(response.statusCode()).isEqualTo(200);
        RunRandomCheck.PublicRecord record = json.readValue(response.body(), RunRandomCheck.PublicRecord.class);
        assertThat(RunRandomCheck.sha256(record.secret())).isEqualTo(before.commitment());
        assertThat(record.seed()).startsWith(record.secret() + "|");
        RandomDraw.Result again = RandomDraw.draw(new DrawInput(record.objects(), record.inspectors(),
                record.conflicts(), record.count(), record.seed()));
        assertThat(again.pairs()).isEqualTo(pairs);
        assertThat(again.objectsHash()).isEqualTo(before.objectsHash());
        Path file = Files.createTempFile("draw", ".json");
        Files.writeString(file, response.body());
        Process python = new ProcessBuilder("python3", "scripts/verify-draw.py", file.toString())
                .redirectErrorStream(true).start();
        String out = new String(python.getInputStream().readAllBytes());
        assertThat(python.waitFor()).as(out).isZero();
        assertThat(out).contains("objects " + before.objectsHash()).contains(pairs.get(0).object().id() + " "
                + pairs.get(0).first().id() + " " + pairs.get(0).second().id());

        // results within 20 working days
        String drawn = pairs.get(0).object().id();
        String notDrawn = record.objects().stream().map(DrawInput.DrawObject::id)
                .filter(o -> pairs.stream().noneMatch(p -> p.object().id().equals(o))).findFirst().orElseThrow();
        assertThatThrownBy(() -> checks.record(admin, id, notDrawn, checks.today(), true, "x", null, null))
                .isInstanceOf(ValidationException.class);
        checks.record(admin, id, drawn, checks.today(), false, "消防通道堵塞，监控室无人值守", null, null);
        checks.record(admin, id, pairs.get(1).object().id(), checks.today(), true, "符合要求", null, null);
        CheckResult r = store.records(id).stream().filter(x -> x.objectId().equals(drawn)).findFirst()
                .orElseThrow();
        assertThat(r.publishBy()).isEqualTo(new WorkingDays(calendar.calendar()).after(checks.today(), 20));
        checks.publish(admin, id, drawn);
        assertThatThrownBy(() -> checks.publish(admin, id, drawn)).isInstanceOf(ConflictException.class);
        // the failed result, published, is a bad record of the estate's company in its credit file
        String source = "RandomCheckFailed:" + id + ":" + drawn.substring(1);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM credit_record WHERE source = :s AND direction = 'BAD'").param("s", source)
                .query(Long.class).single() == 1);
        assertThat(jdbc.sql("SELECT description FROM credit_record WHERE source = :s").param("s", source)
                .query(String.class).single()).contains("双随机抽查不合格").contains("消防通道堵塞");
        TestClock.later(Duration.ofDays(40), () -> assertThat(store.records(id))
                .filteredOn(x -> !x.objectId().equals(drawn)).singleElement()
                .satisfies(x -> assertThat(x.late(checks.today())).isTrue()));
        // the failed estate's findings raise a rectification notice (a draft), once; a passed one raises none
        Browserless district = Browserless.signIn(port, "hedong_admin", Browserless.DEMO_PASSWORD);
        HttpResponse<String> raised = district.post("/random-checks/" + id + "/records/" + drawn + "/notice",
                java.util.Map.of());
        String notice = raised.headers().firstValue("Location").orElse("").replaceFirst("^https?://[^/]+", "");
        assertThat(notice).matches("/rectification/\\d+");
        assertThat(district.get(notice).body()).contains("双随机抽查不合格").contains("消防通道堵塞").contains("已增加问题");
        assertThat(district.get("/random-checks/" + id).body()).contains("href=\"" + notice + "\"");
        HttpResponse<String> twice = district.post("/random-checks/" + id + "/records/" + drawn + "/notice",
                java.util.Map.of());
        assertThat(twice.headers().firstValue("Location").orElse("")).endsWith("/random-checks/" + id);
        assertThat(district.get("/random-checks/" + id).body()).contains("该记录已列入整改通知书");
        district.post("/random-checks/" + id + "/records/" + pairs.get(1).object().id() + "/notice",
                java.util.Map.of());
        assertThat(district.get("/random-checks/" + id).body()).contains("检查合格的对象不下达整改通知书");
        String page = Browserless.anonymous(port).get("/public/random-checks/" + id).body();
        assertThat(page).contains("消防通道堵塞").doesNotContain("符合要求");

        assertThatThrownBy(() -> checks.check(at("hexi_admin", Role.DISTRICT_ADMIN, "QH-HX"), id))
                .isInstanceOf(NotFoundException.class);
    }
}
