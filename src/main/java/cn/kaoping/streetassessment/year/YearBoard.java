package cn.kaoping.streetassessment.year;

import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The year at a glance for whoever may see it (issue 15): each visible street's live score and place, the on-time
 * reporting rate per street and per department (DHIS2's REPORTING_RATE_ON_TIME: nodes met by their date ÷ nodes
 * due), nodes due in the next 30 days, reviews outstanding per department, open objections, published quarters.
 */
@Service
public class YearBoard {

    private final AssessmentStore store;
    private final Years years;
    private final StreetScores scores;

    YearBoard(AssessmentStore store, Years years, StreetScores scores) {
        this.store = store;
        this.years = years;
        this.scores = scores;
    }

    /** Nodes due so far and how they were met. */
    public record Rate(String name, int due, int onTime, int late, int missing, int awaiting) {

        /** On time ÷ due as a percentage with one decimal, or null before any node is due. */
        public BigDecimal onTimePercent() {
            return due == 0 ? null : BigDecimal.valueOf(onTime * 100L).divide(BigDecimal.valueOf(due), 1,
                    RoundingMode.HALF_UP);
        }
    }

    public record Board(AssessmentStore.Year year, LocalDate today, List<StreetScores.StreetScore> scores,
                        Map<Long, Integer> places, List<Rate> byStreet, List<Rate> byDepartment,
                        List<Node> dueSoon, List<Node> toReview,
                        List<AssessmentStore.Objection> openObjections, List<AssessmentStore.Quarter> quarters,
                        Map<String, String> reviewers) {
    }

    @Transactional(readOnly = true)
    public Board board(KaopingPrincipal p, long yearId) {
        AssessmentStore.Year y = years.year(p, yearId);
        LocalDate today = years.today();
        List<StreetScores.StreetScore> all = scores.live(y, today);
        StreetScores.Ranked ranked = StreetScores.ranked(p, y, all);
        List<StreetScores.StreetScore> visible = ranked.visible();
        Map<Long, Integer> places = ranked.places();
        List<Long> visibleIds = visible.stream().map(s -> s.street().streetId()).toList();
        List<Node> nodes = store.nodes(y.id(), null).stream()
                .filter(n -> visibleIds.contains(n.streetId())).toList();
        Map<Long, List<AssessmentStore.Submission>> subs = store.submissions(
                        nodes.stream().map(Node::id).toList()).stream()
                .collect(Collectors.groupingBy(AssessmentStore.Submission::nodeId));
        Map<String, String> reviewers = store.reviewers(y.id());
        List<Node> toReview = nodes.stream().filter(n -> n.status() == NodeStatus.SUBMITTED)
                .filter(n -> p.role() != Role.STREET_OFFICER)
                .filter(n -> p.role() == Role.CITY_ADMIN || AssessmentAccess.runsYear(p, y)
                        || AssessmentAccess.reviews(p, y, n.department(), reviewers)).toList();
        List<Node> dueSoon = nodes.stream()
                .filter(n -> !n.due().isBefore(today) && !n.due().isAfter(today.plusDays(30)))
                .filter(n -> n.status() != NodeStatus.ACCEPTED).toList();
        List<AssessmentStore.Objection> open = store.objections(y.id(), null).stream()
                .filter(AssessmentStore.Objection::open).filter(o -> visibleIds.contains(o.streetId())).toList();
        return new Board(y, today, visible, places,
                rates(nodes, subs, today, n -> n.streetName()),
                rates(nodes, subs, today, Node::reviewingDepartment), dueSoon, toReview, open, store.quarters(y.id()),
                reviewers);
    }

    private static List<Rate> rates(List<Node> nodes, Map<Long, List<AssessmentStore.Submission>> subs,
                                    LocalDate today, java.util.function.Function<Node, String> key) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Node n : nodes) {
            int[] c = counts.computeIfAbsent(key.apply(n), k -> new int[5]);
            if (!n.due().isBefore(today)) {
                continue;
            }
            c[0]++;
            Optional<LocalDate> met = StreetScores.metAt(subs.getOrDefault(n.id(), List.of()), today);
            if (met.isEmpty()) {
                c[3]++;
            } else if (met.get().isAfter(n.due())) {
                c[2]++;
            } else {
                c[1]++;
            }
            if (n.status() == NodeStatus.SUBMITTED) {
                c[4]++;
            }
        }
        List<Rate> out = new ArrayList<>();
        counts.forEach((name, c) -> out.add(new Rate(name, c[0], c[1], c[2], c[3], c[4])));
        return out;
    }

    /** One street's nodes with their submissions, events and objections, for its page. */
    public record StreetPage(AssessmentStore.Year year, AssessmentStore.Street street, StreetScores.StreetScore score,
                             Integer place, List<Node> nodes,
                             Map<Long, List<AssessmentStore.Submission>> submissions,
                             List<AssessmentStore.Event> events, List<AssessmentStore.Objection> objections,
                             LocalDate today) {

        public Optional<AssessmentStore.Objection> objectionOfNode(long nodeId) {
            return objections.stream().filter(o -> o.nodeId() != null && o.nodeId() == nodeId).findFirst();
        }

        public Optional<AssessmentStore.Objection> objectionOfEvent(long eventId) {
            return objections.stream().filter(o -> o.eventId() != null && o.eventId() == eventId).findFirst();
        }
    }

    @Transactional(readOnly = true)
    public StreetPage street(KaopingPrincipal p, long yearId, long streetId) {
        AssessmentStore.Year y = years.year(p, yearId);
        AssessmentStore.Street s = years.street(p, y, streetId);
        LocalDate today = years.today();
        List<StreetScores.StreetScore> all = scores.live(y, today);
        StreetScores.StreetScore mine = all.stream().filter(x -> x.street().streetId() == streetId).findFirst()
                .orElseThrow();
        List<Node> nodes = store.nodes(y.id(), streetId);
        Map<Long, List<AssessmentStore.Submission>> subs = store.submissions(
                        nodes.stream().map(Node::id).toList()).stream()
                .collect(Collectors.groupingBy(AssessmentStore.Submission::nodeId));
        return new StreetPage(y, s, mine, StreetScores.places(all).get(streetId), nodes, subs,
                store.events(y.id(), streetId), store.objections(y.id(), streetId), today);
    }
}
