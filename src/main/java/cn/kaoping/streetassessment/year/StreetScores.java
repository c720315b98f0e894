package cn.kaoping.streetassessment.year;

import cn.kaoping.casework.ComplaintFigures;
import cn.kaoping.organisation.EstatePlacement;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.scheme.SchemeCatalog;
import cn.kaoping.scheme.engine.Condition;
import cn.kaoping.scheme.engine.Evaluation;
import cn.kaoping.scheme.engine.Evaluator;
import cn.kaoping.scheme.engine.Fact;
import cn.kaoping.scheme.engine.Rule;
import cn.kaoping.scheme.engine.Scheme;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.streetassessment.rules.FactSources;
import cn.kaoping.streetassessment.rules.Standings;
import cn.kaoping.streetassessment.rules.SurveyRank;
import cn.kaoping.streetassessment.rules.YearScheme;
import cn.kaoping.survey.EstateSatisfaction;
import cn.kaoping.survey.SurveyClosed;
import cn.kaoping.survey.SurveyResults;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The score of every street of a year as of a day, explained line by line (issue 15): the facts come from the
 * accepted (or awaiting) submissions per node at their server time, the departments' events, the owner survey's
 * unsatisfactory share ranked among the district's streets (seed 001 row 3.c) and the complaint counts (row 6.3);
 * a deduction withdrawn on objection is left out. Nodes not yet due are pending, never deducted.
 */
@Service
public class StreetScores {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final AssessmentStore store;
    private final SchemeCatalog schemes;
    private final SurveyResults surveys;
    private final OrganisationDirectory directory;
    private final ComplaintFigures complaints;

    StreetScores(AssessmentStore store, SchemeCatalog schemes, SurveyResults surveys, OrganisationDirectory directory,
                 ComplaintFigures complaints) {
        this.store = store;
        this.schemes = schemes;
        this.surveys = surveys;
        this.directory = directory;
        this.complaints = complaints;
    }

    /**
     * One street's score.
     *
     * @param peerRank  the street's place from the worst unsatisfactory share, or null without surveyed estates
     * @param surveyed  estates of the street with a valid survey result in the period
     * @param unqualified of them, those whose satisfaction is below the year's line
     * @param notes     what else explains the score (objections decided, data the rank came from)
     */
    public record StreetScore(AssessmentStore.Street street, Evaluation evaluation, Integer peerRank, int surveyed,
                              int unqualified, List<String> notes) {
    }

    /** The year's scheme moved into its year. */
    @Transactional(readOnly = true)
    public Scheme scheme(AssessmentStore.Year y) {
        Scheme scheme = schemes.published(y.schemeCode(), y.schemeVersion())
                .orElseThrow(() -> new NotFoundException("考核标准 " + y.schemeCode() + " 第 " + y.schemeVersion()
                        + " 版不存在"));
        return YearScheme.of(scheme, y.year());
    }

    /** The score of every street as it stands today: nodes due today are still pending. */
    @Transactional(readOnly = true)
    public List<StreetScore> live(AssessmentStore.Year y, LocalDate today) {
        return scores(y, today, today);
    }

    /** The score of every street at the end of {@code day} (a quarter's last day): nodes due that day are due. */
    @Transactional(readOnly = true)
    public List<StreetScore> atEndOf(AssessmentStore.Year y, LocalDate day) {
        return scores(y, day, day.plusDays(1));
    }

