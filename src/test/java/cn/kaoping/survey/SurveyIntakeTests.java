package cn.kaoping.survey;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.support.IntegrationTest;
import cn.kaoping.survey.SurveyFixture.Made;
import cn.kaoping.survey.internal.Channel;
import cn.kaoping.survey.internal.Intake;
import cn.kaoping.survey.internal.CloseSurvey;
import cn.kaoping.survey.internal.IssueSurveyCodes;
import cn.kaoping.survey.internal.KeyPaperForm;
import cn.kaoping.survey.internal.OpenSurvey;
import cn.kaoping.survey.internal.VoidResponse;
import cn.kaoping.survey.internal.SurveyForms.PaperForm;
import cn.kaoping.survey.internal.SurveyForms.VoidForm;
import cn.kaoping.survey.internal.SurveySettings;
import cn.kaoping.survey.internal.Views.IssuedCode;
import cn.kaoping.shared.ValidationException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Owners answer on the estate link; staff key paper forms; one response per household whatever the channel. */
@IntegrationTest
class SurveyIntakeTests {

    private static final Map<String, String> ALL_SATISFIED = Map.of("contract", "S", "sanitation", "S",
            "facilities", "S", "order", "S", "greening", "S");
    private static final Map<String, String> MIXED = Map.of("contract", "S", "sanitation", "B",
            "facilities", "U", "order", "S", "greening", "B");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OpenSurvey open;
    @Autowired
    IssueSurveyCodes codes;
    @Autowired
    KeyPaperForm paperForms;
    @Autowired
    VoidResponse voiding;
    @Autowired
    CloseSurvey closing;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    SurveySettings settings;

    SurveyFixture fixture;
    KaopingPrincipal officer;

    @BeforeEach
    void setUp() {
        fixture = new SurveyFixture(jdbc, open, codes, directory);
        officer = fixture.streetOfficer();
    }

    private HttpResponse<String> answer(Made m, IssuedCode c, Map<String, String> answers) {
        return new OwnerClient(port).submit(m.linkKey(), c.building(), c.room(), c.code(), answers);
    }

