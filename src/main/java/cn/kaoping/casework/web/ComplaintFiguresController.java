package cn.kaoping.casework.web;

import cn.kaoping.casework.ComplaintFigures.Figures;
import cn.kaoping.casework.ComplaintFigures;
import cn.kaoping.casework.complaints.ComplaintAccess;
import cn.kaoping.platform.excel.ExcelColumns;
import cn.kaoping.platform.excel.Spreadsheets;
import cn.kaoping.platform.web.Downloads;
import cn.kaoping.shared.CurrentUser;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.ValidationException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 投诉统计: for a period, per street (district and city) or per estate (street office): received, signed on time,
 * closed and closed on time, pushed back unhandled (seed 001 row 6.3.a counts these) and resolved (6.3.b), the call
 * backs, repeats and what is still open; on screen and as .xlsx.
 */
@Controller
@RequestMapping("/complaints/figures")
class ComplaintFiguresController {

    static final ExcelColumns LAYOUT = new ExcelColumns("投诉统计", List.of(
            new ExcelColumns.Column("街道或小区", ""), new ExcelColumns.Column("受理", ""),
            new ExcelColumns.Column("按时签收", ""), new ExcelColumns.Column("办结", ""),
            new ExcelColumns.Column("按时办结", ""), new ExcelColumns.Column("不经调处退回（6.3.a）", ""),
            new ExcelColumns.Column("满意", ""), new ExcelColumns.Column("基本满意", ""),
            new ExcelColumns.Column("不满意", ""), new ExcelColumns.Column("30日内重复投诉", ""),
            new ExcelColumns.Column("未办结", "")));

    private final ComplaintFigures figures;
    private final Clock clock;
    private final tools.jackson.databind.json.JsonMapper json;

    ComplaintFiguresController(ComplaintFigures figures, Clock clock, tools.jackson.databind.json.JsonMapper json) {
        this.figures = figures;
        this.clock = clock;
        this.json = json;
    }

    /** What the chart draws per line: closed on time, closed late, pushed back, still open. */
    record Chart(List<String> names, List<Long> onTime, List<Long> late, List<Long> pushedBack, List<Long> open) {
    }

    /** One line of the table: a street or an estate. */
    record Line(String name, Figures f) {
    }

    @GetMapping
    String page(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                Model model) {
        LocalDate[] period = period(from, to);
        model.addAttribute("from", period[0]);
        model.addAttribute("to", period[1]);
        List<Line> lines = lines(CurrentUser.get(), period[0], period[1]);
        model.addAttribute("lines", lines);
        model.addAttribute("total", ComplaintFigures.sum(lines.stream().map(Line::f).toList()));
        model.addAttribute("byEstate", byEstate(CurrentUser.get()));
        model.addAttribute("chart", json.writeValueAsString(new Chart(lines.stream().map(Line::name).toList(),
                lines.stream().map(l -> l.f().closedOnTime()).toList(),
                lines.stream().map(l -> l.f().closed() - l.f().closedOnTime()).toList(),
                lines.stream().map(l -> l.f().pushedBack()).toList(),
                lines.stream().map(l -> l.f().open()).toList())));
        return "casework/figures";
    }

    @GetMapping(params = "format=xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) LocalDate from,
                                @RequestParam(required = false) LocalDate to) {
        LocalDate[] period = period(from, to);
        List<List<Object>> rows = new ArrayList<>();
        for (Line l : lines(CurrentUser.get(), period[0], period[1])) {
            Figures f = l.f();
            rows.add(List.of(l.name(), f.received(), f.signedOnTime(), f.closed(), f.closedOnTime(), f.pushedBack(),
                    f.satisfied(), f.basicallySatisfied(), f.unsatisfied(), f.repeats(), f.open()));
        }
        return Downloads.xlsx("投诉统计-" + period[0] + "至" + period[1] + ".xlsx", Spreadsheets.write(LAYOUT, rows));
    }

    private List<Line> lines(KaopingPrincipal p, LocalDate from, LocalDate to) {
        if (!p.role().readsRegionFigures()) {
            throw new ForbiddenException("投诉统计供街道办事处、区和市查看");
        }
        List<ComplaintFigures.Group> groups = byEstate(p) ? figures.byEstateGroups(p.regionPath(), from, to)
                : figures.byStreet(p.regionPath(), from, to);
        return groups.stream().map(g -> new Line(g.name(), g.figures())).toList();
    }

    /** The street office and its residents' committees see their estates line by line; the others their streets. */
    private static boolean byEstate(KaopingPrincipal p) {
        return ComplaintAccess.handles(p);
    }

    private LocalDate[] period(LocalDate from, LocalDate to) {
        LocalDate today = LocalDate.now(clock);
        LocalDate f = from == null ? today.withDayOfYear(1) : from;
        LocalDate t = to == null ? today : to;
        if (t.isBefore(f) || f.plusYears(5).isBefore(t)) {
            throw new ValidationException("to", "统计期间应从开始日到截止日，最长五年");
        }
        return new LocalDate[] {f, t};
    }
}
