package cn.kaoping.ranking.dashboard;

import cn.kaoping.inspection.RoundProgress.RoundTasks;
import cn.kaoping.platform.excel.ExcelColumns;
import cn.kaoping.platform.excel.Spreadsheets;
import cn.kaoping.ranking.EstateStanding;
import cn.kaoping.ranking.RankingEntry;
import cn.kaoping.ranking.dashboard.DashboardQueries.SurveyTurnout;
import cn.kaoping.ranking.dashboard.DashboardService.CompanyPoint;
import cn.kaoping.ranking.dashboard.DashboardService.Dashboard;
import cn.kaoping.ranking.dashboard.DashboardService.Selection;
import cn.kaoping.scheme.SchemeCatalog;
import cn.kaoping.scheme.engine.Scheme;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Turns the dashboard's figures into what people read: one {@link Table} per chart (the table view and the .xlsx
 * export are built from it, so they cannot differ) and the series the charts draw.
 */
@Component
class DashboardTables {

    /** The charts of the dashboard, by the slug used in element ids and export paths. */
    enum Chart {
        HISTOGRAM("histogram", "dashboard.chart.histogram"),
        GRADES("grades", "dashboard.chart.grades"),
        EXTREMES("extremes", "dashboard.chart.extremes"),
        ESTATE_TREND("estate-trend", "dashboard.chart.estateTrend"),
        COMPANY_TREND("company-trend", "dashboard.chart.companyTrend"),
        PARTICIPATION("participation", "dashboard.chart.participation"),
        ROUNDS("rounds", "dashboard.chart.rounds");

        final String slug;
        final String titleKey;

        Chart(String slug, String titleKey) {
            this.slug = slug;
            this.titleKey = titleKey;
        }

        static Optional<Chart> bySlug(String slug) {
            return Arrays.stream(values()).filter(c -> c.slug.equals(slug)).findFirst();
        }
    }

    private final MessageSource messages;
    private final SchemeCatalog schemes;

    DashboardTables(MessageSource messages, SchemeCatalog schemes) {
        this.messages = messages;
        this.schemes = schemes;
    }

    /** Every chart's table by its slug, in page order. */
    Map<String, Table> tables(Dashboard d) {
        Map<String, Table> t = new LinkedHashMap<>();
        for (Table table : List.of(histogram(d.histogram()), grades(d.grades()), extremes(d.best(), d.worst()),
                estateTrend(d.estateTrend()), companyTrend(d.companyTrend()), participation(d.turnout()),
                rounds(d.rounds()))) {
            t.put(table.id(), table);
        }
        return t;
    }

    /** One chart's table, computing only what that chart needs. */
    Table table(DashboardService service, Selection s, Chart chart) {
        return switch (chart) {
            case HISTOGRAM -> histogram(service.histogram(s));
            case GRADES -> grades(service.grades(s));
            case EXTREMES -> extremes(service.best(s), service.worst(s));
            case ESTATE_TREND -> estateTrend(service.estateTrend(s));
            case COMPANY_TREND -> companyTrend(service.companyTrend(s));
            case PARTICIPATION -> participation(service.turnout(s));
            case ROUNDS -> rounds(service.rounds(s));
        };
    }

    /** The .xlsx of a table: its headers, then its rows, numbers as numbers. */
    static byte[] xlsx(Table t) {
        ExcelColumns layout = new ExcelColumns(t.title(),
                t.columns().stream().map(c -> new ExcelColumns.Column(c.header(), "")).toList());
        return Spreadsheets.write(layout, t.rows());
    }

    Table histogram(List<Charts.Bin> bins) {
        return table(Chart.HISTOGRAM, List.of(text("dashboard.col.bin"), number("dashboard.col.estates")),
                bins.stream().map(b -> List.<Object>of(b.label(), b.count())).toList());
    }

    Table grades(List<Charts.GradeCount> grades) {
        return table(Chart.GRADES, List.of(text("dashboard.col.grade"), number("dashboard.col.gradeMin"),
                        number("dashboard.col.estates")),
                grades.stream().map(g -> row(g.label(), g.min(), g.count())).toList());
    }

    Table extremes(List<Charts.Placed> best, List<Charts.Placed> worst) {
        List<List<Object>> rows = new ArrayList<>();
        String bestLabel = msg("dashboard.list.best");
        String worstLabel = msg("dashboard.list.worst");
        best.forEach(p -> rows.add(placedRow(bestLabel, p)));
        worst.forEach(p -> rows.add(placedRow(worstLabel, p)));
        return table(Chart.EXTREMES, List.of(text("dashboard.col.list"), number("dashboard.col.place"),
                text("dashboard.col.estate"), text("dashboard.col.district"), text("dashboard.col.street"),
                text("dashboard.col.company"), number("dashboard.col.score"), number("dashboard.col.districtPlace")),
                rows);
    }

    private static List<Object> placedRow(String list, Charts.Placed p) {
        RankingEntry e = p.entry();
        return row(list, p.place(), e.estateName(), e.districtName(), e.streetName(), e.companyName(), e.score(),
                e.rankDistrict());
    }