    @Test
    void anOwnerAnswersWithTheCodeFromTheSlipAndSeesTheTimeItWasReceived() {
        Made m = fixture.survey("shenyang-professional", "PROFESSIONAL", 10);
        HttpResponse<String> res = answer(m, m.code(0), MIXED);
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body()).contains("提交成功，感谢您的参与").containsPattern("提交时间：\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        assertThat(fixture.responses(m.surveyId())).isEqualTo(1);
        assertThat(jdbc.sql("SELECT score FROM survey_response WHERE survey_id = :s").param("s", m.surveyId())
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("64");
    }

    @Test
    void aRetryWithTheSameCodeAndAnswersIsAcknowledgedWithTheOriginalTimeAndNotCountedTwice() {
        Made m = fixture.survey("shenyang-professional", "PROFESSIONAL", 10);
        String first = answer(m, m.code(1), ALL_SATISFIED).body();
        String retry = answer(m, m.code(1), ALL_SATISFIED).body();
        assertThat(retry).contains("提交成功").contains("此前已经提交成功");
        assertThat(time(retry)).isEqualTo(time(first));
        assertThat(fixture.responses(m.surveyId())).isEqualTo(1);
    }

    private static String time(String html) {
        var matcher = java.util.regex.Pattern.compile("提交时间：([0-9: -]+)").matcher(html);
        Assertions.assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    @Test
    void aSecondDifferentAttemptIsRefusedPlainlyOnTheSamePage() {
        Made m = fixture.survey("shenyang-professional", "PROFESSIONAL", 10);
        answer(m, m.code(2), ALL_SATISFIED);
        HttpResponse<String> second = answer(m, m.code(2), MIXED);
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.body()).contains("这一户已经提交过问卷，每户只能提交一次").doesNotContain("系统内部错误");
        assertThat(fixture.responses(m.surveyId())).isEqualTo(1);
    }

    @Test
    void aHouseholdThatAnsweredOnlineCannotAlsoBeKeyedInOnPaperAndViceVersa() {
        Made m = fixture.survey("shenyang-professional", "PROFESSIONAL", 10);
        answer(m, m.code(3), ALL_SATISFIED);
        Intake.Outcome paper = paperForms.keyPaperForm(officer, m.surveyId(), m.estateId(), new PaperForm(Channel.BOX,
                m.code(3).building(), "", m.code(3).room(), m.code(3).code(), MIXED));
        assertThat(paper.status()).isEqualTo(Intake.Status.ALREADY_ANSWERED);

        Intake.Outcome keyed = paperForms.keyPaperForm(officer, m.surveyId(), m.estateId(), new PaperForm(Channel.VISIT,
                m.code(4).building(), "", m.code(4).room(), m.code(4).code(), MIXED));
        assertThat(keyed.status()).isEqualTo(Intake.Status.ACCEPTED);
        assertThat(answer(m, m.code(4), ALL_SATISFIED).body()).contains("这一户已经提交过问卷");
        assertThat(fixture.responses(m.surveyId())).isEqualTo(2);
        assertThat(jdbc.sql("SELECT keyed_by || ' ' || channel FROM survey_answered WHERE survey_id = :s AND keyed_by IS NOT NULL")
                .param("s", m.surveyId()).query(String.class).single()).isEqualTo("street_df VISIT");
    }

    @Test
    void simultaneousSubmissionsForOneHouseholdOverSeveralChannelsStoreExactlyOneResponse() throws Exception {
        Made m = fixture.survey("shenyang-professional", "PROFESSIONAL", 10);
        IssuedCode c = m.code(5);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Map<String, String> answers = i % 2 == 0 ? ALL_SATISFIED : MIXED;
            if (i % 4 == 3) {
                tasks.add(() -> paperForms.keyPaperForm(officer, m.surveyId(), m.estateId(), new PaperForm(Channel.BOX,
                        c.building(), "", c.room(), c.code(), answers)).accepted() ? 1 : 0);
            } else {
                tasks.add(() -> answer(m, c, answers).body().contains("提交成功") ? 1 : 0);
            }
        }
        int acknowledged = 0;
        for (Future<Integer> f : pool.invokeAll(tasks)) {
            acknowledged += f.get();
        }
        pool.shutdown();
        assertThat(acknowledged).isGreaterThanOrEqualTo(1);
        assertThat(fixture.responses(m.surveyId())).isEqualTo(1);
        assertThat(fixture.answered(m.surveyId())).isEqualTo(1);
    }

