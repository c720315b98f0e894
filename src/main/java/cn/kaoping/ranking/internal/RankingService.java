package cn.kaoping.ranking.internal;

import cn.kaoping.inspection.EstateResult;
import cn.kaoping.inspection.Period;
import cn.kaoping.inspection.RoundPublished;
import cn.kaoping.organisation.EstatePlacement;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.StreetEstates;
import cn.kaoping.ranking.BottomRanked;
import cn.kaoping.ranking.ListedEstate;
import cn.kaoping.ranking.PeriodKind;
import cn.kaoping.ranking.RankingEntry;
import cn.kaoping.ranking.RankingSummary;
import cn.kaoping.ranking.TopRanked;
import cn.kaoping.ranking.rules.Coverage;
import cn.kaoping.ranking.rules.PeriodAggregate;
import cn.kaoping.ranking.rules.PeriodAggregate.Method;
import cn.kaoping.scheme.SchemeCatalog;
import cn.kaoping.scheme.engine.GradeBand;
import cn.kaoping.scheme.engine.Scheme;
import cn.kaoping.survey.EstateSatisfaction;
import cn.kaoping.survey.SurveyClosed;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the rankings in step with what is published: a published (or corrected) round stores its totals and
 * recomputes the rankings of its period and, for quarterly schemes, of the half-year and year holding it; a closed
 * survey puts its satisfaction beside the scores. Top and bottom lists are announced when they change.
 */
@Service
public class RankingService {

    private static final Logger log = LoggerFactory.getLogger(RankingService.class);
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    static final String TOP = "TOP";
    static final String BOTTOM = "BOTTOM";

    private final RankingStore store;
    private final OrganisationDirectory directory;
    private final SchemeCatalog schemes;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RankingService(RankingStore store, OrganisationDirectory directory, SchemeCatalog schemes,
                   ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.schemes = schemes;
        this.events = events;
        this.clock = clock;
    }

    /** Stores a published round's totals and recomputes the rankings they belong to. */
    @Transactional
    public List<RankingSummary> roundPublished(RoundPublished e) {
        store.lockScheme(e.schemeCode());
        Map<Long, EstatePlacement> placed = new HashMap<>();
        directory.placements(e.results().stream().map(EstateResult::estateId).toList())
                .forEach(p -> placed.put(p.id(), p));
        List<RankingStore.ScoreInput> scores = new ArrayList<>();
        Map<String, String> labels = gradeLabels(e.schemeCode(), e.schemeVersion());
        for (EstateResult r : e.results()) {
            EstatePlacement p = placed.get(r.estateId());
            if (p == null || r.total() == null) {
                log.warn("round {}: estate {} is not in the registry or has no total; left out of rankings",
                        e.round().value(), r.estateId());
                continue;
            }
            scores.add(new RankingStore.ScoreInput(p, r.total(), r.grade(),
                    r.grade() == null ? null : labels.getOrDefault(r.grade(), r.grade())));
        }
        store.replaceScores(e.round().value(), e.revision(), e.schemeCode(), e.schemeVersion(), e.period().code(),
                e.period().start(), e.period().end(), now(), scores);
        String correction = e.revision() > 1 ? e.reason() : null;
        return recompute(e.schemeCode(), e.period().code(), correction);
    }

