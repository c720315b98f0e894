package cn.kaoping.survey.internal;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.ValidationException;
import cn.kaoping.survey.internal.SurveyStore.EstateInfo;
import cn.kaoping.survey.internal.SurveyStore.SurveyRecord;
import cn.kaoping.survey.internal.Views.IssuedCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff issue one-time codes for the slips of an estate's households, and read what the slips and posters print:
 * the estate's name, its link key and its buildings.
 */
@Service
public class IssueSurveyCodes {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final SurveyQueries queries;
    private final AuditLog audit;

    IssueSurveyCodes(JdbcClient jdbc, JdbcTemplate template, SurveyQueries queries, AuditLog audit) {
        this.jdbc = jdbc;
        this.template = template;
        this.queries = queries;
        this.audit = audit;
    }

    /**
     * Issues fresh one-time codes to the households of an estate that have not answered (optionally one building,
     * or one household). Any code printed before for them stops working: the plain codes exist only in the
     * returned list, which becomes the slips.
     */
    @Transactional
    public List<IssuedCode> issueCodes(KaopingPrincipal p, long id, long estateId, String building, String unit,
                                       String room) {
        SurveyRecord s = queries.require(p, id);
        SurveyAccess.require(SurveyAccess.helps(p), "您的角色不能发放回执码");
        EstateInfo e = queries.requireEstate(p, id, estateId);
        if (s.closed()) {
            throw new ConflictException("调查已结束，不能再发放回执码");
        }
        List<Household> households = jdbc.sql("""
                SELECT h.household_id, h.estate_id, h.building, h.unit, h.room FROM survey_household h
                WHERE h.survey_id = :s AND h.estate_id = :e AND NOT EXISTS (
                    SELECT 1 FROM survey_answered a WHERE a.survey_id = h.survey_id AND a.household_id = h.household_id)
                ORDER BY length(h.building), h.building, length(h.unit), h.unit, length(h.room), h.room""")
                .param("s", id).param("e", estateId)
                .query((rs, i) -> new Household(rs.getLong("household_id"), rs.getLong("estate_id"),
                        rs.getString("building"), rs.getString("unit"), rs.getString("room")))
                .list().stream()
                .filter(h -> blank(building) || (blank(room)
                        ? Household.clean(h.building()).equals(Household.clean(building))
                        : h.isNamedBy(building, unit, room)))
                .toList();
        if (households.isEmpty()) {
            throw new ValidationException("building", "没有需要发放回执码的住户（不存在或均已提交）");
        }
        List<IssuedCode> issued = new ArrayList<>(households.size());
        List<Object[]> updates = new ArrayList<>(households.size());
        for (Household h : households) {
            String code = Codes.generate();
            issued.add(new IssuedCode(h.building(), h.unit(), h.room(), Codes.grouped(code)));
            updates.add(new Object[] {Codes.hash(s.salt(), code), id, h.id()});
        }
        template.batchUpdate("UPDATE survey_household SET code_hash = ? WHERE survey_id = ? AND household_id = ?",
                updates);
        String what = blank(building) ? "全部未提交住户" : blank(room) ? building + "栋未提交住户"
                : households.get(0).label();
        audit.record("ISSUE_CODES", "survey", id, "为 " + e.name() + " " + what + " 发放回执码 " + issued.size()
                + " 张（此前打印的未用回执码作废）", null, Map.of("estate", e.name(), "count", issued.size()));
        return issued;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The buildings of an estate in the survey, for posters. */
    @Transactional(readOnly = true)
    public List<String> buildings(KaopingPrincipal p, long id, long estateId) {
        queries.require(p, id);
        queries.requireEstate(p, id, estateId);
        return jdbc.sql("""
                SELECT DISTINCT building, length(building) FROM survey_household WHERE survey_id = :s AND estate_id = :e
                ORDER BY length(building), building""")
                .param("s", id).param("e", estateId).query((rs, i) -> rs.getString("building")).list();
    }

    /** The key of the estate's link, printed on slips and posters. */
    @Transactional(readOnly = true)
    public String linkKey(KaopingPrincipal p, long id, long estateId) {
        queries.require(p, id);
        return queries.requireEstate(p, id, estateId).linkKey();
    }

    @Transactional(readOnly = true)
    public String estateName(KaopingPrincipal p, long id, long estateId) {
        queries.require(p, id);
        return queries.requireEstate(p, id, estateId).name();
    }
}
