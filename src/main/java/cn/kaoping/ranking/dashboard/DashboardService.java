package cn.kaoping.ranking.dashboard;

import cn.kaoping.inspection.RoundProgress;
import cn.kaoping.inspection.RoundProgress.RoundTasks;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.ranking.CompanyStanding;
import cn.kaoping.ranking.EntryFilter;
import cn.kaoping.ranking.EstateStanding;
import cn.kaoping.ranking.RankingEntry;
import cn.kaoping.ranking.RankingSummary;
import cn.kaoping.ranking.Rankings;
import cn.kaoping.ranking.dashboard.DashboardQueries.SchemeOption;
import cn.kaoping.ranking.dashboard.DashboardQueries.SurveyTurnout;
import cn.kaoping.scheme.SchemeCatalog;
import cn.kaoping.scheme.engine.GradeBand;
import cn.kaoping.scheme.engine.Scheme;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of the district and city dashboards, always narrowed to the caller's region: a ranking's score
 * distribution, grades and best and worst estates, an estate's and a company's trend over the scheme's rankings,
 * survey turnout and the progress of rounds.
 */
@Service
@Transactional(readOnly = true)
class DashboardService {

    static final int DEFAULT_N = 10;
    static final int MAX_N = 50;
    static final int TREND_PERIODS = 12;
    static final int SURVEYS = 12;
    static final int ROUNDS = 12;
    static final int PICKER_LIMIT = 500;

    private final Rankings rankings;
    private final DashboardQueries queries;
    private final RoundProgress rounds;
    private final SchemeCatalog schemes;
    private final OrganisationDirectory directory;

    DashboardService(Rankings rankings, DashboardQueries queries, RoundProgress rounds, SchemeCatalog schemes,
                     OrganisationDirectory directory) {
        this.rankings = rankings;
        this.queries = queries;
        this.rounds = rounds;
        this.schemes = schemes;
        this.directory = directory;
    }

    /** What the caller asked to see; every field may be null (the default). */
    record Request(String scheme, Long ranking, Long district, String category, Integer n, Long estate,
                   Long company) {
        static Request defaults() {
            return new Request(null, null, null, null, null, null, null);
        }
    }

    /** An entry of a picker: an estate or a company. */
    record Option(long id, String name) {
    }

    /**
     * The request resolved against the caller's scope and what exists: the scheme (default: the one with the newest
     * ranking), the ranking (default: its newest), the category, N, the estate and the company of the trends
     * (default: the best in scope). {@code ranking} is null when the scheme has none.
     */
    record Selection(DashboardScope scope, List<SchemeOption> schemes, String scheme, List<RankingSummary> rankings,
                     RankingSummary ranking, List<String> categories, String category, int n, BigDecimal max,
                     List<GradeBand> bands, List<RankingEntry> entries, List<Option> estates, Long estate,
                     List<Option> companies, Long company) {

        EntryFilter filter() {
            return new EntryFilter(null, null, category, null, null, scope.path());
        }

        /** The sizes of best and worst lists offered, with the one chosen. */
        public List<Integer> nChoices() {
            TreeSet<Integer> choices = new TreeSet<>(List.of(3, 5, 10, 15, 20, 30, 50));
            choices.add(n);
            return List.copyOf(choices);
        }

        /** Builds a selection by component name; a component not set is null, zero, false or empty. */
        static Builder builder() {
            return new Builder();
        }

        /** Sets the components of {@link Selection} by name, in any order. */
        static final class Builder {

            private DashboardScope scope;
            private List<SchemeOption> schemes = List.of();
            private String scheme;
            private List<RankingSummary> rankings = List.of();
            private RankingSummary ranking;
            private List<String> categories = List.of();
            private String category;
            private int n;
            private BigDecimal max;
            private List<GradeBand> bands = List.of();
            private List<RankingEntry> entries = List.of();
            private List<Option> estates = List.of();
            private Long estate;
            private List<Option> companies = List.of();
            private Long company;

            private Builder() {
            }

            Builder scope(DashboardScope scope) {
                this.scope = scope;
                return this;
            }

            Builder schemes(List<SchemeOption> schemes) {
                this.schemes = schemes;
                return this;
            }

            Builder scheme(String scheme) {
                this.scheme = scheme;
                return this;
            }

            Builder rankings(List<RankingSummary> rankings) {
                this.rankings = rankings;
                return this;
            }

            Builder ranking(RankingSummary ranking) {
                this.ranking = ranking;
                return this;
            }

            Builder categories(List<String> categories) {
                this.categories = categories;
                return this;
            }

            Builder category(String category) {
                this.category = category;
                return this;
            }

            Builder n(int n) {
                this.n = n;
                return this;
            }

            Builder max(BigDecimal max) {
                this.max = max;
                return this;
            }

            Builder bands(List<GradeBand> bands) {
                this.bands = bands;
                return this;
            }

            Builder entries(List<RankingEntry> entries) {
                this.entries = entries;
                return this;
            }

            Builder estates(List<Option> estates) {
                this.estates = estates;
                return this;
            }

            Builder estate(Long estate) {
                this.estate = estate;
                return this;
            }

            Builder companies(List<Option> companies) {
                this.companies = companies;
                return this;
            }

            Builder company(Long company) {
                this.company = company;
                return this;
            }

            Selection build() {
                return new Selection(scope, schemes, scheme, rankings, ranking, categories, category, n, max, bands,
                        entries, estates, estate, companies, company);
            }
        }
    }

