package cn.kaoping.survey.internal;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.ValidationException;
import cn.kaoping.survey.internal.SurveyForms.VoidForm;
import cn.kaoping.survey.internal.SurveyStore.EstateInfo;
import cn.kaoping.survey.internal.SurveyStore.SurveyRecord;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff void a household's response, for instance when its slip was used by someone else; it may answer again. */
@Service
public class VoidResponse {

    private final JdbcClient jdbc;
    private final SurveyQueries queries;
    private final AuditLog audit;

    VoidResponse(JdbcClient jdbc, SurveyQueries queries, AuditLog audit) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.audit = audit;
    }

    /**
     * Voids the response of the household holding this code and frees the household to answer again. The code is
     * needed because nothing else links a household to its answers.
     */
    @Transactional
    public Household voidResponse(KaopingPrincipal p, long id, long estateId, VoidForm form) {
        SurveyRecord s = queries.require(p, id);
        SurveyAccess.require(SurveyAccess.helps(p), "您的角色不能作废答卷");
        EstateInfo e = queries.requireEstate(p, id, estateId);
        if (s.closed()) {
            throw new ConflictException("调查已结束，答卷不能再作废");
        }
        if (form.reason() == null || form.reason().isBlank()) {
            throw new ValidationException("reason", "请填写作废原因");
        }
        String code = Codes.normalize(form.code())
                .orElseThrow(() -> new ValidationException("code", "回执码应为 16 位字母和数字"));
        jdbc.sql("SELECT accepting FROM survey_estate WHERE survey_id = :s AND estate_id = :e FOR SHARE")
                .param("s", id).param("e", estateId).query(Boolean.class).single();
        Household h = jdbc.sql("""
                SELECT household_id, estate_id, building, unit, room FROM survey_household
                WHERE survey_id = :s AND code_hash = :hash AND estate_id = :e""")
                .param("s", id).param("hash", Codes.hash(s.salt(), code)).param("e", estateId)
                .query((rs, i) -> new Household(rs.getLong("household_id"), rs.getLong("estate_id"),
                        rs.getString("building"), rs.getString("unit"), rs.getString("room")))
                .optional().orElseThrow(() -> new ValidationException("code", "回执码与本小区的住户不符"));
        if (!h.isNamedBy(form.building(), form.unit(), form.room())) {
            throw new ValidationException("room", "楼栋、房号与回执码不符");
        }
        int responses = jdbc.sql("DELETE FROM survey_response WHERE survey_id = :s AND void_key = :k")
                .param("s", id).param("k", Codes.voidKey(s.salt(), code)).update();
        int answered = jdbc.sql("DELETE FROM survey_answered WHERE survey_id = :s AND household_id = :h")
                .param("s", id).param("h", h.id()).update();
        if (responses == 0 || answered == 0) {
            throw new ValidationException("code", "该户尚未提交问卷，无需作废");
        }
        audit.record("VOID", "survey", id, "作废 " + e.name() + " " + h.label() + " 的答卷：" + form.reason().trim(),
                null, Map.of("estate", e.name(), "household", h.label(), "reason", form.reason().trim()));
        return h;
    }
}