    @Test
    void voidingWithTheHouseholdsCodeRemovesItsResponseAuditsTheReasonAndLetsItAnswerAgain() {
        Made m = fixture.survey("shenyang-professional", "PROFESSIONAL", 10);
        IssuedCode c = m.code(6);
        answer(m, c, MIXED);
        assertThat(fixture.responses(m.surveyId())).isEqualTo(1);

        assertThat(Assertions.catchThrowable(() -> voiding.voidResponse(officer, m.surveyId(), m.estateId(),
                new VoidForm(c.building(), "", c.room(), c.code(), " "))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("作废原因");
        voiding.voidResponse(officer, m.surveyId(), m.estateId(),
                new VoidForm(c.building(), "", c.room(), c.code(), "回执单被他人冒用"));
        assertThat(fixture.responses(m.surveyId())).isZero();
        assertThat(fixture.answered(m.surveyId())).isZero();
        assertThat(jdbc.sql("""
                SELECT summary FROM audit_event WHERE entity_type = 'survey' AND entity_id = :id AND action = 'VOID'""")
                .param("id", String.valueOf(m.surveyId())).query(String.class).single())
                .contains(c.label()).contains("回执单被他人冒用");

        assertThat(answer(m, c, ALL_SATISFIED).body()).contains("提交成功，感谢您的参与");
        assertThat(fixture.responses(m.surveyId())).isEqualTo(1);
    }

    @Test
    void voidingAHouseholdThatHasNotAnsweredIsRefused() {
        Made m = fixture.survey("shenyang-professional", "PROFESSIONAL", 10);
        IssuedCode c = m.code(7);
        assertThat(Assertions.catchThrowable(() -> voiding.voidResponse(officer, m.surveyId(), m.estateId(),
                new VoidForm(c.building(), "", c.room(), c.code(), "误操作"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("尚未提交");
    }

    @Test
    void repeatedWrongCodesLockTheClientOutEvenForARightCodeUntilTheLockOutEnds() {
        Made m = fixture.survey("shenyang-professional", "PROFESSIONAL", 10);
        OwnerClient attacker = new OwnerClient(port);
        HttpResponse<String> last = null;
        for (int i = 0; i < settings.maxWrongCodes(); i++) {
            last = attacker.submit(m.linkKey(), "1", "101", "AAAA-BBBB-CCCC-" + String.format("%04d", i), MIXED);
            if (i < settings.maxWrongCodes() - 1) {
                assertThat(last.statusCode()).isEqualTo(422);
                assertThat(last.body()).contains("回执码不正确");
            }
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.body()).contains("错误次数过多，请 15 分钟后再试");
        IssuedCode right = m.code(0);
        HttpResponse<String> locked = answer(m, right, MIXED);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(fixture.responses(m.surveyId())).isZero();
        assertThat(jdbc.sql("SELECT locked_until > now() + interval '14 minutes' FROM client_guard WHERE client_key LIKE :k")
                .param("k", "%:" + m.surveyId()).query(Boolean.class).single()).isTrue();

        // the lock-out ends: the right code is accepted again
        jdbc.sql("UPDATE client_guard SET locked_until = now() - interval '1 second' WHERE client_key LIKE :k")
                .param("k", "%:" + m.surveyId()).update();
        assertThat(answer(m, right, MIXED).body()).contains("提交成功");
    }

    @Test
    void aCodeForAnotherRoomIsRefusedAsNotMatching() {
        Made m = fixture.survey("shenyang-professional", "PROFESSIONAL", 10);
        HttpResponse<String> res = new OwnerClient(port).submit(m.linkKey(), "1", "109", m.code(0).code(), MIXED);
        assertThat(res.body()).contains("楼栋或房号与回执码不符");
        assertThat(fixture.responses(m.surveyId())).isZero();
    }

    @Test
    void missingAnswersAreNamedOnTheSamePageAndWhatWasTypedIsKept() {
        Made m = fixture.survey("shenyang-professional", "PROFESSIONAL", 10);
        HttpResponse<String> res = new OwnerClient(port).submit(m.linkKey(), "1", "101", m.code(0).code(),
                Map.of("contract", "S", "sanitation", "B"));
        assertThat(res.statusCode()).isEqualTo(422);
        assertThat(res.body()).contains("还有题目没有选择：基础设施养护, 秩序维护, 绿化养护")
                .contains("value=\"" + m.code(0).code() + "\"");
        assertThat(fixture.responses(m.surveyId())).isZero();
    }

    @Test
    void aSurveyNotYetStartedOrClosedTellsTheOwnerPlainlyAndAnUnknownLinkIsNoErrorPage() {
        Made future = fixture.survey("hangzhou-overall", "PROFESSIONAL", 3, LocalDate.now().plusDays(5),
                LocalDate.now().plusDays(20));
        assertThat(new OwnerClient(port).open(future.linkKey()).body()).contains("调查尚未开始");

        Made m = fixture.survey("hangzhou-overall", "PROFESSIONAL", 3);
        OwnerClient owner = new OwnerClient(port);
        owner.open(m.linkKey());
        closing.close(officer, m.surveyId());
        HttpResponse<String> closed = owner.post(m.linkKey(), "1", "101", m.code(0).code(), Map.of("overall", "S"));
        assertThat(closed.body()).contains("调查已结束，不再接受填写").doesNotContain("name=\"code\"");
        assertThat(fixture.responses(m.surveyId())).isZero();

        HttpResponse<String> unknown = new OwnerClient(port).open("no-such-link");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("链接无效").doesNotContain("navbar");
    }

    @Test
    void theOwnersPageIsSmallServerRenderedWithoutScriptsAndSaysItIsAnonymous() {
        Made m = fixture.survey("shenyang-professional", "PROFESSIONAL", 10);
        HttpResponse<String> page = new OwnerClient(port).open(m.linkKey());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(50 * 1024);
        assertThat(page.body()).doesNotContain("<script").doesNotContain("bootstrap").doesNotContain("htmx")
                .contains("本调查为匿名调查").contains("合同履职").contains("name=\"_csrf\"");
    }
}
