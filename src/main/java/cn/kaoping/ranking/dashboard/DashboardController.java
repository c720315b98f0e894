package cn.kaoping.ranking.dashboard;

import cn.kaoping.platform.web.Downloads;
import cn.kaoping.ranking.dashboard.DashboardService.Dashboard;
import cn.kaoping.ranking.dashboard.DashboardService.Request;
import cn.kaoping.ranking.dashboard.DashboardService.Selection;
import cn.kaoping.ranking.dashboard.DashboardTables.Chart;
import cn.kaoping.shared.CurrentUser;
import cn.kaoping.shared.NotFoundException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** The district and city dashboards: charts with their tables, and each table as .xlsx. */
@Controller
@RequestMapping("/dashboards")
class DashboardController {

    private final DashboardService service;
    private final DashboardTables tables;
    private final JsonMapper json;

    DashboardController(DashboardService service, DashboardTables tables, JsonMapper json) {
        this.service = service;
        this.tables = tables;
        this.json = json;
    }

    @GetMapping
    String page(@RequestParam(required = false) String scheme, @RequestParam(required = false) Long ranking,
                @RequestParam(required = false) Long district, @RequestParam(required = false) String category,
                @RequestParam(required = false) Integer n, @RequestParam(required = false) Long estate,
                @RequestParam(required = false) Long company,
                @RequestHeader(value = "HX-Request", required = false) String htmx,
                @RequestHeader(value = "HX-History-Restore-Request", required = false) String restore,
                Model model) {
        Dashboard d = service.dashboard(CurrentUser.get(),
                new Request(scheme, ranking, district, category, n, estate, company));
        model.addAttribute("s", d.selection());
        model.addAttribute("tables", tables.tables(d));
        model.addAttribute("query", query(d.selection()));
        // inside <script>: no "</" may end the element early
        model.addAttribute("chart", json.writeValueAsString(tables.chartData(d)).replace("</", "<\\/"));
        return "true".equals(htmx) && !"true".equals(restore) ? "dashboard/index :: dashboard" : "dashboard/index";
    }

    @GetMapping("/export/{chart}")
    ResponseEntity<byte[]> export(@PathVariable String chart, @RequestParam(required = false) String scheme,
                                  @RequestParam(required = false) Long ranking,
                                  @RequestParam(required = false) Long district,
                                  @RequestParam(required = false) String category,
                                  @RequestParam(required = false) Integer n,
                                  @RequestParam(required = false) Long estate,
                                  @RequestParam(required = false) Long company) {
        Chart which = Chart.bySlug(chart).orElseThrow(() -> new NotFoundException("图表不存在"));
        Selection s = service.select(CurrentUser.get(),
                new Request(scheme, ranking, district, category, n, estate, company));
        Table t = tables.table(service, s, which);
        String name = t.title() + "-" + s.scope().name() + (s.ranking() == null ? "" : "-" + s.ranking().period());
        return Downloads.xlsx(name + ".xlsx", DashboardTables.xlsx(t));
    }

    /** The resolved choices as a query string, so an export holds exactly what the page shows. */
    static String query(Selection s) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("scheme", s.scheme());
        q.put("ranking", s.ranking() == null ? null : s.ranking().id());
        q.put("district", s.scope().district());
        q.put("category", s.category());
        q.put("n", s.ranking() == null ? null : s.n());
        q.put("estate", s.estate());
        q.put("company", s.company());
        String text = q.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().toString(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return text.isEmpty() ? "" : "?" + text;
    }
}
