package cn.kaoping.survey.internal;

import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.survey.EstateSatisfaction;
import cn.kaoping.survey.internal.SurveyStore.EstateInfo;
import cn.kaoping.survey.internal.SurveyStore.SurveyRecord;
import cn.kaoping.survey.internal.Views.AreaRow;
import cn.kaoping.survey.internal.Views.BuildingRow;
import cn.kaoping.survey.internal.Views.BurstFlag;
import cn.kaoping.survey.internal.Views.ChannelCount;
import cn.kaoping.survey.internal.Views.Dashboard;
import cn.kaoping.survey.internal.Views.EstateDetail;
import cn.kaoping.survey.internal.Views.EstateRow;
import cn.kaoping.survey.internal.Views.OptionCount;
import cn.kaoping.survey.internal.Views.QuestionBreakdown;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The live dashboard of a survey (participation and satisfaction per estate, pooled per district and street, and
 * bursts of submissions from one address) and one estate's detail (per question, channel and building), both
 * limited to the estates in the caller's scope.
 */
@Service
@Transactional(readOnly = true)
public class SurveyDashboard {

    /** The dashboard's estate lines and the district and street lines pooled from them. */
    record Lines(List<EstateRow> estates, List<AreaRow> districts, List<AreaRow> streets) {
    }

    private final JdbcClient jdbc;
    private final SurveyQueries queries;
    private final SurveyStore store;
    private final Questionnaires questionnaires;
    private final SurveySettings settings;

