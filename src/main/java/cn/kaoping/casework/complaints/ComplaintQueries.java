package cn.kaoping.casework.complaints;

import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.Role;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The complaints a caller may read: the region's for offices, the assigned ones for a company, none otherwise. */
@Service
public class ComplaintQueries {

    static final int LIMIT = 500;

    private final ComplaintStore store;

    ComplaintQueries(ComplaintStore store) {
        this.store = store;
    }

    /** A complaint with its steps. */
    public record Detail(ComplaintStore.Row row, List<ComplaintStore.Step> steps, List<ComplaintStore.Photo> photos) {
    }

    @Transactional(readOnly = true)
    public List<ComplaintStore.Row> list(KaopingPrincipal p, ComplaintStatus status) {
        return list(p, ComplaintStore.Filter.of(status));
    }

    /** The newest {@value #LIMIT} complaints the caller may read that pass the filter. */
    @Transactional(readOnly = true)
    public List<ComplaintStore.Row> list(KaopingPrincipal p, ComplaintStore.Filter filter) {
        if (filter.category() != null) {
            String wanted = filter.category();
            String code = store.categories().stream()
                    .filter(c -> c.code().equals(wanted) || c.name().equals(wanted))
                    .map(ComplaintStore.Category::code).findFirst()
                    .orElseThrow(() -> new cn.kaoping.shared.ValidationException("category", "没有这个投诉类别"));
            filter = new ComplaintStore.Filter(filter.status(), code, filter.estateName(), filter.source(),
                    filter.from(), filter.to(), filter.overdueOn());
        }
        if (filter.estateName() != null && filter.estateName().length() > 100) {
            throw new cn.kaoping.shared.ValidationException("estate", "小区名称最多 100 字");
        }
        if (filter.source() != null && !List.of("HOTLINE", "OWNER", "STAFF").contains(filter.source())) {
            throw new cn.kaoping.shared.ValidationException("source", "来源应为 HOTLINE、OWNER 或 STAFF");
        }
        if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
            throw new cn.kaoping.shared.ValidationException("to", "截止日不能早于开始日");
        }
        if (p.role() == Role.COMPANY_USER) {
            return p.companyId() == null ? List.of() : store.list(null, p.companyId(), filter, LIMIT);
        }
        return p.role().isRegional() && p.role() != Role.ASSOCIATION && p.role() != Role.EXPERT
                ? store.list(p.regionPath(), null, filter, LIMIT) : List.of();
    }

    @Transactional(readOnly = true)
    public Detail get(KaopingPrincipal p, long id) {
        ComplaintStore.Row r = store.find(id).orElseThrow(() -> new NotFoundException("工单不存在"));
        ComplaintAccess.requireSees(p, r);
        return new Detail(r, store.steps(id), store.photos(id));
    }

    public List<ComplaintStore.Category> categories() {
        return store.categories();
    }
}