    /** Stores a closed survey's results and recomputes the rankings whose satisfaction it gives. */
    @Transactional
    public List<RankingSummary> surveyClosed(SurveyClosed e) {
        if (e.scheme() != null) {
            store.lockScheme(e.scheme());
        }
        Map<Long, EstatePlacement> placed = new HashMap<>();
        directory.placements(e.estates().stream().map(EstateSatisfaction::estateId).toList())
                .forEach(p -> placed.put(p.id(), p));
        List<RankingStore.SatisfactionInput> rows = new ArrayList<>();
        for (EstateSatisfaction s : e.estates()) {
            EstatePlacement p = placed.get(s.estateId());
            if (p != null) {
                rows.add(new RankingStore.SatisfactionInput(s.estateId(), s.estateName(), p.regionPath(),
                        s.households(), s.respondents(), s.participation(), s.minParticipation(), s.valid(),
                        s.satisfaction()));
            }
        }
        store.replaceSatisfaction(e.survey().value(), e.roundId(), e.scheme(), e.title(), e.startsOn(), e.endsOn(),
                e.closedAt().atOffset(ZoneOffset.UTC), rows);
        List<RankingSummary> updated = new ArrayList<>();
        for (RankingSummary r : store.affectedBySurvey(e.scheme(), e.roundId(), e.endsOn())) {
            Map<String, PeriodKind> one = Map.of(r.period(), r.kind());
            updated.addAll(computeAll(r.schemeCode(), one, null, load(r.schemeCode(), one)));
        }
        return updated;
    }

    /** Recomputes every ranking of a scheme from the stored totals (after a change of scheme settings, or to measure). */
    @Transactional
    public List<RankingSummary> recomputeAll(String schemeCode) {
        store.lockScheme(schemeCode);
        Map<String, PeriodKind> periods = new LinkedHashMap<>();
        for (String period : store.periodsWithScores(schemeCode)) {
            periods.put(period, PeriodKind.ROUND);
        }
        List<String> rounds = List.copyOf(periods.keySet());
        int version = store.latestSchemeVersion(schemeCode);
        RankingPolicy policy = policy(schemeCode, version);
        for (String period : rounds) {
            aggregatesOf(period, policy).forEach(periods::putIfAbsent);
        }
        return computeAll(schemeCode, periods, null, load(schemeCode, periods));
    }

    /** The half-year and year a quarter belongs to, as far as the scheme aggregates them. */
    private static Map<String, PeriodKind> aggregatesOf(String period, RankingPolicy policy) {
        Map<String, PeriodKind> result = new LinkedHashMap<>();
        Matcher q = QUARTER.matcher(period);
        if (q.matches()) {
            String year = q.group(1);
            int quarter = Integer.parseInt(q.group(2));
            if (policy.halfYear().isPresent()) {
                result.put(year + "-H" + (quarter <= 2 ? 1 : 2), PeriodKind.HALF_YEAR);
            }
            if (policy.year().isPresent()) {
                result.put(year, PeriodKind.YEAR);
            }
        }
        return result;
    }

    /** The ranking of a round period and, for a quarter, the half-year and year holding it. */
    private List<RankingSummary> recompute(String scheme, String period, String correction) {
        RankingPolicy policy = policy(scheme, store.latestSchemeVersion(scheme));
        Map<String, PeriodKind> periods = new LinkedHashMap<>();
        periods.put(period, PeriodKind.ROUND);
        periods.putAll(aggregatesOf(period, policy));
        return computeAll(scheme, periods, correction, load(scheme, periods));
    }

    /** The published totals of every period the rankings will need, read once. */
    private List<RankingStore.Score> load(String scheme, Map<String, PeriodKind> periods) {
        Set<String> parts = new LinkedHashSet<>();
        periods.forEach((code, kind) -> {
            if (kind == PeriodKind.ROUND) {
                parts.add(code);
            } else {
                parts.addAll(quartersOf(Period.parse(code)));
            }
        });
        return store.scores(scheme, parts);
    }

