package cn.kaoping.survey.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.support.IntegrationTest;
import cn.kaoping.survey.EstateSatisfaction;
import cn.kaoping.survey.OwnerClient;
import cn.kaoping.survey.SurveyClosed;
import cn.kaoping.survey.SurveyFixture;
import cn.kaoping.survey.SurveyFixture.Made;
import cn.kaoping.survey.internal.SurveyForms.PaperForm;
import cn.kaoping.survey.internal.Views.IssuedCode;
import cn.kaoping.support.MutableClock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * A survey whose end date has passed closes by itself, exactly as when an official closes it. The job is driven by
 * a clock the test moves; the surveys here ended in 2001, so the job's runs close nothing of other tests.
 */
@IntegrationTest
@RecordApplicationEvents
class EndedSurveysTests {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final LocalDate STARTS = LocalDate.of(2001, 3, 1);
    private static final LocalDate ENDS = LocalDate.of(2001, 3, 31);

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
    CloseSurvey closing;
    @Autowired
    SurveyQueries queries;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    ApplicationEvents events;
    @Autowired
    EndedSurveys scheduledJob;

    private List<SurveyClosed> closedEvents(long surveyId) {
        return events.stream(SurveyClosed.class).filter(e -> e.survey().value() == surveyId).toList();
    }

    private String status(long surveyId) {
        return jdbc.sql("SELECT status FROM survey WHERE id = :s").param("s", surveyId).query(String.class).single();
    }

    @Test
    void aSurveyClosesByItselfTheDayAfterItsEndDateAndPublishesItsResultsOnce() {
        SurveyFixture fixture = new SurveyFixture(jdbc, open, codes, directory);
        KaopingPrincipal officer = fixture.streetOfficer();
        Made m = fixture.survey("hangzhou-overall", "PROFESSIONAL", 10, STARTS, ENDS);
        String[] answers = {"S", "S", "B"};
        for (int i = 0; i < answers.length; i++) {
            IssuedCode c = m.code(i);
            assertThat(paperForms.keyPaperForm(officer, m.surveyId(), m.estateId(), new PaperForm(Channel.BOX,
                    c.building(), "", c.room(), c.code(), Map.of("overall", answers[i]))).accepted()).isTrue();
        }
        MutableClock clock = new MutableClock(ENDS.atTime(23, 59, 59).atZone(CHINA));
        EndedSurveys job = new EndedSurveys(closing, clock);

        job.closeEnded(); // the last second of the end date: still open
        assertThat(status(m.surveyId())).isEqualTo("OPEN");
        assertThat(closedEvents(m.surveyId())).isEmpty();

        clock.set(ENDS.plusDays(1).atTime(0, 1).atZone(CHINA));
        job.closeEnded();
        assertThat(status(m.surveyId())).isEqualTo("CLOSED");
        SurveyClosed closed = closedEvents(m.surveyId()).get(0);
        assertThat(closed.closedAt()).isEqualTo(clock.instant());
        assertThat(closed.endsOn()).isEqualTo(ENDS);
        EstateSatisfaction r = closed.estates().get(0);
        assertThat(r.estateId()).isEqualTo(m.estateId());
        assertThat(r.estateName()).isEqualTo(m.estateName());
        assertThat(r.households()).isEqualTo(10);
        assertThat(r.respondents()).isEqualTo(3);
        // the same results a manual close would have sent: (2 满意 + 1 基本满意) ÷ 10 owners
        assertThat(r.satisfaction()).isEqualByComparingTo("30.00");
        assertThat(closing.results(m.surveyId())).contains(closed);

        Views.SurveyView view = queries.get(officer, m.surveyId());
        assertThat(view.phase()).isEqualTo(Phase.CLOSED);
        assertThat(view.closedAutomatically()).isTrue();
        assertThat(jdbc.sql("""
                SELECT actor FROM audit_event WHERE entity_type = 'survey' AND entity_id = :id AND action = 'CLOSE'""")
                .param("id", String.valueOf(m.surveyId())).query(String.class).list()).containsExactly("system");

        clock.advance(Duration.ofHours(1));
        job.closeEnded(); // the next hourly run finds nothing more to do
        assertThat(closedEvents(m.surveyId())).hasSize(1);
        assertThat(Assertions.catchThrowable(() -> closing.close(officer, m.surveyId())))
                .isInstanceOf(ConflictException.class);

        IssuedCode late = m.code(5);
        assertThat(new OwnerClient(port).open(m.linkKey()).body()).contains("调查已结束，不再接受填写")
                .doesNotContain("name=\"code\"");
        assertThat(paperForms.keyPaperForm(officer, m.surveyId(), m.estateId(), new PaperForm(Channel.BOX,
                late.building(), "", late.room(), late.code(), Map.of("overall", "S"))).status())
                .isEqualTo(Intake.Status.CLOSED);
        assertThat(fixture.responses(m.surveyId())).isEqualTo(3);
    }

    @Test
    void aSurveyClosedByHandBeforeItsEndIsLeftAloneByTheJob() {
        SurveyFixture fixture = new SurveyFixture(jdbc, open, codes, directory);
        Made m = fixture.survey("hangzhou-overall", "PROFESSIONAL", 3, STARTS, ENDS);
        closing.close(fixture.streetOfficer(), m.surveyId());
        new EndedSurveys(closing, new MutableClock(ENDS.plusDays(2).atStartOfDay(CHINA))).closeEnded();
        assertThat(closedEvents(m.surveyId())).hasSize(1);
        assertThat(queries.get(fixture.streetOfficer(), m.surveyId()).closedAutomatically()).isFalse();
    }

    @Test
    void theScheduledJobRunsUnderAClusterWideLock() {
        scheduledJob.closeEnded();
        assertThat(jdbc.sql("SELECT count(*) FROM shedlock WHERE name = 'survey.closeEnded'").query(Integer.class)
                .single()).isEqualTo(1);
    }
}
