package cn.kaoping.ranking.export;

import cn.kaoping.platform.excel.LayoutSheet;
import cn.kaoping.ranking.EntryFilter;
import cn.kaoping.ranking.PeriodKind;
import cn.kaoping.ranking.RankingEntry;
import cn.kaoping.ranking.RankingSummary;
import cn.kaoping.ranking.Rankings;
import cn.kaoping.ranking.ScopeView;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.Role;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The half-year and year-end rankings of seed 000 (每半年、年底形成两次得分排名) as the sheets a district sends out:
 * one sheet per district and category (专业化 and 保障型 are ranked apart), each estate with its place in the district,
 * its quarterly scores, the aggregate, the owners' satisfaction beside it and a remark naming the quarters it lacks.
 * District users get their district's sheets, city users every district's.
 */
@Service
class ShenyangSheets {

    /** Who may export: the housing authorities of a district or the city (SPEC roles). */
    static final Set<Role> EXPORTERS = Set.of(Role.CITY_ADMIN, Role.DISTRICT_ADMIN, Role.DISTRICT_DEPT);
    private static final String[] QUARTERS = {"第一季度", "第二季度", "第三季度", "第四季度"};
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Rankings rankings;

    ShenyangSheets(Rankings rankings) {
        this.rankings = rankings;
    }

    /** A workbook and the name to save it under. */
    record Workbook(String filename, byte[] content) {
    }

    /**
     * The ranking's sheets the principal may see.
     *
     * @throws ForbiddenException for roles other than the district and city housing authorities
     * @throws NotFoundException  when the ranking does not exist or holds no estate of the principal's region
     * @throws ConflictException  for a ranking of one round's period (the seed's sheets are half-year and year-end)
     */
    Workbook xlsx(KaopingPrincipal p, long rankingId) {
        if (!EXPORTERS.contains(p.role())) {
            throw new ForbiddenException("只有区、市房产主管部门可以导出排名表");
        }
        RankingSummary ranking = rankings.find(rankingId).orElseThrow(() -> new NotFoundException("排名不存在"));
        if (ranking.kind() == PeriodKind.ROUND) {
            throw new ConflictException("排名表按半年、年度汇总各季度得分，请选择半年或年度排名");
        }
        List<String> quarters = quarters(ranking.periodStart(), ranking.periodEnd());
        Map<String, Map<Long, BigDecimal>> quarterly = new LinkedHashMap<>();
        for (String q : quarters) {
            Map<Long, BigDecimal> scores = new HashMap<>();
            rankings.find(ranking.schemeCode(), q).ifPresent(r -> rankings.entries(r.id(),
                            EntryFilter.under(p.regionPath())).stream()
                    .filter(RankingEntry::ranked).forEach(e -> scores.put(e.estateId(), e.score())));
            quarterly.put(q, scores);
        }
        List<String> categories = new ArrayList<>();
        if (ranking.separateByCategory()) {
            categories.addAll(rankings.categories(rankingId));
            // 专业化 before 保障型, as the seed lists its annexes
            categories.sort(Comparator.comparing((String c) -> !"PROFESSIONAL".equals(c)).thenComparing(c -> c));
        } else {
            categories.add(null);
        }
        List<LayoutSheet> sheets = new ArrayList<>();
        rankings.districts(rankingId).forEach((districtId, districtName) -> {
            ScopeView view = rankings.view(rankingId, EntryFilter.district(districtId, null));
            for (String category : categories) {
                List<RankingEntry> entries = rankings.entries(rankingId,
                        new EntryFilter(districtId, null, category, null, null, p.regionPath()));
                if (!entries.isEmpty()) {
                    sheets.add(sheet(ranking, districtName, view, category, quarters, quarterly, entries));
                }
            }
        });
        if (sheets.isEmpty()) {
            throw new NotFoundException("该排名中没有您辖区的小区");
        }
        return new Workbook(ranking.schemeTitle() + " " + periodLabel(ranking) + "排名.xlsx",
                LayoutSheet.write(sheets));
    }

