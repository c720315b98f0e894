package cn.kaoping.survey.internal;

import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.survey.internal.SurveyStore.EstateInfo;
import cn.kaoping.survey.internal.SurveyStore.SurveyRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The anonymous responses of a survey's estates in the caller's scope, for the export (see {@link SurveyExports}). */
@Service
public class SurveyExportRows {

    /** One row per response: estate, area, channel and answers — never a household, person or time. */
    public record ExportRow(String estate, String district, String street, Channel channel,
                            Map<String, String> answers, BigDecimal score) {
    }

    private final JdbcClient jdbc;
    private final SurveyQueries queries;
    private final SurveyStore store;
    private final Questionnaires questionnaires;

    SurveyExportRows(JdbcClient jdbc, SurveyQueries queries, SurveyStore store, Questionnaires questionnaires) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.store = store;
        this.questionnaires = questionnaires;
    }

    @Transactional(readOnly = true)
    public List<ExportRow> exportRows(KaopingPrincipal p, long id) {
        SurveyRecord s = queries.require(p, id);
        Questionnaire q = questionnaires.get(s.questionnaire());
        String scope = SurveyAccess.scope(p);
        Map<Long, EstateInfo> estates = new LinkedHashMap<>();
        store.estates(id, scope).forEach(e -> estates.put(e.estateId(), e));
        // ordered by estate and answers, not by arrival, so the order says nothing about who answered when
        return jdbc.sql("""
                SELECT r.estate_id, r.channel, r.answers::text AS answers, r.score FROM survey_response r
                JOIN survey_estate se ON se.survey_id = r.survey_id AND se.estate_id = r.estate_id
                WHERE r.survey_id = :s AND se.region_path LIKE :scope
                ORDER BY se.region_path, r.estate_id, r.answers::text, r.channel""")
                .param("s", id).param("scope", scope)
                .query((rs, i) -> {
                    EstateInfo e = estates.get(rs.getLong("estate_id"));
                    Map<String, String> answers = new LinkedHashMap<>();
                    Map<String, String> raw = Json.parseFlat(rs.getString("answers"));
                    for (Questionnaire.Question question : q.questions()) {
                        answers.put(question.code(), q.option(raw.get(question.code()))
                                .map(Questionnaire.Choice::label).orElse(""));
                    }
                    return new ExportRow(e == null ? "" : e.name(), e == null ? "" : nz(e.district()),
                            e == null ? "" : nz(e.street()), Channel.valueOf(rs.getString("channel")), answers,
                            rs.getBigDecimal("score").setScale(2, RoundingMode.HALF_UP));
                })
                .list();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
