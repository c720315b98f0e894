package cn.kaoping.casework.randomcheck;

import cn.kaoping.rectification.ReportedProblems;
import cn.kaoping.rectification.ReportedProblems.NoticeRef;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A failed 双随机 inspection of an estate raises a rectification notice (issue 14: findings can raise a rectification
 * notice; seed 003 二、(一)7): the district lists the findings, with the inspection's photo, on the estate's draft
 * notice, once per inspection. Companies drawn as objects have no estate to send a notice about.
 */
@Service
public class RandomCheckToNotice {

    private final RunRandomCheck checks;
    private final RandomCheckStore store;
    private final ReportedProblems problems;

    RandomCheckToNotice(RunRandomCheck checks, RandomCheckStore store, ReportedProblems problems) {
        this.checks = checks;
        this.store = store;
        this.problems = problems;
    }

    @Transactional
    public NoticeRef list(KaopingPrincipal p, long id, String objectId) {
        RandomCheck c = checks.check(p, id);
        if (!problems.mayReport(p)) {
            throw new ForbiddenException("只有区房产主管部门可以下达整改通知书");
        }
        CheckResult r = store.records(id).stream().filter(x -> x.objectId().equals(objectId))
                .findFirst().orElseThrow(() -> new NotFoundException("没有该对象的检查结果"));
        if (r.passed()) {
            throw new ConflictException("检查合格的对象不下达整改通知书");
        }
        Long estate = estate(objectId);
        if (estate == null) {
            throw new ConflictException("只有小区的检查结果可以列入整改通知书");
        }
        return problems.report(p, estate, new ReportedProblems.Report("RANDOM_CHECK", reference(id, estate),
                "双随机抽查不合格（" + c.title() + "，" + r.inspectedOn() + " 检查）：" + r.findings(),
                r.photo() == null ? List.of() : List.of(r.photo())));
    }

    /** The notices the check's failed estates are listed on, by object id. */
    @Transactional(readOnly = true)
    public Map<String, NoticeRef> notices(long id, List<CheckResult> records) {
        Map<String, NoticeRef> result = new LinkedHashMap<>();
        for (CheckResult r : records) {
            Long estate = r.passed() ? null : estate(r.objectId());
            if (estate != null) {
                problems.noticeOf(reference(id, estate)).ifPresent(n -> result.put(r.objectId(), n));
            }
        }
        return result;
    }

    /** Whether the principal raises notices (the district admin who runs the check does). */
    public boolean mayList(KaopingPrincipal p) {
        return problems.mayReport(p);
    }

    private static Long estate(String objectId) {
        return objectId != null && objectId.matches("E[0-9]{1,18}") ? Long.valueOf(objectId.substring(1)) : null;
    }

    private static String reference(long checkId, long estateId) {
        return "random-check:" + checkId + ":" + estateId;
    }
}
