package cn.kaoping.excellence.campaign;

import cn.kaoping.platform.excel.ExcelColumns;
import cn.kaoping.platform.excel.ImportProblem;
import cn.kaoping.platform.excel.ImportReport;
import cn.kaoping.platform.excel.SheetRow;
import cn.kaoping.platform.excel.Spreadsheets;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;

/**
 * The association's existing list of honours as an Excel sheet (issue 16: Excel import of an existing list): one
 * row per title — 小区编号, 荣誉称号, 级别 (市优/区优), 获评年度. Every row is checked first; nothing is stored while
 * one is wrong, and a title already registered is skipped, so the same file imported twice changes nothing.
 */
@Service
public class ImportHonours {

    public static final ExcelColumns LAYOUT = new ExcelColumns("荣誉名册", List.of(
            new ExcelColumns.Column("小区编号", "Kaoping 中的小区编号（小区页面地址中的数字）"),
            new ExcelColumns.Column("荣誉称号", "如 清河市物业管理优秀住宅小区"),
            new ExcelColumns.Column("级别", "市优 或 区优"),
            new ExcelColumns.Column("获评年度", "四位年份，如 2021")));

    private final RunCampaign run;
    private final HonourStore store;
    private final cn.kaoping.organisation.OrganisationDirectory directory;

    ImportHonours(RunCampaign run, HonourStore store, cn.kaoping.organisation.OrganisationDirectory directory) {
        this.run = run;
        this.store = store;
        this.directory = directory;
    }

    @Transactional
    public ImportReport importSheet(KaopingPrincipal p, byte[] content) {
        if (p.role() != Role.ASSOCIATION) {
            throw new ForbiddenException("荣誉名册由物业管理协会维护");
        }
        Spreadsheets.Read read = Spreadsheets.readXlsxOrCsv(content, LAYOUT);
        if (!read.ok()) {
            return ImportReport.failed(0, read.problems());
        }
        List<ImportProblem> problems = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (SheetRow r : read.rows()) {
            Long estate = r.cell(0).matches("\\d{1,12}") ? Long.valueOf(r.cell(0)) : null;
            String level = switch (r.cell(2)) {
                case "市优" -> "CITY";
                case "区优" -> "DISTRICT";
                default -> null;
            };
            Integer year = r.cell(3).matches("\\d{4}") ? Integer.valueOf(r.cell(3)) : null;
            if (estate == null || directory.governance(estate).filter(g -> p.covers(g.regionPath())).isEmpty()) {
                problems.add(new ImportProblem(r.number(), "小区编号", "请填写本区域内的小区编号"));
            }
            if (r.cell(1).isBlank()) {
                problems.add(new ImportProblem(r.number(), "荣誉称号", "请填写荣誉称号"));
            }
            if (level == null) {
                problems.add(new ImportProblem(r.number(), "级别", "级别须为 市优 或 区优"));
            }
            if (year == null) {
                problems.add(new ImportProblem(r.number(), "获评年度", "请填写四位年份"));
            }
            rows.add(new Object[]{r.number(), estate, r.cell(1), level, year});
        }
        if (!problems.isEmpty()) {
            return ImportReport.failed(read.rows().size(), problems);
        }
        int imported = 0;
        for (Object[] row : rows) {
            if (!store.honourExists((Long) row[1], ((String) row[2]).strip(), (Integer) row[4])) {
                run.register(p, (Long) row[1], (String) row[2], (String) row[3], (Integer) row[4]);
                imported++;
            }
        }
        return ImportReport.succeeded(imported);
    }
}