    private List<StreetScore> scores(AssessmentStore.Year y, LocalDate factsUntil, LocalDate lookFrom) {
        Scheme scheme = scheme(y);
        FactSources sources = FactSources.of(scheme);
        Map<String, Rule> rules = scheme.rules().stream().collect(Collectors.toMap(Rule::code, r -> r,
                (a, b) -> a, LinkedHashMap::new));
        LocalDate from = YearScheme.window(y.year()).from();
        LocalDate until = factsUntil.isBefore(from) ? from : factsUntil;
        List<AssessmentStore.Street> streets = store.streets(y.id());
        SurveyRank.Result survey = survey(y, streets, from, until);
        Map<Long, ComplaintFigures.Figures> complaintFigures = new HashMap<>();
        if (sources.complaintsResolved() != null || sources.complaintsPushedBack() != null) {
            complaints.byStreet(y.districtPath(), from, until)
                    .forEach(g -> complaintFigures.put(g.id(), g.figures()));
        }
        List<Node> nodes = store.nodes(y.id(), null);
        Map<Long, List<AssessmentStore.Submission>> submissions = store.submissions(
                        nodes.stream().map(Node::id).toList()).stream()
                .collect(Collectors.groupingBy(AssessmentStore.Submission::nodeId));
        List<AssessmentStore.Objection> objections = store.objections(y.id(), null);
        Set<Long> withdrawnEvents = objections.stream().filter(AssessmentStore.Objection::withdrawn)
                .map(AssessmentStore.Objection::eventId).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        Set<Long> withdrawnNodes = objections.stream().filter(AssessmentStore.Objection::withdrawn)
                .map(AssessmentStore.Objection::nodeId).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        List<AssessmentStore.Event> events = store.events(y.id(), null);

        List<StreetScore> result = new ArrayList<>();
        for (AssessmentStore.Street street : streets) {
            List<Fact> facts = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            for (Node n : nodes) {
                if (n.streetId() != street.streetId()) {
                    continue;
                }
                if (withdrawnNodes.contains(n.id())) {
                    facts.add(Fact.submitted(n.ruleCode(), n.due(), n.due()));
                    notes.add(n.ruleCode() + "（截止 " + n.due() + "）：街道异议成立，撤销扣分");
                    continue;
                }
                metAt(submissions.getOrDefault(n.id(), List.of()), until)
                        .ifPresent(day -> facts.add(Fact.submitted(n.ruleCode(), n.due(), day)));
            }
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (AssessmentStore.Event e : events) {
                if (e.streetId() != street.streetId() || e.occurredOn().isAfter(until)) {
                    continue;
                }
                if (withdrawnEvents.contains(e.id())) {
                    notes.add(e.ruleCode() + "（" + e.occurredOn() + " 记录）：街道异议成立，撤销扣分");
                    continue;
                }
                counts.merge(e.ruleCode(), e.count(), Integer::sum);
            }
            counts.forEach((rule, count) -> facts.add(rules.get(rule) instanceof Condition
                    ? Fact.holds(rule) : Fact.occurrences(rule, count)));
            ComplaintFigures.Figures cf = complaintFigures.get(street.streetId());
            if (cf != null && sources.complaintsPushedBack() != null && cf.pushedBack() > 0) {
                facts.add(Fact.occurrences(sources.complaintsPushedBack(), (int) cf.pushedBack()));
            }
            if (cf != null && sources.complaintsResolved() != null && cf.closed() > 0) {
                facts.add(Fact.occurrences(sources.complaintsResolved(), (int) cf.closed()));
            }
            Integer rank = survey.ranks().get(street.streetId());
            SurveyRank.Count counted = survey.counts().getOrDefault(street.streetId(), new SurveyRank.Count(0, 0));
            if (sources.surveyRank() != null) {
                if (rank != null) {
                    facts.add(Fact.ranked(sources.surveyRank(), rank));
                    notes.add(sources.surveyRank() + "：本街道参加业主满意度调查的小区 " + counted.surveyed() + " 个，满意度低于 "
                            + y.unqualifiedBelow().stripTrailingZeros().toPlainString() + "% 的 " + counted.unqualified()
                            + " 个，不合格率在全区 " + streets.size() + " 个街道中倒数第 " + rank + " 名");
                } else if (counted.surveyed() > 0) {
                    notes.add(sources.surveyRank() + "：本街道参加业主满意度调查的小区 " + counted.surveyed()
                            + " 个，均不低于 " + y.unqualifiedBelow().stripTrailingZeros().toPlainString()
                            + "%，不合格率为 0，不参加倒数排名");
                } else {
                    notes.add(sources.surveyRank() + "：本期没有已结束的业主满意度调查结果，不参加排名");
                }
            }
            Evaluation ev = Evaluator.evaluate(scheme, YearScheme.window(y.year()), lookFrom, facts);
            result.add(new StreetScore(street, ev, rank, counted.surveyed(), counted.unqualified(), List.copyOf(notes)));
        }
        return result;
    }

    /** The streets a principal sees, best place first (equal places in the region's order), and every street's place. */
    public record Ranked(List<StreetScore> visible, Map<Long, Integer> places) {
    }

    public static Ranked ranked(cn.kaoping.shared.KaopingPrincipal p, AssessmentStore.Year y, List<StreetScore> all) {
        Map<Long, Integer> places = places(all);
        List<StreetScore> visible = all.stream()
                .filter(s -> AssessmentAccess.seesStreet(p, y, s.street().path()))
                .sorted(java.util.Comparator.comparing((StreetScore s) -> places.get(s.street().streetId()))
                        .thenComparing(s -> s.street().path())).toList();
        return new Ranked(visible, places);
    }

    /** Places among the streets by total, ties shared. */
    public static Map<Long, Integer> places(List<StreetScore> scores) {
        Map<Long, BigDecimal> totals = new LinkedHashMap<>();
        scores.forEach(s -> totals.put(s.street().streetId(), s.evaluation().total()));
        return Standings.fromHighest(totals);
    }

    /**
     * The day a node was met: the first accepted submission's, otherwise the latest awaiting review (counted until
     * the department decides); returned ones do not count, nor anything after {@code until}.
     */
    static Optional<LocalDate> metAt(List<AssessmentStore.Submission> submissions, LocalDate until) {
        Optional<AssessmentStore.Submission> accepted = submissions.stream()
                .filter(s -> "ACCEPTED".equals(s.outcome())).findFirst();
        Optional<AssessmentStore.Submission> used = accepted.isPresent() ? accepted
                : submissions.stream().filter(AssessmentStore.Submission::awaitingReview).reduce((a, b) -> b);
        return used.map(s -> s.submittedAt().atZoneSameInstant(CHINA).toLocalDate())
                .filter(day -> !day.isAfter(until));
    }

    /** Row 3.c's input: the latest valid result of each estate of the year's streets in the period. */
    private SurveyRank.Result survey(AssessmentStore.Year y, List<AssessmentStore.Street> streets, LocalDate from,
                                     LocalDate until) {
        Map<Long, EstateSatisfaction> latest = new LinkedHashMap<>();
        for (SurveyClosed closed : surveys.closedBetween(from, until)) {
            closed.estates().stream().filter(e -> e.valid() && e.satisfaction() != null)
                    .forEach(e -> latest.put(e.estateId(), e));
        }
        Set<Long> ours = streets.stream().map(AssessmentStore.Street::streetId).collect(Collectors.toSet());
        Map<Long, List<BigDecimal>> byStreet = new LinkedHashMap<>();
        for (EstatePlacement place : directory.placements(latest.keySet())) {
            if (ours.contains(place.streetId())) {
                byStreet.computeIfAbsent(place.streetId(), k -> new ArrayList<>())
                        .add(latest.get(place.id()).satisfaction());
            }
        }
        return SurveyRank.of(byStreet, y.unqualifiedBelow());
    }
}
