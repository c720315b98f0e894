package cn.kaoping.casework.complaints;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.casework.ComplaintsSubstantiated;
import cn.kaoping.casework.complaints.Complaint.Callback;
import cn.kaoping.casework.complaints.Complaint.Verdict;
import cn.kaoping.organisation.EstatePlacement;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.ValidationException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The street office's steps on a work order (issue 14): sign for it, assign it to the company or a department, push
 * it back with a reason, close it with what it found and the callback. The assignee's answer is
 * {@link AnswerComplaint}. Each step is one transition of {@link Complaint}, kept as a step of the order and an audit
 * line. A close that brings the company's substantiated complaints of the year to the limit
 * ({@code kaoping.casework.substantiated-complaints-per-year}, 3) publishes {@link ComplaintsSubstantiated}.
 */
@Service
public class HandleComplaint {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final ComplaintStore store;
    private final AuditLog audit;
    private final OrganisationDirectory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int substantiatedLimit;

    HandleComplaint(ComplaintStore store, AuditLog audit, OrganisationDirectory directory,
                    ApplicationEventPublisher events, Clock clock,
                    @Value("${kaoping.casework.substantiated-complaints-per-year:3}") int substantiatedLimit) {
        this.store = store;
        this.audit = audit;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
        this.substantiatedLimit = Math.max(1, substantiatedLimit);
    }

    @Transactional
    public void sign(KaopingPrincipal p, long id) {
        step(p, id, "SIGN", null, (c, at) -> c.sign(at));
    }

    @Transactional
    public void assign(KaopingPrincipal p, long id, Long companyId, String department) {
        ComplaintStore.Row r = store.find(id).orElseThrow(() -> new NotFoundException("工单不存在"));
        ComplaintAccess.requireHandles(p, r);
        if (companyId != null && !companyId.equals(r.companyId())) {
            throw new ValidationException("companyId", "只能派给为该小区提供服务的物业服务企业");
        }
        step(p, id, "ASSIGN", companyId != null ? "派给物业服务企业" : "派给 " + department,
                (c, at) -> c.assign(companyId, department, at));
    }

    @Transactional
    public void pushBack(KaopingPrincipal p, long id, String reason) {
        step(p, id, "RETURN", reason, (c, at) -> c.pushBack(reason, at));
    }

    /** Closes an answered order with the verdict (SUBSTANTIATED, PARTLY, UNFOUNDED) and the callback. */
    @Transactional
    public void close(KaopingPrincipal p, long id, String verdict, String callback) {
        Callback heard = choice(Callback.class, callback);
        Verdict found = choice(Verdict.class, verdict);
        ComplaintStore.Row r = step(p, id, "CLOSE", found == null || heard == null ? null
                : "核实情况：" + found.label() + "；回访：" + heard.label(), (c, at) -> c.close(heard, found, at));
        Long company = r.complaint().assigneeCompanyId();
        if (found.substantiated() && company != null) {
            LocalDate closedOn = r.complaint().closedAt().atZoneSameInstant(CHINA).toLocalDate();
            int count = store.substantiated(company, closedOn.getYear());
            if (count >= substantiatedLimit) {
                Long district = directory.placements(List.of(r.complaint().estateId())).stream().findFirst()
                        .map(EstatePlacement::districtId).orElse(null);
                events.publishEvent(new ComplaintsSubstantiated(company, closedOn.getYear(), count, substantiatedLimit,
                        district, closedOn));
            }
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String name) {
        try {
            return name == null ? null : Enum.valueOf(type, name.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private ComplaintStore.Row step(KaopingPrincipal p, long id, String action, String note,
                                    BiConsumer<Complaint, OffsetDateTime> how) {
        ComplaintStore.Row r = store.lock(id).orElseThrow(() -> new NotFoundException("工单不存在"));
        ComplaintAccess.requireHandles(p, r);
        OffsetDateTime now = OffsetDateTime.now(clock);
        how.accept(r.complaint(), now);
        store.save(r.complaint());
        store.step(id, now, p.username(), action, note);
        audit.record(action, "complaint", id, "工单 " + id + "：" + r.complaint().status().label(), null,
                Map.of("status", r.complaint().status().name()));
        return r;
    }
}
