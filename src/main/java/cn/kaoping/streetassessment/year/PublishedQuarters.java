package cn.kaoping.streetassessment.year;

import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Optional;

/**
 * Published quarters as anyone may read them (issue 15: 在区政府网站进行公示): the latest revision of every
 * published quarter, and one quarter's ranking with each street's explained score. Published rows never change.
 */
@Service
public class PublishedQuarters {

    private final AssessmentStore store;
    private final JsonMapper json;

    PublishedQuarters(AssessmentStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    /** One street's published line. */
    public record Line(long streetId, String streetName, java.math.BigDecimal total, int place,
                       PublishQuarter.Snapshot snapshot) {
    }

    /** A published quarter with its year, its lines by place, and the latest revision of the same quarter. */
    public record Published(AssessmentStore.Quarter quarter, AssessmentStore.Year year, List<Line> lines,
                            AssessmentStore.Quarter latest) {

        public boolean superseded() {
            return latest.id() != quarter.id();
        }
    }

    /** A listed quarter. */
    public record Listed(AssessmentStore.Quarter quarter, AssessmentStore.Year year) {
    }

    @Transactional(readOnly = true)
    public List<Listed> latest(int limit) {
        return store.latestPublished(limit).stream()
                .map(q -> new Listed(q, store.year(q.yearId()).orElseThrow())).toList();
    }

    @Transactional(readOnly = true)
    public Published get(long quarterId) {
        AssessmentStore.Quarter q = store.quarter(quarterId)
                .orElseThrow(() -> new NotFoundException("公示结果不存在"));
        AssessmentStore.Year y = store.year(q.yearId()).orElseThrow();
        List<Line> lines = store.results(quarterId).stream()
                .map(r -> new Line(r.streetId(), r.streetName(), r.total(), r.place(),
                        json.readValue(r.evaluation(), PublishQuarter.Snapshot.class))).toList();
        AssessmentStore.Quarter latest = store.quarters(y.id()).stream().filter(x -> x.quarter() == q.quarter())
                .reduce((a, b) -> b).orElse(q);
        return new Published(q, y, lines, latest);
    }

    /** A published quarter of a year the principal sees (for the staff's export). */
    @Transactional(readOnly = true)
    public Optional<Published> of(KaopingPrincipal p, long quarterId) {
        Published pub = get(quarterId);
        return AssessmentAccess.seesYear(p, pub.year()) ? Optional.of(pub) : Optional.empty();
    }
}
