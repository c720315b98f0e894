package cn.kaoping.inspection.internal;

import cn.kaoping.account.AccountDirectory;
import cn.kaoping.audit.AuditLog;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.ValidationException;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who inspects an estate: a street officer takes the task or assigns it to a colleague of the same street. */
@Service
public class AssignInspection {

    private final InspectionScope scope;
    private final Inspections inspections;
    private final AuditLog audit;
    private final AccountDirectory accounts;

    AssignInspection(InspectionScope scope, Inspections inspections, AuditLog audit, AccountDirectory accounts) {
        this.scope = scope;
        this.inspections = inspections;
        this.audit = audit;
        this.accounts = accounts;
    }

    /** Assigns the task to the signed-in officer of the street. */
    @Transactional
    public long assignToMe(KaopingPrincipal p, long id) {
        return assign(p, id, p.username());
    }

    /**
     * A street officer of the task's street assigns it to an officer of the same street (or takes it back with an
     * empty assignee). Returns the task's round. 404 for a task outside the caller's scope, 403 for one he sees but
     * does not inspect, 400 for an assignee who is not an officer of the street.
     */
    @Transactional
    public long assign(KaopingPrincipal p, long id, String assignee) {
        InspectionScope.Editing e = scope.edit(p, id);
        String who = assignee == null || assignee.isBlank() ? null : assignee.strip();
        if (who != null && officersOf(e.inspection()).stream().noneMatch(o -> o.username().equals(who))) {
            throw new ValidationException("assignee", "只能指派给本街道办事处的检查人员");
        }
        String before = e.inspection().assignee();
        inspections.assign(id, who);
        audit.record("ASSIGN", "inspection", id, (who == null ? "取消指派检查任务：" + e.inspection().estateName()
                        : "指派检查任务：" + e.inspection().estateName() + " → " + who),
                before == null ? null : Map.of("assignee", before), who == null ? null : Map.of("assignee", who));
        return e.inspection().roundId();
    }

    /** The officers a task may be assigned to: the street officers of its street; 404 outside scope. */
    @Transactional(readOnly = true)
    public List<AccountDirectory.Officer> officers(KaopingPrincipal p, long id) {
        return officersOf(scope.visible(p, id));
    }

    /** The street officers of the principal's own street (empty for everyone else), for assignment selects. */
    @Transactional(readOnly = true)
    public List<AccountDirectory.Officer> colleagues(KaopingPrincipal p) {
        return p.role() == cn.kaoping.shared.Role.STREET_OFFICER && p.regionId() != null
                ? accounts.officersOf(p.regionId()) : List.of();
    }

    private List<AccountDirectory.Officer> officersOf(Inspection inspection) {
        return accounts.officersOf(inspection.streetId());
    }
}
