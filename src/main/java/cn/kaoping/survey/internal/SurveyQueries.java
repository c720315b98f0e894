package cn.kaoping.survey.internal;

import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.survey.internal.SurveyStore.EstateInfo;
import cn.kaoping.survey.internal.SurveyStore.SurveyRecord;
import cn.kaoping.survey.internal.Views.SurveyRow;
import cn.kaoping.survey.internal.Views.SurveyView;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The surveys an official sees: the list, one survey, its questionnaire. A survey outside the caller's scope, or an
 * estate of it outside the scope, answers 404 like a missing one (see {@link SurveyAccess}).
 */
@Service
public class SurveyQueries {

    private final JdbcClient jdbc;
    private final SurveyStore store;
    private final Questionnaires questionnaires;
    private final Clock clock;

    SurveyQueries(JdbcClient jdbc, SurveyStore store, Questionnaires questionnaires, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.questionnaires = questionnaires;
        this.clock = clock;
    }

    /** The questionnaires a survey can be opened with. */
    public List<Questionnaire> questionnaires() {
        return questionnaires.all();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The surveys with at least one estate in the caller's scope, counting only those estates; newest first. */
    @Transactional(readOnly = true)
    public List<SurveyRow> list(KaopingPrincipal p) {
        LocalDate today = today();
        return jdbc.sql("""
                SELECT s.id, s.title, s.questionnaire, s.status, s.starts_on, s.ends_on,
                       count(*) AS estates,
                       sum(se.household_count) AS households,
                       (SELECT count(*) FROM survey_response r JOIN survey_estate x
                               ON x.survey_id = r.survey_id AND x.estate_id = r.estate_id
                         WHERE r.survey_id = s.id AND x.region_path LIKE :scope) AS respondents
                FROM survey s JOIN survey_estate se ON se.survey_id = s.id
                WHERE se.region_path LIKE :scope
                GROUP BY s.id ORDER BY s.starts_on DESC, s.id DESC""")
                .param("scope", SurveyAccess.scope(p))
                .query((rs, i) -> new SurveyRow(rs.getLong("id"), rs.getString("title"),
                        title(rs.getString("questionnaire")),
                        Phase.of(rs.getString("status"), rs.getObject("starts_on", LocalDate.class),
                                rs.getObject("ends_on", LocalDate.class), today),
                        rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                        rs.getInt("estates"), rs.getInt("households"), rs.getInt("respondents")))
                .list();
    }

    private String title(String questionnaire) {
        try {
            return questionnaires.get(questionnaire).title();
        } catch (NotFoundException e) {
            return questionnaire;
        }
    }

    @Transactional(readOnly = true)
    public SurveyView get(KaopingPrincipal p, long id) {
        return view(p, require(p, id));
    }

    public Questionnaire questionnaireOf(KaopingPrincipal p, long id) {
        return questionnaires.get(require(p, id).questionnaire());
    }

    /** The survey if the caller sees it; 404 otherwise, as for a missing one. */
    SurveyRecord require(KaopingPrincipal p, long id) {
        return store.visible(id, SurveyAccess.scope(p))
                .orElseThrow(() -> new NotFoundException("满意度调查不存在"));
    }

    /** The estate of the survey if it lies in the caller's scope; 404 otherwise. */
    EstateInfo requireEstate(KaopingPrincipal p, long surveyId, long estateId) {
        return store.estates(surveyId, SurveyAccess.scope(p)).stream().filter(e -> e.estateId() == estateId)
                .findFirst().orElseThrow(() -> new NotFoundException("该调查不包括此小区"));
    }

    SurveyView view(KaopingPrincipal p, SurveyRecord s) {
        return new SurveyView(s.id(), s.title(), questionnaires.get(s.questionnaire()), s.roundId(), s.startsOn(),
                s.endsOn(), Phase.of(s.status(), s.startsOn(), s.endsOn(), today()), s.createdBy(), s.closedBy(),
                s.closedAt(), SurveyAccess.closes(p, s.regionPath()));
    }
}
