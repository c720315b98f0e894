package cn.kaoping.organisation.internal;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.organisation.RegionLevel;
import cn.kaoping.platform.excel.Cells;
import cn.kaoping.platform.excel.ExcelColumns;
import cn.kaoping.platform.excel.ExcelColumns.Column;
import cn.kaoping.platform.excel.ImportProblem;
import cn.kaoping.platform.excel.ImportReport;
import cn.kaoping.platform.excel.SheetRow;
import cn.kaoping.platform.excel.Spreadsheets;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.ValidationException.FieldProblem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Excel import of estates, companies and households. Every row is checked as the form would check it, plus
 * duplicates within the file and against the register; a file with any problem imports nothing.
 */
@Service
public class RegistryImports {

    public static final ExcelColumns ESTATES = new ExcelColumns("小区", List.of(
            new Column("小区名称", "必填，同一社区内不重复"),
            new Column("地址", "必填"),
            new Column("街道办事处", "必填，须为您管辖范围内的街道名称"),
            new Column("社区", "必填，须为该街道下的社区名称"),
            new Column("类别", "专业化 或 保障型"),
            new Column("老旧小区", "是 或 否"),
            new Column("管理模式", "物业企业、单位后勤、物业城市 或 无人管"),
            new Column("总建筑面积(㎡)", "必填，数字，最多两位小数"),
            new Column("户数", "必填，整数"),
            new Column("物业企业统一社会信用代码", "管理模式为物业企业时必填，须已在企业名录中登记"),
            new Column("项目负责人", "选填，须为该企业已登记的项目负责人姓名"),
            new Column("合同起始日期", "选填，如 2020-03-01（即企业进场日期）"),
            new Column("合同已备案", "是 或 否")));

    public static final ExcelColumns COMPANIES = new ExcelColumns("物业服务企业", List.of(
            new Column("企业名称", "必填"),
            new Column("统一社会信用代码", "必填，18位，含校验位"),
            new Column("联系人", "选填"),
            new Column("联系电话", "选填"),
            new Column("地址", "选填")));

    public static final ExcelColumns HOUSEHOLDS = new ExcelColumns("住户", List.of(
            new Column("楼栋", "必填，如 3"),
            new Column("单元", "选填，如 2"),
            new Column("房号", "必填，如 501"),
            new Column("专有部分面积(㎡)", "必填，大于0，最多两位小数")));

    private final EstateService estates;
    private final CompanyService companies;
    private final HouseholdService households;
    private final RegionService regions;
    private final Validator validator;
    private final AuditLog audit;

    RegistryImports(EstateService estates, CompanyService companies, HouseholdService households,
                    RegionService regions, Validator validator, AuditLog audit) {
        this.estates = estates;
        this.companies = companies;
        this.households = households;
        this.regions = regions;
        this.validator = validator;
        this.audit = audit;
    }

    /** Collects the problems of one file, row by row. */
    private static final class Problems {
        final List<ImportProblem> list = new ArrayList<>();
        final ExcelColumns layout;

        Problems(ExcelColumns layout) {
            this.layout = layout;
        }

        void add(SheetRow row, int column, String message) {
            list.add(new ImportProblem(row.number(), layout.header(column), message));
        }

        boolean none() {
            return list.isEmpty();
        }
    }

