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
        if (p.role() == Role.COMPANY_USER) {
            return p.companyId() == null ? List.of() : store.list(null, p.companyId(), status, LIMIT);
        }
        return p.role().isRegional() && p.role() != Role.ASSOCIATION && p.role() != Role.EXPERT
                ? store.list(p.regionPath(), null, status, LIMIT) : List.of();
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
