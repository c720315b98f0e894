package cn.kaoping.inspection.internal;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.scheme.engine.Fact;
import cn.kaoping.scheme.engine.Scheme;
import cn.kaoping.scheme.engine.Tiered;
import cn.kaoping.survey.EstateSatisfaction;
import cn.kaoping.survey.SurveyClosed;
import cn.kaoping.survey.SurveyResults;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carries an estate's closed owner survey into its inspection as the satisfaction fact of the round's scheme (Erqi
 * row 20: the rate with its sample; under the 10 % sample the engine scores the row 0 with SAMPLE_INSUFFICIENT).
 * When the survey closes after the inspection was submitted, the inspection is scored again (visible in review,
 * audited); once the round is published only a revision changes it. Schemes whose satisfaction stands beside the
 * score (Shenyang) take nothing here.
 */
@Component
class SurveyFacts {

    private static final Log log = LogFactory.getLog(SurveyFacts.class);
    private static final String SOURCE = "survey:";

    private final SurveyResults surveys;
    private final Rounds rounds;
    private final Inspections inspections;
    private final Rescore rescore;
    private final Scoring scoring;
    private final AuditLog audit;
    private final Clock clock;

    SurveyFacts(SurveyResults surveys, Rounds rounds, Inspections inspections, Rescore rescore,
                Scoring scoring, AuditLog audit, Clock clock) {
        this.surveys = surveys;
        this.rounds = rounds;
        this.inspections = inspections;
        this.rescore = rescore;
        this.scoring = scoring;
        this.audit = audit;
        this.clock = clock;
    }

    /** How the form names where a finding came from. */
    static String describe(String source) {
        return source != null && source.startsWith(SOURCE) ? "满意度调查（编号 " + source.substring(SOURCE.length()) + "）"
                : "系统";
    }

    @ApplicationModuleListener
    void on(SurveyClosed closed) {
        List<Round> targets = closed.roundId() != null
                ? rounds.find(closed.roundId()).stream().toList()
                : rounds.ofSchemeOn(closed.scheme(), closed.endsOn());
        for (Round round : targets) {
            apply(round, closed);
        }
    }

    /** Takes every closed survey of the round's period that is already closed (a round opened after its survey). */
    @Transactional
    public int pull(Round round) {
        int changed = 0;
        for (SurveyClosed closed : surveys.closedFor(round.id(), round.schemeCode(), round.period().start(),
                round.period().end())) {
            changed += apply(round, closed);
        }
        return changed;
    }

    /** Applies one survey's results to the round's inspections; returns how many inspections changed. */
    @Transactional
    public int apply(Round round, SurveyClosed closed) {
        if (!round.schemeCode().equals(closed.scheme())) {
            return 0;
        }
        if (round.status() == RoundStatus.PUBLISHED) {
            log.info("Survey " + closed.survey().value() + " closed after round " + round.id()
                    + " was published: results unchanged (a revision may correct them)");
            return 0;
        }
        Scheme scheme = scoring.scheme(round);
        int changed = 0;
        for (EstateSatisfaction result : closed.estates()) {
            Fact fact = result.fact().orElse(null);
            if (fact == null || fact.value() == null
                    || !(Scoring.rule(scheme, fact.rule()).orElse(null) instanceof Tiered)) {
                continue;
            }
            Inspection inspection = inspections.ofRoundAndEstate(round.id(), result.estateId()).orElse(null);
            if (inspection == null) {
                continue;
            }
            Finding finding = Finding.measured(fact.rule(), fact.value(), fact.sample(), note(closed, result),
                    SOURCE + closed.survey().value());
            Finding before = inspections.findings(inspection.id()).stream()
                    .filter(f -> f.rule().equals(fact.rule()) && f.due() == null).findFirst().orElse(null);
            if (before != null && same(before, finding)) {
                continue;
            }
            inspections.saveFindings(inspection.id(), List.of(finding), "system", OffsetDateTime.now(clock));
            var ev = rescore.inspection(round, inspection.id());
            audit.recordAs("system", "SURVEY_RESULT", "inspection", inspection.id(),
                    "满意度调查《" + closed.title() + "》结果计入 " + inspection.estateName() + " 规则 " + fact.rule()
                            + "，得分 " + ev.total(),
                    before, Map.of("finding", finding, "total", ev.total(), "status", inspection.status()));
            changed++;
        }
        return changed;
    }

    private static boolean same(Finding a, Finding b) {
        return Objects.equals(a.source(), b.source()) && equal(a.value(), b.value()) && equal(a.sample(), b.sample());
    }

    private static boolean equal(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String note(SurveyClosed closed, EstateSatisfaction r) {
        return "满意度调查《" + closed.title() + "》（" + closed.startsOn() + " 至 " + closed.endsOn() + "）：有效问卷 "
                + r.respondents() + " 份 / " + r.households() + " 户，样本 " + r.participationPercent() + "%，满意度 "
                + (r.satisfaction() == null ? "—" : r.satisfaction() + "%");
    }
}