    @Transactional
    public ImportReport importEstates(KaopingPrincipal p, InputStream file) {
        EstateService.requireMaintainer(p);
        Spreadsheets.Read read = Spreadsheets.read(file, ESTATES);
        if (!read.ok()) {
            return ImportReport.failed(0, read.problems());
        }
        Map<String, Long> communities = new HashMap<>();
        Map<Long, String> streetNames = new HashMap<>();
        for (RegionView s : regions.ofLevel(p, RegionLevel.STREET)) {
            streetNames.put(s.id(), s.name());
        }
        for (RegionView c : regions.ofLevel(p, RegionLevel.COMMUNITY)) {
            communities.put(streetNames.get(c.parentId()) + "/" + c.name(), c.id());
        }
        Problems problems = new Problems(ESTATES);
        List<EstateForm> forms = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (SheetRow row : read.rows()) {
            int before = problems.list.size();
            Long community = communities.get(row.cell(2) + "/" + row.cell(3));
            if (community == null) {
                problems.add(row, 3, "找不到街道“" + row.cell(2) + "”下的社区“" + row.cell(3) + "”，或不在您的管辖范围内");
            }
            var category = required(row, 4, problems, Labels::category, "类别应为“专业化”或“保障型”");
            var old = required(row, 5, problems, Cells::yesNo, "应填“是”或“否”");
            var mode = required(row, 6, problems, Labels::mode, "管理模式应为物业企业、单位后勤、物业城市或无人管");
            BigDecimal area = required(row, 7, problems, Cells::decimal, "应为数字");
            Integer count = required(row, 8, problems, Cells::whole, "应为整数");
            Long companyId = null;
            if (!row.cell(9).isEmpty()) {
                companyId = companies.idByCreditCode(row.cell(9)).orElse(null);
                if (companyId == null) {
                    problems.add(row, 9, "该统一社会信用代码的企业未登记，请先导入企业");
                }
            }
            Long managerId = null;
            if (!row.cell(10).isEmpty() && companyId != null) {
                final String managerName = row.cell(10);
                managerId = companies.managersOf(companyId).stream().filter(m -> m.name().equals(managerName))
                        .map(ManagerView::id).findFirst().orElse(null);
                if (managerId == null) {
                    problems.add(row, 10, "该企业没有名为“" + managerName + "”的项目负责人");
                }
            }
            LocalDate start = optional(row, 11, problems, Cells::date, "日期格式应如 2020-03-01");
            Boolean filed = row.cell(12).isEmpty() ? Boolean.FALSE
                    : required(row, 12, problems, Cells::yesNo, "应填“是”或“否”");
            if (problems.list.size() > before) {
                continue;
            }
            EstateForm form = EstateForm.builder().name(row.cell(0)).address(row.cell(1)).communityId(community)
                    .category(category).oldEstate(old).managementMode(mode).floorArea(area).householdCount(count)
                    .companyId(companyId).projectManagerId(managerId).contractStart(start).contractFiled(filed).build();
            violations(form, row, problems, Map.of("name", 0, "address", 1, "floorArea", 7, "householdCount", 8));
            for (FieldProblem fp : estates.check(p, form)) {
                problems.add(row, estateColumn(fp.field()), fp.message());
            }
            if (!seen.add(community + "/" + form.name())) {
                problems.add(row, 0, "文件中该社区已有同名小区（重复行）");
            } else if (estates.exists(community, form.name())) {
                problems.add(row, 0, "该社区已登记同名小区");
            }
            forms.add(form);
        }
        if (!problems.none()) {
            return ImportReport.failed(read.rows().size(), problems.list);
        }
        forms.forEach(estates::insert);
        audit.record("IMPORT", "estate", null, "导入小区 " + forms.size() + " 个", null,
                forms.stream().map(EstateForm::name).toList());
        return ImportReport.succeeded(forms.size());
    }

    private static int estateColumn(String field) {
        return switch (field) {
            case "communityId" -> 3;
            case "companyId" -> 9;
            case "projectManagerId" -> 10;
            case "contractStart" -> 11;
            case "contractFiled" -> 12;
            default -> 0;
        };
    }