    /** A company's average in one ranking of the scheme. */
    record CompanyPoint(RankingSummary ranking, CompanyStanding standing) {
    }

    /** Every chart of the page. */
    record Dashboard(Selection selection, List<Charts.Bin> histogram, List<Charts.GradeCount> grades,
                     List<Charts.Placed> best, List<Charts.Placed> worst, List<EstateStanding> estateTrend,
                     List<CompanyPoint> companyTrend, List<SurveyTurnout> turnout, List<RoundTasks> rounds) {
    }

    Selection select(KaopingPrincipal p, Request r) {
        DashboardScope scope = DashboardScope.of(p, r.district(), directory);
        List<SchemeOption> options = schemeOptions();
        // a link to a ranking alone (?ranking=7) opens it with its scheme
        String wanted = r.scheme() != null || r.ranking() == null ? r.scheme()
                : rankings.find(r.ranking()).map(RankingSummary::schemeCode).orElse(null);
        String scheme = options.stream().map(SchemeOption::code).filter(c -> c.equals(wanted)).findFirst()
                .orElse(options.isEmpty() ? null : options.get(0).code());
        List<RankingSummary> list = scheme == null ? List.of() : rankings.list(scheme, null);
        RankingSummary ranking = list.stream().filter(s -> r.ranking() != null && s.id() == r.ranking()).findFirst()
                .orElse(list.isEmpty() ? null : list.get(0));
        int n = r.n() != null ? Math.max(1, Math.min(MAX_N, r.n()))
                : ranking == null ? DEFAULT_N : ranking.listSize();
        Selection.Builder selection = Selection.builder().scope(scope).schemes(options).scheme(scheme).rankings(list)
                .n(n);
        if (ranking == null) {
            return selection.build();
        }
        List<String> categories = rankings.categories(ranking.id());
        String category = categories.contains(r.category()) ? r.category() : null;
        Optional<Scheme> definition = schemes.published(ranking.schemeCode(), ranking.schemeVersion());
        BigDecimal max = definition.map(Scheme::max).orElse(BigDecimal.valueOf(100));
        List<GradeBand> bands = definition.map(Scheme::grades).orElse(List.of());
        EntryFilter filter = new EntryFilter(null, null, category, null, null, scope.path());
        List<RankingEntry> entries = rankings.entries(ranking.id(), filter);

        Long estate = estate(p, scope, entries, r.estate());
        List<Option> estates = pickable(entries, n, estate);
        List<CompanyStanding> standings = rankings.companies(ranking.id(), filter);
        List<Option> companies = standings.stream().map(c -> new Option(c.companyId(), c.companyName()))
                .sorted(Comparator.comparing(Option::name).thenComparing(Option::id)).toList();
        Long company = companies.stream().map(Option::id).filter(id -> id.equals(r.company())).findFirst()
                .orElse(standings.isEmpty() ? null : standings.get(0).companyId());
        return selection.ranking(ranking).categories(categories).category(category).max(max).bands(bands)
                .entries(entries).estates(estates).estate(estate).companies(companies).company(company).build();
    }

    /**
     * The schemes to pick from: those with rankings, the newest ranking's first, then every other published scheme
     * (its rounds may be under way before anything is ranked).
     */
    private List<SchemeOption> schemeOptions() {
        List<SchemeOption> options = new ArrayList<>(queries.schemes());
        Set<String> ranked = new HashSet<>();
        options.forEach(o -> ranked.add(o.code()));
        schemes.allPublished().stream().filter(sc -> !ranked.contains(sc.code()))
                .sorted(Comparator.comparing(Scheme::title))
                .forEach(sc -> options.add(new SchemeOption(sc.code(), sc.title())));
        return options;
    }

