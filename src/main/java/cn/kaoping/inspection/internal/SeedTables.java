package cn.kaoping.inspection.internal;

import cn.kaoping.platform.excel.LayoutSheet;
import cn.kaoping.scheme.engine.GradeBand;
import cn.kaoping.scheme.engine.Item;
import cn.kaoping.scheme.engine.Scheme;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Collator;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The annex tables of the seeds filled from a published round, as sheets: the Erqi 评分细则 with one column per
 * estate holding the points it lost on each row (seed 004), and the Xigang 考核标准 with the 各街道得分 columns
 * holding each street office's points per row (seed 001). Plain functions of the scheme and the published scores.
 */
public final class SeedTables {

    /** More estates than this get one sheet per street office rather than one very wide sheet. */
    public static final int MAX_ESTATE_COLUMNS = 60;

    private static final Collator CHINESE = Collator.getInstance(Locale.CHINA);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private SeedTables() {
    }

    /** One estate's published result: its total, grade and the score of each item (by item code). */
    public record EstateScores(long inspectionId, long estateId, String estateName, long streetId,
                               String streetName, BigDecimal total, String gradeLabel, Map<String, BigDecimal> items) {
    }

    /** Which published revision the figures come from, for the note under the table. */
    public record Source(String roundName, String period, int revision, OffsetDateTime publishedAt, String hash) {

        String text() {
            return "数据来源：" + roundName + "（" + period + "）第 " + revision + " 版公布结果，"
                    + DAY.format(publishedAt.atZoneSameInstant(CHINA)) + "公布，SHA-256 "
                    + hash.substring(0, Math.min(12, hash.length())) + "…";
        }
    }

    // --- seed 004: one column per estate, points lost per row -----------------------------------------------------

    /**
     * The 评分细则 with one column per estate, street by street; more than {@link #MAX_ESTATE_COLUMNS} estates give
     * one sheet per street office.
     */
    public static List<LayoutSheet> estateColumns(Scheme scheme, List<EstateScores> estates, Source source) {
        List<EstateScores> sorted = new ArrayList<>(estates);
        sorted.sort(Comparator.comparing(EstateScores::streetName, CHINESE)
                .thenComparing(EstateScores::estateName, CHINESE).thenComparingLong(EstateScores::estateId));
        if (sorted.size() <= MAX_ESTATE_COLUMNS) {
            return List.of(estateSheet(scheme, "考核评分细则", scheme.title(), sorted, source));
        }
        Map<Long, List<EstateScores>> byStreet = new LinkedHashMap<>();
        sorted.forEach(e -> byStreet.computeIfAbsent(e.streetId(), k -> new ArrayList<>()).add(e));
        return byStreet.values().stream().map(street -> estateSheet(scheme, street.get(0).streetName(),
                scheme.title() + "（" + street.get(0).streetName() + "）", street, source)).toList();
    }