    @Transactional
    public ImportReport importCompanies(KaopingPrincipal p, InputStream file) {
        CompanyService.requireMaintainer(p);
        Spreadsheets.Read read = Spreadsheets.read(file, COMPANIES);
        if (!read.ok()) {
            return ImportReport.failed(0, read.problems());
        }
        Problems problems = new Problems(COMPANIES);
        List<CompanyForm> forms = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (SheetRow row : read.rows()) {
            CompanyForm form = new CompanyForm(row.cell(0), row.cell(1), row.cell(2), row.cell(3), row.cell(4), null);
            violations(form, row, problems, Map.of("name", 0, "creditCode", 1, "contactPerson", 2,
                    "contactPhone", 3, "address", 4));
            if (!row.cell(1).isEmpty()) {
                for (FieldProblem fp : companies.check(form, null)) {
                    problems.add(row, 1, fp.message());
                }
                if (!seen.add(row.cell(1).toUpperCase())) {
                    problems.add(row, 1, "文件中统一社会信用代码重复");
                }
            }
            forms.add(form);
        }
        if (!problems.none()) {
            return ImportReport.failed(read.rows().size(), problems.list);
        }
        forms.forEach(companies::insert);
        audit.record("IMPORT", "property_company", null, "导入企业 " + forms.size() + " 家", null,
                forms.stream().map(CompanyForm::name).toList());
        return ImportReport.succeeded(forms.size());
    }

    @Transactional
    public ImportReport importHouseholds(KaopingPrincipal p, long estateId, InputStream file) {
        EstateService.requireMaintainer(p);
        EstateView estate = estates.get(p, estateId);
        Spreadsheets.Read read = Spreadsheets.read(file, HOUSEHOLDS);
        if (!read.ok()) {
            return ImportReport.failed(0, read.problems());
        }
        Problems problems = new Problems(HOUSEHOLDS);
        List<HouseholdForm> forms = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (SheetRow row : read.rows()) {
            int before = problems.list.size();
            BigDecimal area = required(row, 3, problems, Cells::decimal, "应为数字");
            if (problems.list.size() > before) {
                continue;
            }
            HouseholdForm form = new HouseholdForm(plain(row.cell(0)), plain(row.cell(1)), plain(row.cell(2)), area);
            violations(form, row, problems, Map.of("building", 0, "unit", 1, "room", 2, "floorArea", 3));
            String key = form.building() + "-" + form.unit() + "-" + form.room();
            if (!seen.add(key)) {
                problems.add(row, 2, "文件中该房号重复");
            } else if (households.exists(estateId, form.building(), form.unit(), form.room())) {
                problems.add(row, 2, "该房号已登记");
            }
            forms.add(form);
        }
        if (!problems.none()) {
            return ImportReport.failed(read.rows().size(), problems.list);
        }
        households.insertAll(estateId, forms);
        audit.record("IMPORT", "household", null, "导入住户 " + forms.size() + " 户（" + estate.name() + "）",
                null, Map.of("estateId", estateId, "count", forms.size()));
        return ImportReport.succeeded(forms.size());
    }

    /** Excel shows "3" typed in a number cell as 3 but FastExcel may read "3.0": room numbers are text. */
    private static String plain(String s) {
        return s.matches("\\d+\\.0+") ? s.substring(0, s.indexOf('.')) : s;
    }

    private <T> void violations(T form, SheetRow row, Problems problems, Map<String, Integer> columns) {
        for (ConstraintViolation<T> v : validator.validate(form)) {
            String field = v.getPropertyPath().toString();
            problems.add(row, columns.getOrDefault(field, 0), v.getMessage());
        }
    }

    private static <T> T required(SheetRow row, int column, Problems problems, Function<String, Optional<T>> parse,
                                  String message) {
        String cell = row.cell(column);
        if (cell.isEmpty()) {
            problems.add(row, column, "必填");
            return null;
        }
        Optional<T> value = parse.apply(cell);
        if (value.isEmpty()) {
            problems.add(row, column, message + "（当前为“" + cell + "”）");
        }
        return value.orElse(null);
    }

    private static <T> T optional(SheetRow row, int column, Problems problems, Function<String, Optional<T>> parse,
                                  String message) {
        return row.cell(column).isEmpty() ? null : required(row, column, problems, parse, message);
    }
}