    SurveyDashboard(JdbcClient jdbc, SurveyQueries queries, SurveyStore store, Questionnaires questionnaires,
                    SurveySettings settings) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.store = store;
        this.questionnaires = questionnaires;
        this.settings = settings;
    }

    public Dashboard dashboard(KaopingPrincipal p, long id) {
        SurveyRecord s = queries.require(p, id);
        Questionnaire q = questionnaires.get(s.questionnaire());
        String scope = SurveyAccess.scope(p);
        Map<Long, Tally> tallies = store.tallies(id, q, scope);
        Lines lines = lines(q, store.estates(id, scope), tallies);
        EstateSatisfaction total = Scoring.evaluate(q, 0, s.title(), Tally.sum(tallies.values()));
        return new Dashboard(queries.view(p, s), total, lines.districts(), lines.streets(), lines.estates(),
                bursts(id, scope));
    }

    /**
     * One line per estate, and per district and per street the formula applied to the estates' summed counts
     * beside how many of them have a valid result; an estate without responses counts as none.
     */
    static Lines lines(Questionnaire q, List<EstateInfo> estates, Map<Long, Tally> tallies) {
        List<EstateRow> rows = new ArrayList<>();
        Map<String, List<Tally>> byDistrict = new LinkedHashMap<>();
        Map<String, List<Tally>> byStreet = new LinkedHashMap<>();
        Map<String, int[]> validByArea = new LinkedHashMap<>();
        for (EstateInfo e : estates) {
            Tally t = tallies.getOrDefault(e.estateId(), Tally.empty(0));
            EstateSatisfaction result = Scoring.evaluate(q, e.estateId(), e.name(), t);
            rows.add(new EstateRow(result, e.district(), e.street(), e.linkKey()));
            String district = e.district() == null ? "" : e.district();
            String street = district + " " + (e.street() == null ? "" : e.street());
            byDistrict.computeIfAbsent(district, k -> new ArrayList<>()).add(t);
            byStreet.computeIfAbsent(street, k -> new ArrayList<>()).add(t);
            if (result.valid()) {
                validByArea.computeIfAbsent("d:" + district, k -> new int[1])[0]++;
                validByArea.computeIfAbsent("s:" + street, k -> new int[1])[0]++;
            }
        }
        List<AreaRow> districts = new ArrayList<>();
        byDistrict.forEach((name, ts) -> districts.add(new AreaRow(name, ts.size(),
                validByArea.getOrDefault("d:" + name, new int[1])[0], Scoring.evaluate(q, 0, name, Tally.sum(ts)))));
        List<AreaRow> streets = new ArrayList<>();
        byStreet.forEach((name, ts) -> streets.add(new AreaRow(name, ts.size(),
                validByArea.getOrDefault("s:" + name, new int[1])[0], Scoring.evaluate(q, 0, name, Tally.sum(ts)))));
        return new Lines(rows, districts, streets);
    }

    private List<BurstFlag> bursts(long surveyId, String scope) {
        return jdbc.sql("""
                SELECT client_hash, max(n) AS peak, count(*) AS total, min(answered_at) AS first,
                       max(answered_at) AS last
                FROM (SELECT a.client_hash, a.answered_at,
                             count(*) OVER (PARTITION BY a.client_hash ORDER BY a.answered_at
                                            RANGE BETWEEN CAST(:window AS interval) PRECEDING AND CURRENT ROW) AS n
                      FROM survey_answered a
                      JOIN survey_estate se ON se.survey_id = a.survey_id AND se.estate_id = a.estate_id
                      WHERE a.survey_id = :s AND a.client_hash IS NOT NULL AND se.region_path LIKE :scope) x
                GROUP BY client_hash HAVING max(n) >= :burst ORDER BY peak DESC LIMIT 20""")
                .param("window", settings.burstWindow().toSeconds() + " seconds").param("s", surveyId)
                .param("scope", scope).param("burst", settings.burstCount())
                .query((rs, i) -> new BurstFlag(HexFormat.of().formatHex(rs.getBytes("client_hash"), 0, 4),
                        rs.getInt("peak"), rs.getInt("total"), rs.getTimestamp("first").toInstant(),
                        rs.getTimestamp("last").toInstant()))
                .list();
    }

    public EstateDetail estate(KaopingPrincipal p, long id, long estateId) {
        SurveyRecord s = queries.require(p, id);
        Questionnaire q = questionnaires.get(s.questionnaire());
        EstateInfo e = queries.requireEstate(p, id, estateId);
        Tally t = store.tallies(id, q, e.regionPath()).getOrDefault(estateId, Tally.empty(0));
        EstateRow row = new EstateRow(Scoring.evaluate(q, estateId, e.name(), t), e.district(), e.street(),
                e.linkKey());
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT a.key AS question, a.value AS option, count(*) AS n
                FROM survey_response r, jsonb_each_text(r.answers) a
                WHERE r.survey_id = :s AND r.estate_id = :e GROUP BY 1, 2""")
                .param("s", id).param("e", estateId)
                .query(rs -> {
                    counts.computeIfAbsent(rs.getString("question"), k -> new LinkedHashMap<>())
                            .put(rs.getString("option"), rs.getInt("n"));
                });
        Map<Channel, Integer> channels = new EnumMap<>(Channel.class);
        jdbc.sql("""
                SELECT channel, count(*) AS n FROM survey_answered WHERE survey_id = :s AND estate_id = :e GROUP BY 1""")
                .param("s", id).param("e", estateId)
                .query(rs -> {
                    channels.put(Channel.valueOf(rs.getString("channel")), rs.getInt("n"));
                });
        List<ChannelCount> channelCounts = new ArrayList<>();
        for (Channel c : Channel.values()) {
            channelCounts.add(new ChannelCount(c, channels.getOrDefault(c, 0)));
        }
        List<BuildingRow> buildings = jdbc.sql("""
                SELECT h.building, count(*) AS households, count(a.household_id) AS answered,
                       count(h.code_hash) AS issued
                FROM survey_household h
                LEFT JOIN survey_answered a ON a.survey_id = h.survey_id AND a.household_id = h.household_id
                WHERE h.survey_id = :s AND h.estate_id = :e
                GROUP BY h.building ORDER BY length(h.building), h.building""")
                .param("s", id).param("e", estateId)
                .query((rs, i) -> new BuildingRow(rs.getString("building"), rs.getInt("households"),
                        rs.getInt("answered"), rs.getInt("issued")))
                .list();
        return new EstateDetail(queries.view(p, s), row, breakdown(q, counts), channelCounts, buildings,
                SurveyAccess.helps(p));
    }

    /**
     * Per question of the form, how many responses chose each option and their share of the question's answers in
     * percent, to one decimal; {@code counts} holds the stored answers by question and option.
     */
    static List<QuestionBreakdown> breakdown(Questionnaire q, Map<String, Map<String, Integer>> counts) {
        List<QuestionBreakdown> questions = new ArrayList<>();
        for (Questionnaire.Question question : q.questions()) {
            Map<String, Integer> c = counts.getOrDefault(question.code(), Map.of());
            int all = c.values().stream().mapToInt(Integer::intValue).sum();
            List<OptionCount> options = new ArrayList<>();
            for (Questionnaire.Choice o : q.options()) {
                int n = c.getOrDefault(o.code(), 0);
                options.add(new OptionCount(o.code(), o.label(), n, all == 0 ? BigDecimal.ZERO
                        : BigDecimal.valueOf(n * 100L).divide(BigDecimal.valueOf(all), 1, RoundingMode.HALF_UP)));
            }
            questions.add(new QuestionBreakdown(question.code(), question.title(), options));
        }
        return questions;
    }
}