    /**
     * Computes rankings in three steps so the two cores work at once: read what each ranking needs and save its
     * header (this thread, in the transaction); aggregate and place every ranking's estates (plain Java, on pool
     * threads); write each ranking's entries as soon as it is placed, while the next ones are still being placed.
     */
    private List<RankingSummary> computeAll(String scheme, Map<String, PeriodKind> periods, String correction,
                                            List<RankingStore.Score> loaded) {
        List<Prepared> prepared = new ArrayList<>();
        List<StreetEstates> registry = directory.estatesByStreet();
        periods.forEach((period, kind) -> prepared.add(prepare(scheme, period, kind, correction, loaded, registry)));
        // one placing thread, in order: the first ranking is ready as soon as it alone is placed (on two cores the
        // common pool would start a thread per task, and all would finish late together)
        ExecutorService placer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ranking-placing");
            t.setDaemon(true);
            return t;
        });
        try {
            List<CompletableFuture<Placing.Result>> placings = prepared.stream()
                    .map(p -> CompletableFuture.supplyAsync(p::place, placer)).toList();
            List<RankingSummary> result = new ArrayList<>();
            for (int i = 0; i < prepared.size(); i++) {
                Prepared p = prepared.get(i);
                Placing.Result placed = placings.get(i).join();
                store.replaceEntries(p.id(), placed.entries(), placed.sources());
                if (p.complete()) {
                    announce(p.id(), scheme, p.period(), p.kind(), p.policy().listSize(), placed.groups());
                }
                result.add(store.summary(p.id()).orElseThrow());
            }
            return result;
        } finally {
            placer.shutdownNow();
        }
    }

    /** A saved ranking header with what its placing needs; {@link #place()} touches no database. */
    private record Prepared(long id, String period, PeriodKind kind, RankingPolicy policy, boolean complete,
                            List<RankingStore.Score> scores, List<String> parts, Method method,
                            List<GradeBand> bands, Map<Long, RankingStore.Satisfaction> satisfaction,
                            Coverage coverage) {

        Placing.Result place() {
            List<Contender> contenders = method == null ? scores.stream().map(RankingStore.Score::contender).toList()
                    : aggregate(scores, parts, method, bands);
            List<Contender> withSatisfaction = contenders.stream().map(c -> {
                RankingStore.Satisfaction s = satisfaction.get(c.estateId());
                return s == null ? c : c.withSatisfaction(s.satisfaction(), s.participation(), s.valid());
            }).toList();
            return Placing.place(id, withSatisfaction, policy.separateByCategory(), policy.listSize(), coverage);
        }
    }

    private Prepared prepare(String scheme, String periodCode, PeriodKind kind, String correction,
                             List<RankingStore.Score> loaded, List<StreetEstates> registry) {
        Period period = Period.parse(periodCode);
        List<String> parts = kind == PeriodKind.ROUND ? List.of(periodCode) : quartersOf(period);
        List<RankingStore.Score> scores = loaded.stream().filter(x -> parts.contains(x.period())).toList();
        int version = scores.stream().mapToInt(RankingStore.Score::schemeVersion).max().orElse(1);
        Optional<Scheme> definition = schemes.published(scheme, version);
        RankingPolicy policy = definition.map(RankingPolicy::of).orElse(RankingPolicy.DEFAULT);
        List<GradeBand> bands = definition.map(Scheme::grades).orElse(List.of());
        Set<Long> rounds = new LinkedHashSet<>();
        Set<Long> estates = new HashSet<>();
        Set<String> present = new LinkedHashSet<>();
        for (RankingStore.Score s : scores) {
            rounds.add(s.roundId());
            estates.add(s.contender().estateId());
            present.add(s.period());
        }
        Map<Long, RankingStore.Satisfaction> satisfaction = store.satisfaction(scheme, period.start(), period.end(),
                rounds);
        List<String> missingPeriods = parts.stream().filter(p -> !present.contains(p)).toList();
        Method method = kind == PeriodKind.ROUND ? null
                : (kind == PeriodKind.HALF_YEAR ? policy.halfYear() : policy.year()).orElse(Method.MEAN_OF_ALL_QUARTERS);
        String title = definition.map(Scheme::title).orElse(scheme);
        boolean complete = missingPeriods.isEmpty();
        Coverage coverage = PeriodCoverage.of(scores, policy.separateByCategory(), registry);
        long id = store.saveRanking(scheme, version, title, periodCode, kind, period.start(), period.end(),
                method == null ? null : methodName(method), policy.separateByCategory(), policy.listSize(), complete,
                missingPeriods, estates.size(), correction, now(), coverage.scope());
        store.replaceCoverage(id, coverage);
        return new Prepared(id, periodCode, kind, policy, complete, scores, parts, method, bands, satisfaction,
                coverage);
    }

    /** Half-year or year scores from quarterly totals; each estate says which quarters it has and lacks. */
    private static List<Contender> aggregate(List<RankingStore.Score> scores, List<String> quarters, Method method,
                                             List<GradeBand> bands) {
        Map<Long, Map<Integer, BigDecimal>> byEstate = new LinkedHashMap<>();
        Map<Long, RankingStore.Score> latest = new HashMap<>();
        for (RankingStore.Score s : scores) {
            int q = quarters.indexOf(s.period()) + 1;
            byEstate.computeIfAbsent(s.contender().estateId(), k -> new TreeMap<>()).put(q, s.contender().score());
            latest.merge(s.contender().estateId(), s,
                    (a, b) -> a.period().compareTo(b.period()) >= 0 ? a : b); // names as of the latest quarter
        }
        Set<Integer> all = new LinkedHashSet<>();
        for (int i = 1; i <= quarters.size(); i++) {
            all.add(i);
        }
        List<Contender> result = new ArrayList<>();
        byEstate.forEach((estate, quarterly) -> {
            PeriodAggregate agg = PeriodAggregate.of(quarterly, all, method);
            BigDecimal score = agg.score().orElse(null);
            Optional<GradeBand> grade = Placing.grade(score, bands);
            result.add(latest.get(estate).contender().withScore(score, grade.map(GradeBand::code).orElse(null),
                    grade.map(GradeBand::label).orElse(null),
                    agg.quartersUsed().stream().map(q -> quarters.get(q - 1)).toList(),
                    agg.quartersMissing().stream().map(q -> quarters.get(q - 1)).toList()));
        });
        result.sort(Comparator.comparing(Contender::estateId));
        return result;
    }

    private void announce(long rankingId, String scheme, String period, PeriodKind kind, int n,
                          List<Placing.Group> groups) {
        for (Placing.Group g : groups) {
            if (changed(rankingId, BOTTOM, g, g.bottom())) {
                events.publishEvent(new BottomRanked(rankingId, scheme, period, kind, g.districtId(), g.districtName(),
                        g.category(), n, g.bottom()));
            }
            if (changed(rankingId, TOP, g, g.top())) {
                events.publishEvent(new TopRanked(rankingId, scheme, period, kind, g.districtId(), g.districtName(),
                        g.category(), n, g.top()));
            }
        }
    }

    private boolean changed(long rankingId, String end, Placing.Group g, List<ListedEstate> list) {
        List<Long> ids = list.stream().map(ListedEstate::estateId).toList();
        Optional<List<Long>> before = store.announcedList(rankingId, end, g.districtId(), g.category());
        if (before.isPresent() && before.get().equals(ids)) {
            return false;
        }
        store.saveList(rankingId, end, g.districtId(), g.category(), ids, now());
        return true;
    }

    private RankingPolicy policy(String scheme, int version) {
        return schemes.published(scheme, version).map(RankingPolicy::of).orElse(RankingPolicy.DEFAULT);
    }

    private Map<String, String> gradeLabels(String scheme, int version) {
        Map<String, String> labels = new HashMap<>();
        schemes.published(scheme, version).ifPresent(s -> s.grades().forEach(g -> labels.put(g.code(), g.label())));
        return labels;
    }

    static List<String> quartersOf(Period period) {
        List<String> quarters = new ArrayList<>();
        for (var month = period.start().withDayOfMonth(1); !month.isAfter(period.end()); month = month.plusMonths(3)) {
            quarters.add(month.getYear() + "-Q" + ((month.getMonthValue() - 1) / 3 + 1));
        }
        return quarters;
    }

    static String methodName(Method method) {
        return method == Method.MEAN_OF_ALL_QUARTERS ? "mean-of-all-quarters" : "mean-of-available-quarters";
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
