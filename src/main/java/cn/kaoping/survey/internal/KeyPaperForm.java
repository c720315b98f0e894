package cn.kaoping.survey.internal;

import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.ValidationException;
import cn.kaoping.survey.internal.SurveyForms.PaperForm;
import cn.kaoping.survey.internal.SurveyStore.SurveyRecord;
import org.springframework.stereotype.Service;

/**
 * Staff key in a paper form (collected in the box, on a visit or at a meeting) through the owner's own intake, so
 * the same rules hold: one response per household, the code from its slip required.
 */
@Service
public class KeyPaperForm {

    private final SurveyQueries queries;
    private final Questionnaires questionnaires;
    private final Intake intake;

    KeyPaperForm(SurveyQueries queries, Questionnaires questionnaires, Intake intake) {
        this.queries = queries;
        this.questionnaires = questionnaires;
        this.intake = intake;
    }

    /** Keys in a paper form; the same rules as the owner's page (one response per household, code required). */
    public Intake.Outcome keyPaperForm(KaopingPrincipal p, long id, long estateId, PaperForm form) {
        SurveyRecord s = queries.require(p, id);
        SurveyAccess.require(SurveyAccess.helps(p), "您的角色不能录入纸质问卷");
        queries.requireEstate(p, id, estateId);
        Questionnaire q = questionnaires.get(s.questionnaire());
        if (form.channel() == null || !form.channel().keyed()) {
            throw new ValidationException("channel", "请选择纸质问卷的收集渠道");
        }
        if (s.closed()) {
            return Intake.Outcome.of(Intake.Status.CLOSED);
        }
        return intake.accept(new Intake.Target(id, estateId, s.salt(), q), form.code(), form.building(), form.unit(),
                form.room(), form.answers(), form.channel(), null, p.username());
    }
}