    private static LayoutSheet estateSheet(Scheme scheme, String sheetName, String title,
                                           List<EstateScores> estates, Source source) {
        List<List<String>> head = new ArrayList<>();
        for (String h : List.of("序号", "考核大项", "考核分项", "分值", "评分标准")) {
            head.add(List.of(title, h, h));
        }
        List<String> names = unique(estates.stream().map(EstateScores::estateName).toList());
        for (int i = 0; i < estates.size(); i++) {
            head.add(List.of(title, estates.get(i).streetName(), names.get(i)));
        }
        int[] widths = new int[head.size()];
        int[] fixed = {6, 12, 30, 6, 30};
        for (int c = 0; c < widths.length; c++) {
            widths[c] = c < fixed.length ? fixed[c] : 12;
        }
        LayoutSheet sheet = new LayoutSheet(sheetName, head, widths, 3, Set.of(2, 4));
        Map<String, BigDecimal> groupPoints = groupPoints(scheme);
        List<Item> items = scheme.items();
        for (Item item : items) {
            List<Object> row = new ArrayList<>(List.of(item.code(), groupLabel(item, groupPoints), text(item.title()),
                    item.max(), text(item.standard())));
            for (EstateScores e : estates) {
                BigDecimal score = e.items().get(item.code());
                row.add(score == null ? "" : plain(item.max().subtract(score)));
            }
            sheet.add(row);
        }
        sheet.mergeRuns(1, 0, items.size(), r -> items.get(r).group());

        List<Object> total = new ArrayList<>(List.of("得分", "", "", scheme.max(), ""));
        estates.forEach(e -> total.add(e.total() == null ? "" : plain(e.total())));
        int totalRow = sheet.add(total);
        sheet.merge(totalRow, totalRow, 0, 2);
        if (!scheme.grades().isEmpty()) {
            List<Object> grade = new ArrayList<>(List.of("等次", "", "", "", bands(scheme.grades())));
            estates.forEach(e -> grade.add(text(e.gradeLabel())));
            int gradeRow = sheet.add(grade);
            sheet.merge(gradeRow, gradeRow, 0, 2);
        }
        List<String> earned = items.stream().filter(i -> i.mode() == Item.Mode.EARN).map(Item::code).toList();
        sheet.note("说明：各小区列为该项扣分（分值减得分），未扣分为 0"
                + (earned.isEmpty() ? "" : "；第 " + String.join("、", earned) + " 项为得分项，未得到的分数计为扣分")
                + "；“得分”为百分制总分" + (scheme.grades().isEmpty() ? "" : "，“等次”按评分标准列所示分数段划定")
                + "。" + source.text(), fixed.length);
        return sheet;
    }

    // --- seed 001: one column per street office, the street's points per row --------------------------------------

    /**
     * The 考核标准 with the 各街道得分 columns: a street office's points on a row are the mean, over the estates of
     * that street inspected in the round, of the points each scored on the row (two decimals, half up); its 得分 is
     * the mean of those estates' totals.
     */
    public static LayoutSheet streetColumns(Scheme scheme, List<EstateScores> estates, Source source) {
        Map<Long, List<EstateScores>> byStreet = new LinkedHashMap<>();
        estates.stream().sorted(Comparator.comparing(EstateScores::streetName, CHINESE)
                        .thenComparingLong(EstateScores::streetId))
                .forEach(e -> byStreet.computeIfAbsent(e.streetId(), k -> new ArrayList<>()).add(e));
        List<List<EstateScores>> streets = new ArrayList<>(byStreet.values());

        String title = scheme.title();
        List<List<String>> head = new ArrayList<>();
        for (String h : List.of("序号", "考察类别", "考核单位", "考核内容", "时间节点", "评分办法", "分值")) {
            head.add(List.of(title, h, h));
        }
        List<String> names = unique(streets.stream().map(s -> s.get(0).streetName()).toList());
        names.forEach(n -> head.add(List.of(title, "各街道得分", n)));
        int[] widths = new int[head.size()];
        int[] fixed = {6, 10, 10, 24, 12, 36, 6};
        for (int c = 0; c < widths.length; c++) {
            widths[c] = c < fixed.length ? fixed[c] : 11;
        }
        LayoutSheet sheet = new LayoutSheet("考核标准", head, widths, 4, Set.of(3, 5));
        Map<String, BigDecimal> groupPoints = groupPoints(scheme);
        List<Item> items = scheme.items();
        for (Item item : items) {
            List<Object> row = new ArrayList<>(List.of(seedRow(item), groupLabel(item, groupPoints),
                    text(item.assessor()), baseTitle(item), timeNode(item), text(item.standard()), item.max()));
            for (List<EstateScores> street : streets) {
                BigDecimal mean = mean(street.stream().map(e -> e.items().get(item.code())).toList());
                row.add(mean == null ? "" : plain(mean));
            }
            sheet.add(row);
        }
        sheet.mergeRuns(0, 0, items.size(), r -> seedRow(items.get(r)));
        sheet.mergeRuns(1, 0, items.size(), r -> items.get(r).group());
        sheet.mergeRuns(2, 0, items.size(), r -> items.get(r).assessor() == null ? null
                : items.get(r).group() + "|" + items.get(r).assessor());
        sheet.mergeRuns(3, 0, items.size(), r -> seedRow(items.get(r)) + "|" + baseTitle(items.get(r)));

        List<Object> total = new ArrayList<>(List.of("得分", "", "", "", "", "", scheme.max()));
        List<Object> count = new ArrayList<>(List.of("参评小区（个）", "", "", "", "", "", ""));
        for (List<EstateScores> street : streets) {
            BigDecimal mean = mean(street.stream().map(EstateScores::total).toList());
            total.add(mean == null ? "" : plain(mean));
            count.add(street.size());
        }
        int totalRow = sheet.add(total);
        sheet.merge(totalRow, totalRow, 0, 5);
        int countRow = sheet.add(count);
        sheet.merge(countRow, countRow, 0, 5);
        sheet.note("说明：本轮考评按小区进行；各街道得分为该街道办事处辖区内参评小区在本轮检查中该项得分的算术平均值，"
                + "保留两位小数（四舍五入）；“得分”行为各参评小区总分的平均值，可能因逐项四舍五入而与各项之和略有出入。"
                + source.text(), fixed.length);
        return sheet;
    }