    Table estateTrend(List<EstateStanding> points) {
        return table(Chart.ESTATE_TREND, List.of(text("dashboard.col.period"), number("dashboard.col.score"),
                        text("dashboard.col.grade"), number("dashboard.col.districtPlace"),
                        number("dashboard.col.districtPeers"), number("dashboard.col.cityPlace"),
                        text("dashboard.col.missing")),
                points.stream().map(h -> {
                    RankingEntry e = h.entry();
                    return row(h.ranking().period(), e.score(), e.gradeLabel(), e.rankDistrict(),
                            e.ranked() ? e.peersDistrict() : null, e.rankCity(),
                            e.periodsMissing().isEmpty() ? null : String.join("、", e.periodsMissing()));
                }).toList());
    }

    Table companyTrend(List<CompanyPoint> points) {
        return table(Chart.COMPANY_TREND, List.of(text("dashboard.col.period"), number("dashboard.col.average"),
                        number("dashboard.col.estates"), number("dashboard.col.companyPlace"),
                        number("dashboard.col.companies")),
                points.stream().map(p -> row(p.ranking().period(), p.standing().average(), p.standing().estates(),
                        p.standing().rank(), p.standing().peers())).toList());
    }

    Table participation(List<SurveyTurnout> surveys) {
        return table(Chart.PARTICIPATION, List.of(text("dashboard.col.survey"), text("dashboard.col.endsOn"),
                        number("dashboard.col.estates"), number("dashboard.col.households"),
                        number("dashboard.col.respondents"), number("dashboard.col.participation"),
                        number("dashboard.col.threshold"), number("dashboard.col.validEstates")),
                surveys.stream().map(s -> row(s.title(), s.endsOn().toString(), s.estates(), s.households(),
                        s.respondents(), s.participation(), s.threshold(), s.validEstates())).toList());
    }

    Table rounds(List<RoundTasks> rounds) {
        Map<String, String> titles = new HashMap<>();
        Function<RoundTasks, String> title = r -> titles.computeIfAbsent(r.schemeCode() + "@" + r.schemeVersion(),
                k -> schemes.published(r.schemeCode(), r.schemeVersion()).map(Scheme::title).orElse(r.schemeCode()));
        return table(Chart.ROUNDS, List.of(text("dashboard.col.round"), text("dashboard.col.scheme"),
                        text("dashboard.col.period"), text("dashboard.col.status"), number("dashboard.col.tasks"),
                        number("dashboard.col.submitted"), number("dashboard.col.accepted"),
                        number("dashboard.col.returned"), number("dashboard.col.pending")),
                rounds.stream().map(r -> row(r.name(), title.apply(r), r.period(),
                        msg("dashboard.roundStatus." + r.status()), r.tasks(), r.submitted(), r.accepted(),
                        r.returned(), r.pending())).toList());
    }

    /**
     * The series every chart draws (a null is a gap), with the few words the charts print (series names), as one
     * JSON-ready map. The numbers come from the same records as the tables.
     */
    Map<String, Object> chartData(Dashboard d) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("histogram", Map.of("labels", d.histogram().stream().map(Charts.Bin::label).toList(),
                "values", d.histogram().stream().map(Charts.Bin::count).toList()));
        data.put("grades", Map.of("labels", d.grades().stream().map(Charts.GradeCount::label).toList(),
                "values", d.grades().stream().map(Charts.GradeCount::count).toList()));
        data.put("best", placed(d.best()));
        data.put("worst", placed(d.worst()));
        data.put("estateTrend", Map.of(
                "labels", d.estateTrend().stream().map(h -> h.ranking().period()).toList(),
                "scores", d.estateTrend().stream().map(h -> h.entry().score()).toList(),
                "places", d.estateTrend().stream().map(h -> h.entry().rankDistrict()).toList()));
        data.put("companyTrend", Map.of(
                "labels", d.companyTrend().stream().map(p -> p.ranking().period()).toList(),
                "averages", d.companyTrend().stream().map(p -> p.standing().average()).toList(),
                "places", d.companyTrend().stream().map(p -> p.standing().rank()).toList()));
        data.put("scoreMax", d.selection().max());
        data.put("participation", Map.of(
                "labels", d.turnout().stream().map(SurveyTurnout::title).toList(),
                "values", d.turnout().stream().map(SurveyTurnout::participation).toList(),
                "thresholds", d.turnout().stream().map(SurveyTurnout::threshold).toList()));
        data.put("rounds", Map.of(
                "labels", d.rounds().stream().map(RoundTasks::name).toList(),
                "accepted", d.rounds().stream().map(RoundTasks::accepted).toList(),
                "awaiting", d.rounds().stream().map(RoundTasks::awaitingReview).toList(),
                "returned", d.rounds().stream().map(RoundTasks::returned).toList(),
                "pending", d.rounds().stream().map(RoundTasks::pending).toList()));
        Map<String, String> labels = new LinkedHashMap<>();
        for (String key : List.of("estates", "score", "districtPlace", "average", "companyPlace", "participation",
                "threshold", "accepted", "awaiting", "returned", "pending", "best", "worst")) {
            labels.put(key, msg("dashboard.series." + key));
        }
        data.put("labels", labels);
        return data;
    }

    private static Map<String, Object> placed(List<Charts.Placed> list) {
        return Map.of("names", list.stream().map(p -> p.entry().estateName()).toList(),
                "values", list.stream().map(p -> p.entry().score()).toList());
    }

    private Table table(Chart chart, List<Table.Column> columns, List<List<Object>> rows) {
        return new Table(chart.slug, msg(chart.titleKey), columns, rows);
    }

    private static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    private Table.Column text(String key) {
        return new Table.Column(msg(key), false);
    }

    private Table.Column number(String key) {
        return new Table.Column(msg(key), true);
    }

    private String msg(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