    /**
     * The estate of the trend: the one asked for when it is in the ranking and scope, else the best in scope. An
     * estate outside the caller's own region answers 404 like a missing one; one that is only outside the district a
     * city admin narrowed to falls back to the default.
     */
    private Long estate(KaopingPrincipal p, DashboardScope scope, List<RankingEntry> entries, Long asked) {
        if (asked != null) {
            String path = directory.estate(asked).map(e -> e.regionPath())
                    .orElseThrow(() -> new NotFoundException("小区不存在"));
            if (!p.covers(path)) {
                throw new NotFoundException("小区不存在");
            }
            if (scope.covers(path) && entries.stream().anyMatch(e -> e.estateId() == asked)) {
                return asked;
            }
        }
        return entries.stream().filter(RankingEntry::ranked).max(Comparator.comparing(RankingEntry::score)
                        .thenComparing(RankingEntry::estateName, Comparator.reverseOrder()))
                .map(RankingEntry::estateId)
                .orElse(entries.isEmpty() ? null : entries.get(0).estateId());
    }

    /**
     * The estates of the trend's picker, by name: every estate of the ranking in scope, or, beyond
     * {@value #PICKER_LIMIT} of them (a whole city), the best and worst lists and the estate shown; a district narrows
     * the choice to all of its estates.
     */
    private static List<Option> pickable(List<RankingEntry> entries, int n, Long chosen) {
        List<RankingEntry> offered = entries;
        if (entries.size() > PICKER_LIMIT) {
            Set<Long> keep = new HashSet<>();
            Charts.best(entries, n).forEach(pl -> keep.add(pl.entry().estateId()));
            Charts.worst(entries, n).forEach(pl -> keep.add(pl.entry().estateId()));
            keep.add(chosen);
            offered = entries.stream().filter(e -> keep.contains(e.estateId())).toList();
        }
        return offered.stream().map(e -> new Option(e.estateId(), e.estateName()))
                .sorted(Comparator.comparing(Option::name).thenComparing(Option::id)).toList();
    }

    Dashboard dashboard(KaopingPrincipal p, Request r) {
        Selection s = select(p, r);
        return new Dashboard(s, histogram(s), grades(s), best(s), worst(s), estateTrend(s), companyTrend(s),
                turnout(s), rounds(s));
    }

    List<Charts.Bin> histogram(Selection s) {
        return Charts.histogram(s.entries().stream().map(RankingEntry::score).toList(), s.max());
    }

    List<Charts.GradeCount> grades(Selection s) {
        return Charts.grades(s.entries(), s.bands());
    }

    List<Charts.Placed> best(Selection s) {
        return Charts.best(s.entries(), s.n());
    }

    List<Charts.Placed> worst(Selection s) {
        return Charts.worst(s.entries(), s.n());
    }

    /** The rankings a trend runs over: the chosen one and the earlier ones of its scheme and kind, oldest first. */
    private List<RankingSummary> trendRankings(Selection s) {
        RankingSummary chosen = s.ranking();
        List<RankingSummary> upTo = s.rankings().stream()
                .filter(r -> r.kind() == chosen.kind() && !r.periodEnd().isAfter(chosen.periodEnd()))
                .limit(TREND_PERIODS).toList();
        List<RankingSummary> oldestFirst = new ArrayList<>(upTo);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /** The estate's score, grade and places in the chosen ranking and the earlier ones of its kind. */
    List<EstateStanding> estateTrend(Selection s) {
        if (s.ranking() == null || s.estate() == null) {
            return List.of();
        }
        List<Long> ids = trendRankings(s).stream().map(RankingSummary::id).toList();
        return rankings.history(s.estate()).stream()
                .filter(h -> ids.contains(h.ranking().id()) && s.scope().covers(h.entry().regionPath()))
                .sorted(Comparator.comparing(h -> ids.indexOf(h.ranking().id())))
                .toList();
    }

    /** The company's average over its estates in scope and its place among companies, per ranking. */
    List<CompanyPoint> companyTrend(Selection s) {
        if (s.ranking() == null || s.company() == null) {
            return List.of();
        }
        List<CompanyPoint> points = new ArrayList<>();
        for (RankingSummary r : trendRankings(s)) {
            rankings.companies(r.id(), s.filter()).stream().filter(c -> c.companyId() == s.company()).findFirst()
                    .ifPresent(c -> points.add(new CompanyPoint(r, c)));
        }
        return points;
    }

    List<SurveyTurnout> turnout(Selection s) {
        return s.scheme() == null ? List.of() : queries.turnout(s.scope().path(), s.scheme(), SURVEYS);
    }

    List<RoundTasks> rounds(Selection s) {
        return rounds.under(s.scope().path(), s.scheme(), ROUNDS);
    }
}
