package cn.kaoping.subsidy.internal;

import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.platform.excel.ExcelColumns;
import cn.kaoping.platform.excel.Spreadsheets;
import cn.kaoping.platform.pdf.Pdfs;
import cn.kaoping.shared.Grade;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.subsidy.internal.Views.ClaimRow;
import cn.kaoping.subsidy.internal.Views.Line;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/** The claim sheet (.xlsx, PDF), the district total per street and grade, and the payments outstanding. */
@Service
@Transactional(readOnly = true)
public class Reports {

    public static final List<String> GRADES = Arrays.stream(Grade.values()).map(Grade::name).toList();

    private static final ExcelColumns SHEET = new ExcelColumns("补贴申报表", List.of(
            new ExcelColumns.Column("序号", ""), new ExcelColumns.Column("小区", ""),
            new ExcelColumns.Column("物业服务企业", ""), new ExcelColumns.Column("考核得分", ""),
            new ExcelColumns.Column("等次", ""), new ExcelColumns.Column("补贴标准（元/㎡/月）", ""),
            new ExcelColumns.Column("登记面积（㎡）", ""), new ExcelColumns.Column("采用面积（㎡）", ""),
            new ExcelColumns.Column("登记进驻日期", ""), new ExcelColumns.Column("采用进驻日期", ""),
            new ExcelColumns.Column("补贴月份", ""), new ExcelColumns.Column("月数", ""),
            new ExcelColumns.Column("补贴金额（元）", ""), new ExcelColumns.Column("说明", ""),
            new ExcelColumns.Column("拨付日期", ""), new ExcelColumns.Column("拨付凭证号", "")));

    private final JdbcClient jdbc;
    private final SubsidyRates rates;
    private final OrganisationDirectory directory;
    private final TemplateEngine templates;
    private final Clock clock;

    Reports(JdbcClient jdbc, SubsidyRates rates, OrganisationDirectory directory, TemplateEngine templates, Clock clock) {
        this.jdbc = jdbc;
        this.rates = rates;
        this.directory = directory;
        this.templates = templates;
        this.clock = clock;
    }

    public static String gradeLabel(String grade) {
        return Grade.labelOf(grade);
    }

    public static String flagLabel(String flag) {
        if (flag == null) {
            return "";
        }
        return switch (flag) {
            case "NO_ENTRY_DATE" -> "无进驻日期，补填前不予计发";
            case "NO_GRADE" -> "无考核等次，不予计发";
            case "NO_AREA" -> "无合同面积，不予计发";
            case "NO_COMPANY" -> "无物业服务企业，不予计发";
            default -> flag;
        };
    }

    public static String monthList(List<YearMonth> months) {
        return months.stream().map(m -> m.getYear() + "年" + m.getMonthValue() + "月").collect(Collectors.joining("、"));
    }

    public static String filename(ClaimRow c, String ext) {
        return c.streetName() + c.period() + "老旧小区物业补贴申报表." + ext;
    }

    public byte[] xlsx(Views.Claim claim) {
        List<List<Object>> rows = new ArrayList<>();
        int n = 1;
        for (Line l : claim.lines()) {
            rows.add(List.of(n++, l.estateName(), nz(l.companyName()), l.score() == null ? "" : l.score(),
                    gradeLabel(l.grade()), l.rate() == null ? "" : l.rate(), nz(l.registryArea()), nz(l.area()),
                    nz(l.registryEntry()), nz(l.entryDate()), monthList(l.months()), l.months().size(),
                    l.amount() == null ? "" : l.amount(),
                    (flagLabel(l.flag()) + (l.correctionReason() == null ? "" : " 更正：" + l.correctionReason())).strip(),
                    nz(l.paidOn()), nz(l.paidVoucher())));
        }
        rows.add(List.of("", "合计", "", "", "", "", "", "", "", "", "", "", claim.claim().total(), "", "", ""));
        return Spreadsheets.write(SHEET, rows);
    }

    private static Object nz(Object o) {
        return o == null ? "" : o.toString();
    }

