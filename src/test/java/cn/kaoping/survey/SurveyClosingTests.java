package cn.kaoping.survey;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.support.IntegrationTest;
import cn.kaoping.survey.SurveyFixture.Made;
import cn.kaoping.survey.internal.CloseSurvey;
import cn.kaoping.survey.internal.IssueSurveyCodes;
import cn.kaoping.survey.internal.OpenSurvey;
import cn.kaoping.survey.internal.Views.IssuedCode;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Closing a survey stops intake and hands the per-estate results to rounds as {@link SurveyClosed}. */
@IntegrationTest
@RecordApplicationEvents
class SurveyClosingTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OpenSurvey open;
    @Autowired
    IssueSurveyCodes codes;
    @Autowired
    CloseSurvey closing;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    SurveyResults results;
    @Autowired
    ApplicationEvents events;

    @Test
    void closingPublishesTheHangzhouResultAsTheOwnerPartsCountsOverAllOwners() {
        SurveyFixture fixture = new SurveyFixture(jdbc, open, codes, directory);
        Made m = fixture.survey("hangzhou-overall", "PROFESSIONAL", 10);
        String[] answers = {"S", "S", "B", "U"};
        for (int i = 0; i < answers.length; i++) {
            IssuedCode c = m.code(i);
            assertThat(new OwnerClient(port).submit(m.linkKey(), c.building(), c.room(), c.code(),
                    Map.of("overall", answers[i])).body()).contains("提交成功");
        }
        OwnerClient lateOwner = new OwnerClient(port);
        lateOwner.open(m.linkKey());
        closing.close(fixture.streetOfficer(), m.surveyId());

        SurveyClosed closed = events.stream(SurveyClosed.class).filter(e -> e.survey().value() == m.surveyId())
                .findFirst().orElseThrow();
        assertThat(closed.scheme()).isEqualTo("hangzhou-reeval-2018");
        EstateSatisfaction r = closed.estates().get(0);
        assertThat(r.estateId()).isEqualTo(m.estateId());
        assertThat(r.households()).isEqualTo(10);
        assertThat(r.respondents()).isEqualTo(4);
        // (2 满意 + 1 基本满意) ÷ 10 owners = 30 %, not ÷ 4 respondents
        assertThat(r.satisfaction()).isEqualByComparingTo("30.00");
        assertThat(r.fact()).get().satisfies(f -> {
            assertThat(f.satisfied()).isEqualTo(2);
            assertThat(f.basicallySatisfied()).isEqualTo(1);
            assertThat(f.owners()).isEqualTo(10);
        });
        assertThat(results.result(new SurveyId(m.surveyId()), m.estateId())).contains(r);

        IssuedCode late = m.code(5);
        assertThat(lateOwner.post(m.linkKey(), late.building(), late.room(), late.code(), Map.of("overall", "S"))
                .body()).contains("调查已结束");
        assertThat(fixture.responses(m.surveyId())).isEqualTo(4);
        assertThat(Assertions.catchThrowable(() -> closing.close(fixture.streetOfficer(), m.surveyId())))
                .isInstanceOf(ConflictException.class);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE entity_type = 'survey' AND entity_id = :id AND action = 'CLOSE'")
                .param("id", String.valueOf(m.surveyId())).query(Integer.class).single()).isEqualTo(1);
    }
}
