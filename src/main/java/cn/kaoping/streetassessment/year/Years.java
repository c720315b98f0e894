package cn.kaoping.streetassessment.year;

import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

/** Finds a year, node or event the principal may see (otherwise 404, so another district learns nothing). */
@Component
public class Years {

    private final AssessmentStore store;
    private final Clock clock;

    Years(AssessmentStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(StreetScores.CHINA));
    }

    public AssessmentStore.Year year(KaopingPrincipal p, long id) {
        return store.year(id).filter(y -> AssessmentAccess.seesYear(p, y))
                .orElseThrow(() -> new NotFoundException("考核年度不存在"));
    }

    /** A street of the year the principal sees. */
    public AssessmentStore.Street street(KaopingPrincipal p, AssessmentStore.Year y, long streetId) {
        return store.streets(y.id()).stream().filter(s -> s.streetId() == streetId)
                .filter(s -> AssessmentAccess.seesStreet(p, y, s.path())).findFirst()
                .orElseThrow(() -> new NotFoundException("街道不存在"));
    }

    /** A node with its year, both visible to the principal. */
    public record NodeInYear(AssessmentStore.Year year, AssessmentStore.Street street, Node node) {
    }

    public NodeInYear node(KaopingPrincipal p, long nodeId) {
        Node n = store.node(nodeId).orElseThrow(() -> new NotFoundException("时间节点不存在"));
        AssessmentStore.Year y = store.year(n.yearId()).filter(x -> AssessmentAccess.seesYear(p, x))
                .orElseThrow(() -> new NotFoundException("时间节点不存在"));
        AssessmentStore.Street s = store.streets(y.id()).stream().filter(x -> x.streetId() == n.streetId())
                .filter(x -> AssessmentAccess.seesStreet(p, y, x.path())).findFirst()
                .orElseThrow(() -> new NotFoundException("时间节点不存在"));
        return new NodeInYear(y, s, n);
    }
}
