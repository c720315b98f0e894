package cn.kaoping.streetassessment.year;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.platform.storage.FileStore;
import cn.kaoping.platform.storage.StoredFile;
import cn.kaoping.scheme.engine.Bonus;
import cn.kaoping.scheme.engine.Condition;
import cn.kaoping.scheme.engine.Item;
import cn.kaoping.scheme.engine.PerOccurrence;
import cn.kaoping.scheme.engine.Rule;
import cn.kaoping.scheme.engine.Scheme;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.ValidationException;
import cn.kaoping.shared.ValidationException.FieldProblem;
import cn.kaoping.streetassessment.rules.FactSources;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A department records what it found against a street (issue 15): an event on a per-occurrence rule (3.a 未指导交接
 * 一起, 4.c 安全隐患未上报 一次), a condition that holds (4.b), or a bonus (13.a), with evidence. Each record names the
 * rule line it feeds; a department records only on its own rows, and never on a rule filled from data.
 */
@Service
public class RecordEvent {

    private final AssessmentStore store;
    private final Years years;
    private final StreetScores scores;
    private final FileStore files;
    private final AuditLog audit;
    private final Clock clock;

    RecordEvent(AssessmentStore store, Years years, StreetScores scores, FileStore files, AuditLog audit,
                Clock clock) {
        this.store = store;
        this.years = years;
        this.scores = scores;
        this.files = files;
        this.audit = audit;
        this.clock = clock;
    }

    /** A rule a department may record on, with its row. */
    public record Recordable(Item item, Rule rule) {
    }

    /** What the form asks. */
    public record Form(Long streetId, String ruleCode, Integer count, LocalDate occurredOn, String note,
                       SubmitNode.Upload evidence) {
    }

    /** The rules the principal may record events on in this year. */
    @Transactional(readOnly = true)
    public List<Recordable> recordable(KaopingPrincipal p, AssessmentStore.Year y) {
        Scheme scheme = scores.scheme(y);
        var computed = FactSources.of(scheme).computed();
        Map<String, String> reviewers = store.reviewers(y.id());
        List<Recordable> out = new ArrayList<>();
        for (Item item : scheme.items()) {
            if (!AssessmentAccess.reviews(p, y, item.assessor(), reviewers)) {
                continue;
            }
            for (Rule r : item.rules()) {
                if ((r instanceof PerOccurrence || r instanceof Condition || r instanceof Bonus)
                        && !computed.contains(r.code())) {
                    out.add(new Recordable(item, r));
                }
            }
        }
        return out;
    }

    @Transactional
    public long record(KaopingPrincipal p, long yearId, Form form) {
        AssessmentStore.Year y = years.year(p, yearId);
        List<Recordable> allowed = recordable(p, y);
        if (allowed.isEmpty()) {
            throw new ForbiddenException("只有考核单位可以记录考核事项");
        }
        List<FieldProblem> problems = new ArrayList<>();
        Recordable target = allowed.stream().filter(r -> r.rule().code().equals(form.ruleCode())).findFirst()
                .orElse(null);
        if (target == null) {
            problems.add(new FieldProblem("ruleCode", "请选择本单位负责的考核细则"));
        }
        AssessmentStore.Street street = form.streetId() == null ? null : store.streets(y.id()).stream()
                .filter(s -> s.streetId() == form.streetId()).findFirst().orElse(null);
        if (street == null) {
            problems.add(new FieldProblem("streetId", "请选择街道办事处"));
        }
        int count = form.count() == null ? 1 : form.count();
        if (count < 1 || count > 1000 || (target != null && target.rule() instanceof Condition && count != 1)) {
            problems.add(new FieldProblem("count", "次数须为 1–1000（扣分条件只记 1 次）"));
        }
        if (form.occurredOn() == null || form.occurredOn().getYear() != y.year()
                || form.occurredOn().isAfter(years.today())) {
            problems.add(new FieldProblem("occurredOn", "发现日期须在考核年度内且不晚于今天"));
        }
        if (form.note() == null || form.note().isBlank() || form.note().length() > 2000) {
            problems.add(new FieldProblem("note", "请写明发现的情况（最多 2000 字）"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        StoredFile evidence = form.evidence() == null || form.evidence().content() == null
                || form.evidence().content().length == 0 ? null
                : files.store(form.evidence().content(), form.evidence().name(), p.username(), SubmitNode.MATERIAL);
        long id = store.insertEvent(y.id(), street.streetId(), target.rule().code(), count, form.occurredOn(),
                form.note().strip(), evidence == null ? null : evidence.id(), target.item().assessor(),
                p.username(), OffsetDateTime.now(clock));
        audit.recordAs(p.username(), "RECORD", "street_assessment_event", id, street.name() + " "
                + target.rule().code() + " " + target.rule().label() + " × " + count, null,
                Map.of("year", y.id(), "street", street.streetId()));
        return id;
    }
}