    public byte[] pdf(Views.Claim claim) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("claim", claim);
        vars.put("c", claim.claim());
        vars.put("today", LocalDate.now(clock));
        vars.put("css", Pdfs.BASE_CSS);
        return Pdfs.render(templates.process("subsidy/pdf", new Context(Locale.SIMPLIFIED_CHINESE, vars)));
    }

    /** The district total of a year: per street claim and per grade. A district-level user's own district. */
    public Views.DistrictTotal district(KaopingPrincipal p, int year) {
        RegionRef district = districtOf(p);
        List<Views.StreetTotal> streets = jdbc.sql("""
                SELECT c.id, c.street_id, c.street_name, c.period, c.status, count(l.id) AS lines,
                       COALESCE(sum(l.amount), 0) AS total
                FROM subsidy_claim c LEFT JOIN subsidy_line l ON l.claim_id = c.id
                WHERE c.district_id = :d AND c.year = :y AND c.street_path LIKE :path
                GROUP BY c.id ORDER BY c.period, c.street_name, c.id""")
                .param("d", district.id()).param("y", year).param("path", p.regionPath() + "%")
                .query((rs, i) -> new Views.StreetTotal(rs.getLong("street_id"), rs.getString("street_name"),
                        rs.getString("period"), rs.getLong("id"), ClaimStatus.valueOf(rs.getString("status")),
                        rs.getInt("lines"), rs.getBigDecimal("total").setScale(2)))
                .list();
        Map<String, Views.GradeTotal> byGrade = new HashMap<>();
        jdbc.sql("""
                SELECT COALESCE(l.grade, '') AS grade, count(*) AS lines, COALESCE(sum(l.area), 0) AS area,
                       COALESCE(sum(l.amount), 0) AS total
                FROM subsidy_claim c JOIN subsidy_line l ON l.claim_id = c.id
                WHERE c.district_id = :d AND c.year = :y AND c.street_path LIKE :path
                GROUP BY l.grade""")
                .param("d", district.id()).param("y", year).param("path", p.regionPath() + "%")
                .query((rs, i) -> byGrade.put(rs.getString("grade"), new Views.GradeTotal(rs.getString("grade"),
                        rs.getInt("lines"), rs.getBigDecimal("area").setScale(2),
                        rs.getBigDecimal("total").setScale(2))))
                .list();
        List<Views.GradeTotal> grades = new ArrayList<>();
        for (String g : GRADES) {
            grades.add(byGrade.getOrDefault(g, new Views.GradeTotal(g, 0, BigDecimal.ZERO.setScale(2),
                    BigDecimal.ZERO.setScale(2))));
        }
        BigDecimal total = streets.stream().map(Views.StreetTotal::total).reduce(BigDecimal.ZERO.setScale(2),
                BigDecimal::add);
        return new Views.DistrictTotal(district.id(), district.name(), year, streets, grades, total);
    }

    /** The rates that apply in the caller's district in a year (a street officer sees its district's). */
    public Map<String, BigDecimal> rates(KaopingPrincipal p, int year) {
        return rates.rates(districtOf(p).id(), year);
    }

    /**
     * The rates of the caller's district in a year for the rates screen: the rates that apply, whether they are the
     * district's own or the defaults of seed 004, who last set them, and whether the caller may change them now.
     */
    public Views.RateSheet rateSheet(KaopingPrincipal p, int year) {
        RegionRef district = districtOf(p);
        Map<String, BigDecimal> applying = rates.rates(district.id(), year);
        Views.RateSheet.Own own = jdbc.sql("""
                SELECT updated_by, updated_at FROM subsidy_rate WHERE district_id = :d AND year = :y
                ORDER BY updated_at DESC LIMIT 1""")
                .param("d", district.id()).param("y", year)
                .query((rs, i) -> new Views.RateSheet.Own(rs.getString("updated_by"),
                        rs.getObject("updated_at", java.time.OffsetDateTime.class)))
                .optional().orElse(null);
        Map<String, BigDecimal> ordered = new java.util.LinkedHashMap<>();
        GRADES.forEach(g -> ordered.put(g, applying.get(g)));
        String lockedBy = rates.approvedClaimOf(district.id(), year);
        boolean editable = Access.setsRates(p) && Long.valueOf(district.id()).equals(p.regionId())
                && lockedBy == null;
        return new Views.RateSheet(district.id(), district.name(), year, ordered, own, lockedBy, editable);
    }

    private RegionRef districtOf(KaopingPrincipal p) {
        if (!Access.listsClaims(p) || p.regionId() == null) {
            throw new NotFoundException("没有可查看的区");
        }
        RegionRef r = directory.region(p.regionId()).orElseThrow();
        while (r.level() != cn.kaoping.organisation.RegionLevel.DISTRICT && r.parentId() != null) {
            if (r.level() == cn.kaoping.organisation.RegionLevel.CITY) {
                break;
            }
            r = directory.region(r.parentId()).orElseThrow();
        }
        if (r.level() != cn.kaoping.organisation.RegionLevel.DISTRICT) {
            throw new NotFoundException("区汇总按区查看：请用区级账号");
        }
        return r;
    }

    /** Payments still owed within the caller's scope: finance to streets, streets to companies. */
    public List<Views.Outstanding> outstanding(KaopingPrincipal p) {
        if (!Access.seesOutstanding(p)) {
            return List.of();
        }
        List<Views.Outstanding> list = new ArrayList<>(jdbc.sql("""
                SELECT c.id, c.street_name, c.period, c.status, c.approved_total FROM subsidy_claim c
                WHERE c.status = 'APPROVED' AND c.street_path LIKE :path ORDER BY c.period, c.street_name""")
                .param("path", p.regionPath() + "%")
                .query((rs, i) -> new Views.Outstanding(rs.getLong("id"), rs.getString("street_name"),
                        rs.getString("period"), ClaimStatus.valueOf(rs.getString("status")), null, null, null,
                        rs.getBigDecimal("approved_total")))
                .list());
        list.addAll(jdbc.sql("""
                SELECT c.id, c.street_name, c.period, c.status, l.id AS line_id, l.estate_name, l.company_name,
                       l.amount
                FROM subsidy_claim c JOIN subsidy_line l ON l.claim_id = c.id
                WHERE c.status IN ('APPROVED', 'PAID_TO_STREET') AND l.amount > 0 AND l.paid_on IS NULL
                  AND c.street_path LIKE :path
                ORDER BY c.period, c.street_name, l.estate_name""")
                .param("path", p.regionPath() + "%")
                .query((rs, i) -> new Views.Outstanding(rs.getLong("id"), rs.getString("street_name"),
                        rs.getString("period"), ClaimStatus.valueOf(rs.getString("status")), rs.getLong("line_id"),
                        rs.getString("estate_name"), rs.getString("company_name"), rs.getBigDecimal("amount")))
                .list());
        return list;
    }
}
