package cn.kaoping.streetassessment.year;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.ValidationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Quarter end (seed 001: 每季度末进行综合考核，并将考核结果排名后在区政府网站进行公示): the score of every street as
 * of the quarter's last day, ranked with shared places, published as an immutable snapshot. Publishing a quarter
 * again is a revision and needs a reason; the earlier revisions stay.
 */
@Service
public class PublishQuarter {

    private final AssessmentStore store;
    private final Years years;
    private final StreetScores scores;
    private final JsonMapper json;
    private final AuditLog audit;
    private final Clock clock;

    PublishQuarter(AssessmentStore store, Years years, StreetScores scores, JsonMapper json, AuditLog audit,
                   Clock clock) {
        this.store = store;
        this.years = years;
        this.scores = scores;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    /** The last day of a quarter of the year. */
    public static LocalDate end(int year, int quarter) {
        return LocalDate.of(year, quarter * 3, 1).withDayOfMonth(LocalDate.of(year, quarter * 3, 1).lengthOfMonth());
    }

    /** The ranking that would be published: every street's score at the quarter's end, with its place. */
    @Transactional(readOnly = true)
    public List<StreetScores.StreetScore> preview(KaopingPrincipal p, long yearId, int quarter) {
        AssessmentStore.Year y = years.year(p, yearId);
        check(quarter);
        return scores.atEndOf(y, end(y.year(), quarter));
    }

    @Transactional
    public long publish(KaopingPrincipal p, long yearId, int quarter, String reason) {
        AssessmentStore.Year y = years.year(p, yearId);
        if (!AssessmentAccess.runsYear(p, y)) {
            throw new ForbiddenException("考核结果由考核办公室（区房产主管部门）公示");
        }
        check(quarter);
        LocalDate end = end(y.year(), quarter);
        if (!years.today().isAfter(end)) {
            throw new ConflictException("第 " + quarter + " 季度到 " + end + " 才结束，季度结束后才能公示");
        }
        store.lockYear(y.id());
        int revision = (int) store.quarters(y.id()).stream().filter(q -> q.quarter() == quarter).count() + 1;
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (revision > 1 && why == null) {
            throw new ValidationException("reason", "第 " + quarter + " 季度已经公示，修订须写明理由");
        }
        if (why != null && why.length() > 1000) {
            throw new ValidationException("reason", "理由最多 1000 字");
        }
        List<StreetScores.StreetScore> all = scores.atEndOf(y, end);
        Map<Long, Integer> places = StreetScores.places(all);
        long id = store.insertQuarter(y.id(), quarter, revision, end, why, p.username(), OffsetDateTime.now(clock));
        for (StreetScores.StreetScore s : all) {
            store.insertResult(id, new AssessmentStore.QuarterResult(s.street().streetId(), s.street().name(),
                    s.evaluation().total(), places.get(s.street().streetId()),
                    json.writeValueAsString(new Snapshot(s.evaluation(), s.notes()))));
        }
        audit.recordAs(p.username(), "PUBLISH", "street_assessment_quarter", id, "公示" + y.districtName()
                + y.year() + " 年第 " + quarter + " 季度街道考核结果" + (revision > 1 ? "（第 " + revision + " 版：" + why
                + "）" : ""), null, Map.of("streets", all.size(), "revision", revision));
        return id;
    }

    /** What a published result keeps of a street's score: the explained evaluation and the notes beside it. */
    public record Snapshot(cn.kaoping.scheme.engine.Evaluation evaluation, List<String> notes) {
    }

    private static void check(int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new ValidationException("quarter", "季度须为 1–4");
        }
    }
}