    /**
     * One district's sheet. A district whose streets were not all assessed in the period gets no district places
     * (issue 19): its sheet says so in the title and lists each estate's place in its street.
     */
    private static LayoutSheet sheet(RankingSummary ranking, String district, ScopeView view, String category,
                                     List<String> quarters, Map<String, Map<Long, BigDecimal>> quarterly,
                                     List<RankingEntry> entries) {
        String categoryLabel = categoryLabel(category);
        boolean whole = view.complete();
        String title = district + periodLabel(ranking) + "住宅小区物业服务质量日常考评排名"
                + (categoryLabel == null ? "" : "（" + categoryLabel + "）")
                + (whole ? "" : "（全区未完整考评，尚缺" + view.missingShort() + "，名次为街道内名次）");
        List<String> headers = new ArrayList<>(List.of(whole ? "名次" : "街道内名次", "小区名称", "物业服务企业",
                "所属街道"));
        quarters.forEach(q -> headers.add(quarterLabel(q)));
        headers.addAll(List.of("平均分", "满意度", "备注"));
        int[] widths = new int[headers.size()];
        int[] fixed = {6, 22, 26, 12};
        for (int c = 0; c < widths.length; c++) {
            widths[c] = c < fixed.length ? fixed[c] : 10;
        }
        widths[widths.length - 1] = 36;
        LayoutSheet sheet = LayoutSheet.titled(categoryLabel == null ? district : district + "-" + categoryLabel,
                title, headers, widths, 2, Set.of(1, 2, 3, headers.size() - 1));
        for (RankingEntry e : entries) {
            List<Object> row = new ArrayList<>();
            Integer place = whole ? e.rankDistrict() : e.rankStreet();
            row.add(place == null ? "" : place);
            row.add(e.estateName());
            row.add(e.companyName() == null ? "" : e.companyName());
            row.add(e.streetName());
            for (String q : quarters) {
                BigDecimal s = e.periodsMissing().contains(q) ? null : quarterly.get(q).get(e.estateId());
                row.add(s == null ? "—" : plain(s));
            }
            row.add(e.score() == null ? "" : plain(e.score()));
            row.add(e.satisfaction() == null ? "" : plain(e.satisfaction()));
            row.add(remark(e));
            sheet.add(row);
        }
        sheet.note(note(ranking, categoryLabel != null)
                + (whole ? "" : "本区尚缺" + view.missingShort() + "的公布结果，不形成全区名次，也不据此下达整改通知书。"));
        return sheet;
    }

    /** 并列第2名；缺第二季度考评成绩，不参与排名；满意度调查参与率未达到要求. */
    static String remark(RankingEntry e) {
        List<String> parts = new ArrayList<>();
        if (e.tiedDistrict() && e.rankDistrict() != null) {
            parts.add("并列第" + e.rankDistrict() + "名");
        }
        if (!e.periodsMissing().isEmpty()) {
            parts.add("缺" + String.join("、", e.periodsMissing().stream().map(ShenyangSheets::quarterLabel).toList())
                    + "考评成绩" + (e.score() == null ? "，不参与排名" : "，平均分按已有季度计算"));
        }
        if (e.satisfaction() != null && Boolean.FALSE.equals(e.satisfactionValid())) {
            parts.add("满意度调查参与率未达到要求，结果仅供参考");
        }
        return String.join("；", parts);
    }

    private static String note(RankingSummary ranking, boolean byCategory) {
        String method = switch (ranking.method() == null ? "" : ranking.method()) {
            case "mean-of-all-quarters" -> "各季度得分的算术平均值（保留两位小数，四舍五入），缺少任一季度成绩的小区不参与排名";
            case "mean-of-available-quarters" -> "已有季度得分的算术平均值（保留两位小数，四舍五入），缺少的季度在备注中注明";
            default -> "各季度得分按考评标准的设置汇总（" + ranking.method() + "）";
        };
        StringBuilder note = new StringBuilder("说明：名次为本区" + (byCategory ? "同类" : "") + "小区按平均分排列，"
                + "同分同名次，其后名次顺延（如 1、2、2、4）；平均分为" + method + "；满意度为业主满意度评价结果（百分制），"
                + "与日常考评得分并列，不计入平均分。");
        if (!ranking.missingPeriods().isEmpty()) {
            note.append("本排名尚缺")
                    .append(String.join("、", ranking.missingPeriods().stream().map(ShenyangSheets::quarterLabel)
                            .toList()))
                    .append("的公布结果。");
        }
        note.append("排名第 ").append(ranking.revision()).append(" 版，计算于 ")
                .append(DAY.format(ranking.computedAt().atZoneSameInstant(CHINA))).append("。");
        return note.toString();
    }

    /** The quarters a half-year or year covers, as period codes (2061-Q1 …). */
    static List<String> quarters(LocalDate start, LocalDate end) {
        List<String> result = new ArrayList<>();
        for (LocalDate m = start.withDayOfMonth(1); !m.isAfter(end); m = m.plusMonths(3)) {
            result.add(m.getYear() + "-Q" + ((m.getMonthValue() - 1) / 3 + 1));
        }
        return result;
    }

    /** 2061-Q2 → 第二季度 (the year is in the title). */
    static String quarterLabel(String code) {
        int q = code.length() > 1 ? code.charAt(code.length() - 1) - '1' : -1;
        return code.contains("-Q") && q >= 0 && q < 4 ? QUARTERS[q] : code;
    }

    /** 2061年上半年, 2061年下半年 or 2061年度. */
    static String periodLabel(RankingSummary r) {
        int year = r.periodStart().getYear();
        if (r.kind() == PeriodKind.HALF_YEAR) {
            return year + "年" + (r.periodStart().getMonthValue() <= 6 ? "上半年" : "下半年");
        }
        return r.kind() == PeriodKind.YEAR ? year + "年度" : r.period();
    }

    private static String categoryLabel(String category) {
        if (category == null) {
            return null;
        }
        return switch (category) {
            case "PROFESSIONAL" -> "专业化";
            case "BASIC" -> "保障型";
            default -> category;
        };
    }

    private static BigDecimal plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
