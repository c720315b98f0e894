package cn.kaoping.survey.internal;

import cn.kaoping.platform.workbench.WorkItem;
import cn.kaoping.platform.workbench.WorkItemProvider;
import cn.kaoping.shared.KaopingPrincipal;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The survey module's work on the first screen: an open survey in the user's region in which some of his estates are
 * still below the questionnaire's participation threshold (30 % Shenyang, 10 % Erqi), due by the survey's last day.
 * For the staff who collect answers: street offices, residents' committees and district administrators.
 */
@Component
class SurveyWorkItems implements WorkItemProvider {

    private record Estate(long survey, String title, String questionnaire, LocalDate endsOn, long households,
                          long answered) {
    }

    private final JdbcClient jdbc;
    private final Questionnaires questionnaires;

    SurveyWorkItems(JdbcClient jdbc, Questionnaires questionnaires) {
        this.jdbc = jdbc;
        this.questionnaires = questionnaires;
    }

    @Override
    public List<WorkItem> itemsFor(KaopingPrincipal p, LocalDate today) {
        if (!SurveyAccess.collects(p)) {
            return List.of();
        }
        List<Estate> estates = jdbc.sql("""
                SELECT s.id, s.title, s.questionnaire, s.ends_on,
                       (SELECT count(*) FROM survey_household h WHERE h.survey_id = s.id AND h.estate_id = e.estate_id)
                           AS households,
                       (SELECT count(*) FROM survey_answered a WHERE a.survey_id = s.id AND a.estate_id = e.estate_id)
                           AS answered
                FROM survey s JOIN survey_estate e ON e.survey_id = s.id
                WHERE s.status = 'OPEN' AND e.region_path LIKE :path
                ORDER BY s.ends_on, s.id LIMIT 5000""")
                .param("path", p.regionPath() + "%")
                .query((rs, n) -> new Estate(rs.getLong("id"), rs.getString("title"), rs.getString("questionnaire"),
                        rs.getObject("ends_on", LocalDate.class), rs.getLong("households"), rs.getLong("answered")))
                .list();
        List<WorkItem> items = new ArrayList<>();
        long current = -1;
        int below = 0;
        Estate last = null;
        for (Estate e : estates) {
            if (e.survey() != current) {
                add(items, last, below);
                current = e.survey();
                below = 0;
            }
            last = e;
            BigDecimal min = threshold(e.questionnaire());
            // answered ÷ households < min, compared exactly as the survey's own Scoring does
            if (min != null && e.households() > 0
                    && BigDecimal.valueOf(e.answered()).compareTo(min.multiply(BigDecimal.valueOf(e.households()))) < 0) {
                below++;
            }
        }
        add(items, last, below);
        return items.size() > LIMIT ? items.subList(0, LIMIT) : items;
    }

    private static void add(List<WorkItem> items, Estate last, int below) {
        if (last != null && below > 0) {
            items.add(new WorkItem("survey:" + last.survey(), "survey",
                    below + " 个小区参与率未达标", last.title(), last.endsOn(), "/surveys/" + last.survey()));
        }
    }

    private BigDecimal threshold(String questionnaire) {
        try {
            return questionnaires.get(questionnaire).minParticipation();
        } catch (RuntimeException unknown) {
            return null;
        }
    }
}
