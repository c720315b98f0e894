package cn.kaoping.inspection.internal;

import cn.kaoping.platform.excel.ExcelColumns;
import cn.kaoping.platform.excel.Spreadsheets;
import cn.kaoping.platform.pdf.Pdfs;
import cn.kaoping.scheme.engine.Evaluation;
import cn.kaoping.shared.KaopingPrincipal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A round's results table and an estate's score sheet as .xlsx and as PDF in official-document layout (the scheme's
 * table with the points lost per row, the findings and the photos), rendered with the shipped CJK font.
 */
@Service
public class RoundDocuments {

    static final ExcelColumns RESULTS = columns("考评结果", "名次", "小区", "街道办事处", "得分", "等次", "是否合格", "检查状态");
    static final ExcelColumns SHEET = columns("评分表", "序号", "考核内容", "分值", "扣分", "得分", "扣分说明", "检查记录");

    private final RoundService rounds;
    private final InspectionService inspections;
    private final TemplateEngine templates;

    RoundDocuments(RoundService rounds, InspectionService inspections, TemplateEngine templates) {
        this.rounds = rounds;
        this.inspections = inspections;
        this.templates = templates;
    }

    private static ExcelColumns columns(String sheet, String... headers) {
        return new ExcelColumns(sheet, Arrays.stream(headers).map(h -> new ExcelColumns.Column(h, "")).toList());
    }

    /**
     * The results rows a viewer may see, best first, with their rank (equal totals share a rank). Ranks exist only
     * once every estate of the round has a total: a draft or open round lists its estates without places (issue 19:
     * a place among the estates scored so far is no place at all).
     */
    @Transactional(readOnly = true)
    public List<ResultRow> results(KaopingPrincipal p, long roundId) {
        List<Inspections.TaskRow> tasks = rounds.tasks(p, roundId);
        boolean scored = !tasks.isEmpty() && tasks.stream().allMatch(t -> t.total() != null);
        List<ResultRow> rows = new ArrayList<>();
        Integer rank = null;
        java.math.BigDecimal last = null;
        int n = 0;
        for (Inspections.TaskRow t : tasks) {
            n++;
            if (scored && (last == null || t.total().compareTo(last) != 0)) {
                rank = n;
                last = t.total();
            }
            rows.add(new ResultRow(scored ? rank : null, t));
        }
        return rows;
    }

    public byte[] resultsXlsx(KaopingPrincipal p, long roundId) {
        List<List<Object>> data = new ArrayList<>();
        for (ResultRow r : results(p, roundId)) {
            Inspections.TaskRow t = r.task();
            data.add(Arrays.asList(r.rank() == null ? "" : r.rank(), t.inspection().estateName(), t.inspection().streetName(),
                    t.total() == null ? "" : t.total(), t.gradeLabel() == null ? "" : t.gradeLabel(),
                    passed(t), t.inspection().status().label()));
        }
        return Spreadsheets.write(RESULTS, data);
    }

    public byte[] resultsPdf(KaopingPrincipal p, long roundId) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("round", rounds.get(p, roundId));
        vars.put("rows", results(p, roundId));
        vars.put("css", Pdfs.BASE_CSS);
        return Pdfs.render(render("rounds/pdf-results", vars));
    }

    public byte[] sheetXlsx(KaopingPrincipal p, long inspectionId) {
        TaskView task = inspections.task(p, inspectionId);
        List<List<Object>> data = new ArrayList<>();
        for (Evaluation.ItemScore item : task.evaluation().items()) {
            data.add(Arrays.asList(item.code(), item.title(), item.max(), item.max().subtract(item.score()),
                    item.score(), item.lines().stream().map(Evaluation.ScoreLine::reason)
                            .collect(Collectors.joining("；")), findingsText(task, item.code())));
        }
        data.add(Arrays.asList("合计", "", task.evaluation().max(), task.evaluation().max()
                .subtract(task.evaluation().total()), task.evaluation().total(),
                task.evaluation().gradeLabel() == null ? "" : "等次：" + task.evaluation().gradeLabel(), ""));
        return Spreadsheets.write(SHEET, data);
    }

    public byte[] sheetPdf(KaopingPrincipal p, long inspectionId) {
        TaskView task = inspections.task(p, inspectionId);
        Map<String, List<String>> photos = new HashMap<>();
        task.evidence().forEach((rule, rows) -> photos.put(rule, rows.stream()
                // openhtmltopdf draws JPEG and PNG; a WebP photo is listed by its checksum only
                .filter(e -> !e.contentType().equals("image/webp"))
                .map(e -> "data:" + e.contentType() + ";base64," + Base64.getEncoder().encodeToString(
                        inspections.evidence(p, inspectionId, e.id()).content()))
                .toList()));
        Map<String, Object> vars = new HashMap<>();
        vars.put("task", task);
        vars.put("photos", photos);
        vars.put("css", Pdfs.BASE_CSS);
        return Pdfs.render(render("rounds/pdf-sheet", vars));
    }

    private String render(String template, Map<String, Object> vars) {
        return templates.process(template, new Context(Locale.SIMPLIFIED_CHINESE, vars));
    }

    static String findingsText(TaskView task, String itemCode) {
        return task.rules().stream().filter(r -> r.itemCode().equals(itemCode))
                .map(r -> task.finding(r.code()))
                .filter(f -> f != null && f.note() != null && !f.note().isBlank())
                .map(f -> f.rule() + " " + f.note()).collect(Collectors.joining("；"));
    }

    private static String passed(Inspections.TaskRow t) {
        return t.passed() == null ? "" : t.passed() ? "是" : "否";
    }

    /** A row of the results table; {@code rank} is null until every estate of the round has a total. */
    public record ResultRow(Integer rank, Inspections.TaskRow task) {
    }
}
