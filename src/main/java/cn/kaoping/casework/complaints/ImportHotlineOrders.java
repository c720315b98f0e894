package cn.kaoping.casework.complaints;

import cn.kaoping.casework.rules.WorkingDays;
import cn.kaoping.organisation.EstateListing;
import cn.kaoping.organisation.EstateRef;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.platform.excel.Cells;
import cn.kaoping.platform.excel.ExcelColumns;
import cn.kaoping.platform.excel.ImportProblem;
import cn.kaoping.platform.excel.SheetRow;
import cn.kaoping.platform.excel.Spreadsheets;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;
import cn.kaoping.shared.ValidationException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 12345 / 8890 hotline's export of work orders (issue 14), as .xlsx or UTF-8 .csv in the layout of
 * {@link #LAYOUT} (documented in docs/casework.md): each order is filed once by its order number, so importing the
 * same file again changes nothing. The estate is found by its name among the importer's estates. Every bad row is
 * reported with its number and the good rows are filed; nothing is half-filed.
 */
@Service
public class ImportHotlineOrders {

    public static final ExcelColumns LAYOUT = new ExcelColumns("热线工单", List.of(
            new ExcelColumns.Column("工单编号", "热线系统的工单编号，唯一"),
            new ExcelColumns.Column("来电时间", "例如 2026-11-30 09:15"),
            new ExcelColumns.Column("小区", "小区名称，与登记的小区名称一致"),
            new ExcelColumns.Column("分类", "环境卫生、秩序维护、设施设备、绿化、收费、装修、其他"),
            new ExcelColumns.Column("内容", "诉求内容"),
            new ExcelColumns.Column("来电人", "可不填"),
            new ExcelColumns.Column("电话", "可不填")));

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final List<DateTimeFormatter> TIMES = List.of(DateTimeFormatter.ofPattern("yyyy-M-d H:mm[:ss]"),
            DateTimeFormatter.ofPattern("yyyy/M/d H:mm[:ss]"), DateTimeFormatter.ofPattern("yyyy-M-d'T'H:mm[:ss]"));

    private final FileComplaint files;
    private final ComplaintStore store;
    private final OrganisationDirectory directory;
    private final cn.kaoping.audit.AuditLog audit;

    ImportHotlineOrders(FileComplaint files, ComplaintStore store, OrganisationDirectory directory,
                        cn.kaoping.audit.AuditLog audit) {
        this.audit = audit;
        this.files = files;
        this.store = store;
        this.directory = directory;
    }

    /** Rows read, orders filed, orders already there, and the bad rows. */
    public record Report(int rows, int filed, int alreadyFiled, List<ImportProblem> problems) {
    }

    @Transactional
    public Report importOrders(KaopingPrincipal p, byte[] content) {
        if (p.role() != Role.STREET_OFFICER && p.role() != Role.DISTRICT_ADMIN && p.role() != Role.CITY_ADMIN) {
            throw new ForbiddenException("热线工单由街道办事处、区或市导入");
        }
        Spreadsheets.Read read = Spreadsheets.readXlsxOrCsv(content, LAYOUT);
        if (!read.problems().isEmpty() && read.rows().isEmpty()) {
            return new Report(0, 0, 0, read.problems());
        }
        Map<String, List<EstateListing>> byName = new HashMap<>();
        for (EstateListing e : directory.estatesUnder(p.regionPath(), null, null, false)) {
            byName.computeIfAbsent(e.name(), k -> new ArrayList<>()).add(e);
        }
        List<ComplaintStore.Category> categories = store.categories();
        WorkingDays days = new WorkingDays(store.calendar());
        List<ImportProblem> problems = new ArrayList<>(read.problems());
        int filed = 0;
        int already = 0;
        java.util.Set<Long> touched = new java.util.HashSet<>();
        store.deferRollUp();
        for (SheetRow row : read.rows()) {
            String no = row.cell(0);
            List<EstateListing> estates = byName.getOrDefault(row.cell(2), List.of());
            Optional<OffsetDateTime> at = time(row.cell(1));
            if (no.isEmpty() || no.length() > 64) {
                problems.add(new ImportProblem(row.number(), "工单编号", "缺少工单编号（最多 64 字）"));
            } else if (at.isEmpty()) {
                problems.add(new ImportProblem(row.number(), "来电时间", "来电时间“" + row.cell(1) + "”无法识别"));
            } else if (estates.size() != 1) {
                problems.add(new ImportProblem(row.number(), "小区", estates.isEmpty()
                        ? "本辖区没有名为“" + row.cell(2) + "”的小区" : "本辖区有多个名为“" + row.cell(2) + "”的小区"));
            } else {
                EstateListing e = estates.get(0);
                try {
                    Optional<Long> id = files.file(new EstateRef(e.id(), e.name(), e.regionPath(), e.category(),
                            e.oldEstate(), e.companyId()), new FileComplaint.Form(e.id(), row.cell(3), row.cell(4),
                            row.cell(5), row.cell(6), no, at.get()), "HOTLINE", p.username(), categories, days, false);
                    if (id.isPresent()) {
                        filed++;
                        touched.add(e.id());
                    } else {
                        already++;
                    }
                } catch (ValidationException ex) {
                    ex.problems().forEach(fp -> problems.add(new ImportProblem(row.number(), fp.field(), fp.message())));
                }
            }
        }
        store.rebuildRollUp(touched);
        audit.record("IMPORT", "complaint", "hotline", "导入热线工单：新登记 " + filed + " 件，已登记 " + already + " 件，问题行 "
                + problems.size() + " 个", null, Map.of("filed", filed, "already", already));
        return new Report(read.rows().size(), filed, already, problems);
    }

    private static Optional<OffsetDateTime> time(String text) {
        for (DateTimeFormatter f : TIMES) {
            try {
                return Optional.of(LocalDateTime.parse(text.strip(), f).atZone(CHINA).toOffsetDateTime());
            } catch (DateTimeParseException e) {
                // the next pattern
            }
        }
        return Cells.date(text).map(d -> d.atStartOfDay(CHINA).toOffsetDateTime());
    }
}