    /** The mean of the values present, two decimals, half up; null when none is. */
    public static BigDecimal mean(List<BigDecimal> values) {
        List<BigDecimal> present = values.stream().filter(v -> v != null).toList();
        if (present.isEmpty()) {
            return null;
        }
        return present.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(present.size()), 2, RoundingMode.HALF_UP);
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    /** The seed's row number: a time node "2.3" belongs to row 2. */
    static String seedRow(Item item) {
        int dot = item.code().indexOf('.');
        return dot < 0 ? item.code() : item.code().substring(0, dot);
    }

    /** The time node a Xigang item was split by, as its {@code seed} reference names it ("时间节点 9月15日"). */
    static String timeNode(Item item) {
        String seed = item.seed() == null ? "" : item.seed();
        int at = seed.indexOf("时间节点 ");
        return at < 0 ? "" : seed.substring(at + "时间节点 ".length()).strip();
    }

    /** A time node's title without the node in brackets, so the nodes of one seed row share their 考核内容. */
    static String baseTitle(Item item) {
        String title = text(item.title());
        if (item.code().contains(".") && title.endsWith("）") && title.lastIndexOf('（') > 0) {
            return title.substring(0, title.lastIndexOf('（'));
        }
        return title;
    }

    private static Map<String, BigDecimal> groupPoints(Scheme scheme) {
        Map<String, BigDecimal> points = new HashMap<>();
        scheme.items().stream().filter(i -> i.group() != null)
                .forEach(i -> points.merge(i.group(), i.max(), BigDecimal::add));
        return points;
    }

    /** 基础工作（20分）, as the seed prints a 考核大项 over its rows. */
    private static String groupLabel(Item item, Map<String, BigDecimal> groupPoints) {
        return item.group() == null ? "" : item.group() + "（" + plain(groupPoints.get(item.group())).toPlainString()
                + "分）";
    }

    /** 优秀≥95，良好≥85，合格≥70，不合格<70. */
    static String bands(List<GradeBand> grades) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < grades.size(); i++) {
            GradeBand g = grades.get(i);
            String label = g.label() == null ? g.code() : g.label();
            if (i == grades.size() - 1 && g.min().signum() == 0 && i > 0) {
                parts.add(label + "<" + plain(grades.get(i - 1).min()).toPlainString());
            } else {
                parts.add(label + "≥" + plain(g.min()).toPlainString());
            }
        }
        return String.join("，", parts);
    }

    /** Header labels made distinct, so that two estates of the same name are not merged into one header cell. */
    static List<String> unique(List<String> names) {
        Set<String> seen = new HashSet<>();
        List<String> result = new ArrayList<>();
        for (String n : names) {
            String name = n;
            for (int k = 2; !seen.add(name); k++) {
                name = n + "（" + k + "）";
            }
            result.add(name);
        }
        return result;
    }

    private static BigDecimal plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
