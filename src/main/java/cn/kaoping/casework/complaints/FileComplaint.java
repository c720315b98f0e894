package cn.kaoping.casework.complaints;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.casework.rules.WorkingDays;
import cn.kaoping.organisation.EstateRef;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.ValidationException;
import cn.kaoping.shared.ValidationException.FieldProblem;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A complaint comes in (issue 14): keyed in by the street office from a call or a visit, or a hotline work order
 * (12345 / 8890) with its order number, stored once whatever how often it arrives. Its deadlines are set from its
 * category in working days after the day it was received (sign 1, close 5 by default).
 */
@Service
public class FileComplaint {

    private final ComplaintStore store;
    private final OrganisationDirectory directory;
    private final AuditLog audit;
    private final Clock clock;

    FileComplaint(ComplaintStore store, OrganisationDirectory directory, AuditLog audit, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the street office (or the hotline feed) says; {@code receivedAt} defaults to now. */
    public record Form(Long estateId, String category, String content, String complainant, String phone,
                       String hotlineNo, OffsetDateTime receivedAt) {
    }

    /** Files a complaint; empty when the hotline order is already stored (nothing changes). */
    @Transactional
    public Optional<Long> file(KaopingPrincipal p, Form form) {
        if (form == null || form.estateId() == null) {
            throw new ValidationException("estateId", "请选择小区");
        }
        EstateRef estate = directory.estate(form.estateId()).orElseThrow(() -> new NotFoundException("小区不存在"));
        boolean hotline = form.hotlineNo() != null && !form.hotlineNo().isBlank();
        if (!p.covers(estate.regionPath())) {
            throw new NotFoundException("小区不存在");
        }
        // the hotline's live feed (issue 14): the district's or the city's integration account pushes each order as
        // it arrives, once by its number; everyone else files as the estate's street office
        boolean feed = hotline && (p.role() == cn.kaoping.shared.Role.DISTRICT_ADMIN
                || p.role() == cn.kaoping.shared.Role.CITY_ADMIN);
        if (!ComplaintAccess.handles(p) && !feed) {
            throw new cn.kaoping.shared.ForbiddenException("投诉由小区所在街道办事处登记；热线工单也可由区、市的热线对接账号推送");
        }
        return file(estate, form, hotline ? "HOTLINE" : "STAFF", p.username());
    }

    Optional<Long> file(EstateRef estate, Form form, String source, String by) {
        return file(estate, form, source, by, store.categories(), new WorkingDays(store.calendar()), true);
    }

    /** Files one complaint with the categories and calendar already read (an import reads them once). */
    Optional<Long> file(EstateRef estate, Form form, String source, String by, List<ComplaintStore.Category> categories,
                        WorkingDays days, boolean audited) {
        ComplaintStore.Category category = categories.stream()
                .filter(c -> c.code().equals(form.category()) || c.name().equals(form.category())).findFirst()
                .orElse(null);
        List<FieldProblem> problems = new ArrayList<>();
        if (category == null) {
            problems.add(new FieldProblem("category", "请选择投诉类别（" + String.join("、",
                    categories.stream().map(ComplaintStore.Category::name).toList()) + "）"));
        }
        if (form.content() == null || form.content().isBlank() || form.content().length() > 5000) {
            problems.add(new FieldProblem("content", "请填写投诉内容（最多 5000 字）"));
        }
        if (form.complainant() != null && form.complainant().length() > 100) {
            problems.add(new FieldProblem("complainant", "投诉人最多 100 字"));
        }
        if (form.phone() != null && form.phone().length() > 50) {
            problems.add(new FieldProblem("phone", "电话最多 50 字"));
        }
        if (form.hotlineNo() != null && form.hotlineNo().length() > 64) {
            problems.add(new FieldProblem("hotlineNo", "工单编号最多 64 字"));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime received = form.receivedAt() == null ? now : form.receivedAt();
        if (received.isAfter(now.plusMinutes(5)) || received.getYear() < 2000) {
            problems.add(new FieldProblem("receivedAt", "来电时间不能晚于现在，也不能早于 2000 年"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        var day = received.atZoneSameInstant(clock.getZone()).toLocalDate();
        Optional<Long> id = store.insert(new ComplaintStore.New(estate.id(), estate.name(), estate.regionPath(),
                estate.companyId(), category.code(), source, blankToNull(form.hotlineNo()), received,
                form.content().strip(), blankToNull(form.complainant()), blankToNull(form.phone()),
                days.after(day, category.signDays()), days.after(day, category.closeDays()), by));
        id.ifPresent(c -> {
            store.step(c, now, by, "FILE", source.equals("HOTLINE") ? "热线工单 " + form.hotlineNo() : null);
            if (audited) {
                audit.record("CREATE", "complaint", c, "登记投诉：" + estate.name() + "（" + category.name() + "）", null,
                    Map.of("source", source));
            }
        });
        return id;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
