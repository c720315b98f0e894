package cn.kaoping.scheme.engine;

import cn.kaoping.scheme.engine.Item.Mode;
import cn.kaoping.scheme.engine.Milestone.Repeat;
import cn.kaoping.scheme.engine.Tiered.Measure;
import cn.kaoping.scheme.engine.Tiered.Tier;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads one scheme document, collecting every problem before giving up. */
final class SchemeReader {

    private static final Pattern SCHEME_CODE = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final List<String> MODES = List.of("deduct", "earn");
    private static final List<String> KINDS =
            List.of("per-occurrence", "condition", "milestone", "tiered", "peer-rank", "bonus");
    private static final List<String> REPEATS = List.of("monthly", "quarterly", "half-yearly", "yearly");
    private static final List<String> MEASURES = List.of("rate", "number");
    private static final List<String> IF_NONE = List.of("full", "zero");
    private static final List<String> SOURCES = List.of("value", "satisfaction");

    private final String file;
    private final List<SchemeProblem> problems = new ArrayList<>();
    /** Codes a fact can address (rules, parts, vetoes) share one namespace. */
    private final Map<String, String> factCodes = new HashMap<>();
    private final Map<String, String> itemCodes = new HashMap<>();

    SchemeReader(String file) {
        this.file = file;
    }

    void problem(Node at, String field, String message) {
        problems.add(new SchemeProblem(file, at == null ? 0 : at.getStartMark().getLine() + 1, field, message));
    }

    private void problem(int line, String field, String message) {
        problems.add(new SchemeProblem(file, line, field, message));
    }

    Scheme read(Reader text) {
        Node root = compose(text);
        YamlFields top = root == null ? null : YamlFields.of(this, "", root);
        Scheme scheme = top == null ? null : scheme(top);
        if (!problems.isEmpty() || scheme == null) {
            if (problems.isEmpty()) {
                problem(1, "", "文件为空");
            }
            throw new SchemeFormatException(problems);
        }
        return scheme;
    }

    private Node compose(Reader text) {
        try {
            Node root = new Yaml(new LoaderOptions()).compose(text);
            if (root == null) {
                problem(1, "", "文件为空");
            }
            return root;
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            problem(mark == null ? 0 : mark.getLine() + 1, "", "YAML 语法错误：" + e.getProblem());
        } catch (YAMLException e) {
            problem(0, "", "YAML 无法读取：" + e.getMessage());
        }
        return null;
    }

    private Scheme scheme(YamlFields top) {
        String code = top.text("code", true);
        if (code != null && !SCHEME_CODE.matcher(code).matches()) {
            problem(top.lineOf("code"), "code", "方案编号只能由小写字母、数字和连字符组成");
        }
        Integer version = top.integer("version", true);
        if (version != null && version < 1) {
            problem(top.lineOf("version"), "version", "版本号必须从 1 开始");
        }
        String title = top.text("title", true);
        String source = top.text("source", false);
        BigDecimal max = positive(top, "max", true);
        BigDecimal passMark = top.decimal("pass-mark", false);
        Map<String, String> settings = top.texts("settings");
        if (settings != null && settings.containsKey("assesses")) {
            try {
                Scheme.Subject.ofCode(settings.get("assesses"));
            } catch (IllegalArgumentException e) {
                problem(top.lineOf("settings"), "settings.assesses", e.getMessage());
            }
        }
        List<GradeBand> grades = grades(top);
        List<Item> items = new ArrayList<>();
        top.list("items", false).forEach(f -> add(items, item(f)));
        List<Part> parts = new ArrayList<>();
        top.list("parts", false).forEach(f -> add(parts, part(f)));
        List<Veto> vetoes = new ArrayList<>();
        top.list("vetoes", false).forEach(f -> add(vetoes, veto(f)));
        top.rejectUnknown();

        if (!top.has("items") && !top.has("parts")) {
            problem(top.node(), "items", "方案至少需要考核项 items 或分项 parts");
        } else if (top.has("items") && top.has("parts")) {
            problem(top.lineOf("parts"), "parts", "items 与 parts 只能用其一");
        }
        checkTotals(top, max, items, parts);
        if (max != null && passMark != null && (passMark.signum() < 0 || passMark.compareTo(max) > 0)) {
            problem(top.lineOf("pass-mark"), "pass-mark", "合格线必须在 0 到满分之间");
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new Scheme(code, version, title, source, max, passMark, settings, grades, items, parts, vetoes);
    }

    private static <T> void add(List<T> list, T element) {
        if (element != null) {
            list.add(element);
        }
    }

    private void checkTotals(YamlFields top, BigDecimal max, List<Item> items, List<Part> parts) {
        if (max == null) {
            return;
        }
        if (!items.isEmpty()) {
            BigDecimal sum = items.stream().map(Item::max).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.compareTo(max) != 0) {
                problem(top.lineOf("max"), "max", "满分 " + Points.format(max) + " 与各项分值之和 "
                        + Points.format(sum) + " 不一致");
            }
        }
        if (!parts.isEmpty()) {
            BigDecimal weights = parts.stream().map(Part::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (weights.compareTo(Points.HUNDRED) != 0) {
                problem(top.lineOf("parts"), "parts", "各分项权重之和应为 100，现为 " + Points.format(weights));
            }
            if (max.compareTo(Points.HUNDRED) != 0) {
                problem(top.lineOf("max"), "max", "分项方案按百分制计，满分应为 100");
            }
        }
    }

    private List<GradeBand> grades(YamlFields top) {
        List<GradeBand> grades = new ArrayList<>();
        BigDecimal previous = null;
        for (YamlFields f : top.list("grades", false)) {
            String code = f.text("code", true);
            String label = f.text("label", true);
            BigDecimal min = f.decimal("min", true);
            f.rejectUnknown();
            if (min != null && previous != null && min.compareTo(previous) >= 0) {
                problem(f.lineOf("min"), f.field("min"), "等次应按下限从高到低排列，且下限不能重复");
            }
            if (min != null) {
                previous = min;
            }
            if (code != null && label != null && min != null) {
                grades.add(new GradeBand(code, label, min));
            }
        }
        return grades;
    }

    private Item item(YamlFields f) {
        String code = f.text("code", true);
        if (code != null && itemCodes.putIfAbsent(code, f.path()) != null) {
            problem(f.lineOf("code"), f.field("code"), "考核项编号 " + code + " 与 " + itemCodes.get(code) + " 重复");
        }
        String title = f.text("title", true);
        String group = f.text("group", false);
        String assessor = f.text("assessor", false);
        BigDecimal max = positive(f, "max", true);
        String mode = f.choice("mode", false, MODES);
        String seed = f.text("seed", false);
        String standard = f.text("standard", false);
        List<Rule> rules = new ArrayList<>();
        List<YamlFields> ruleFields = f.list("rules", true);
        if (f.has("rules") && ruleFields.isEmpty()) {
            problem(f.lineOf("rules"), f.field("rules"), "考核项至少需要一条规则");
        }
        for (YamlFields r : ruleFields) {
            add(rules, rule(r));
        }
        f.rejectUnknown();
        if (code == null || title == null || max == null || (f.has("mode") && mode == null)) {
            return null;
        }
        Mode itemMode = mode == null ? Mode.DEDUCT : Mode.valueOf(mode.toUpperCase(Locale.ROOT));
        return new Item(code, title, group, assessor, max, itemMode, seed, standard, rules);
    }

    private Rule rule(YamlFields f) {
        String code = factCode(f);
        String label = f.text("label", true);
        String kind = f.choice("kind", true, KINDS);
        Rule rule = kind == null ? null : switch (kind) {
            case "per-occurrence" -> perOccurrence(f, code, label);
            case "bonus" -> bonus(f, code, label);
            case "condition" -> condition(f, code, label);
            case "milestone" -> milestone(f, code, label);
            case "tiered" -> tiered(f, code, label);
            case "peer-rank" -> peerRank(f, code, label);
            default -> throw new IllegalStateException(kind);
        };
        f.rejectUnknown();
        return code == null || label == null ? null : rule;
    }

    private String factCode(YamlFields f) {
        String code = f.text("code", true);
        if (code != null && factCodes.putIfAbsent(code, f.path()) != null) {
            problem(f.lineOf("code"), f.field("code"), "编号 " + code + " 与 " + factCodes.get(code) + " 重复");
        }
        return code;
    }

    private Rule perOccurrence(YamlFields f, String code, String label) {
        String unit = f.text("unit", false);
        BigDecimal points = nonZero(f, "points");
        BigDecimal cap = positive(f, "cap", false);
        return points == null ? null : new PerOccurrence(code, label, unit, points, cap);
    }

    private Rule bonus(YamlFields f, String code, String label) {
        String unit = f.text("unit", false);
        BigDecimal points = positive(f, "points", true);
        BigDecimal cap = positive(f, "cap", false);
        return points == null ? null : new Bonus(code, label, unit, points, cap);
    }

    private Rule condition(YamlFields f, String code, String label) {
        BigDecimal points = nonZero(f, "points");
        return points == null ? null : new Condition(code, label, points);
    }

    private Rule milestone(YamlFields f, String code, String label) {
        boolean relative = f.has("due-day");
        if (relative && f.has("due")) {
            problem(f.lineOf("due-day"), f.field("due-day"), "due 与 due-day 只能写一个：固定日期用 due，每期的日子用 due-day");
        }
        LocalDate due = relative ? null : f.date("due", true);
        Integer dueDay = relative ? f.integer("due-day", true) : null;
        if (dueDay != null && (dueDay < 1 || dueDay > 31)) {
            problem(f.lineOf("due-day"), f.field("due-day"), "due-day 是每期最后一个月的第几日，应在 1 到 31 之间");
        }
        if (relative && !f.has("repeat")) {
            problem(f.lineOf("due-day"), f.field("due-day"), "due-day 需要同时写 repeat（如 quarterly：每季度最后一个月）");
        }
        String repeat = f.choice("repeat", false, REPEATS);
        LocalDate until = relative ? null : f.date("until", f.has("repeat"));
        if (relative && f.has("until")) {
            problem(f.lineOf("until"), f.field("until"), "按期计算的时间节点（due-day）每期都有，不写 until");
        }
        if (!relative && !f.has("repeat") && f.has("until")) {
            problem(f.lineOf("until"), f.field("until"), "until 只用于周期性时间节点（需同时写 repeat）");
        }
        if (due != null && until != null && until.isBefore(due)) {
            problem(f.lineOf("until"), f.field("until"), "until 不能早于第一个截止日期 due");
        }
        BigDecimal late = notPositive(f, "late", f.decimal("late", true));
        String missingText = f.text("missing", false);
        boolean forfeits = "all".equals(missingText);
        BigDecimal missing = forfeits ? null
                : notPositive(f, "missing", f.decimal(missingText, f.lineOf("missing"), f.field("missing")));
        boolean whenValid = relative ? dueDay != null && dueDay >= 1 && dueDay <= 31 && repeat != null
                : due != null && (!f.has("repeat") || (repeat != null && until != null));
        if (!whenValid || late == null || (missingText != null && !forfeits && missing == null)) {
            return null;
        }
        Repeat r = repeat == null ? null : Repeat.valueOf(repeat.toUpperCase(Locale.ROOT).replace('-', '_'));
        return relative ? Milestone.relative(code, label, r, dueDay, late, missing, forfeits)
                : new Milestone(code, label, due, r, until, late, missing, forfeits);
    }

    private Rule tiered(YamlFields f, String code, String label) {
        String measure = f.choice("measure", false, MEASURES);
        boolean rate = !"number".equals(measure);
        BigDecimal minSample = f.decimal("min-sample", false);
        String ifNone = f.choice("if-none", false, IF_NONE);
        if (minSample != null && (minSample.signum() <= 0 || minSample.compareTo(BigDecimal.ONE) > 0)) {
            problem(f.lineOf("min-sample"), f.field("min-sample"), "最低样本比例应大于 0 且不超过 1（如 0.10）");
        }
        List<Tier> tiers = new ArrayList<>();
        List<YamlFields> tierFields = f.list("tiers", true);
        if (f.has("tiers") && tierFields.isEmpty()) {
            problem(f.lineOf("tiers"), f.field("tiers"), "分档规则至少需要一档");
        }
        BigDecimal previous = null;
        for (YamlFields t : tierFields) {
            BigDecimal min = t.decimal("min", true);
            BigDecimal points = t.decimal("points", true);
            t.rejectUnknown();
            if (min == null || points == null) {
                continue;
            }
            if (rate && (min.signum() < 0 || min.compareTo(BigDecimal.ONE) > 0)) {
                problem(t.lineOf("min"), t.field("min"), "比例门槛应在 0 到 1 之间（如 0.80 表示 80%）");
            }
            if (previous != null && min.compareTo(previous) >= 0) {
                problem(t.lineOf("min"), t.field("min"), "各档门槛应从高到低排列，且不能重复");
            }
            previous = min;
            tiers.add(new Tier(min, points));
        }
        if (tiers.size() != tierFields.size() || tiers.isEmpty() || (f.has("measure") && measure == null)) {
            return null;
        }
        return new Tiered(code, label, rate ? Measure.RATE : Measure.NUMBER, minSample, tiers,
                ifNone == null ? null : Tiered.IfNone.valueOf(ifNone.toUpperCase(Locale.ROOT)));
    }

    private Rule peerRank(YamlFields f, String code, String label) {
        List<ScalarNode> nodes = f.scalars("points", true);
        if (nodes == null) {
            return null;
        }
        if (nodes.isEmpty()) {
            problem(f.lineOf("points"), f.field("points"), "排名规则至少需要一个名次的分值");
            return null;
        }
        List<BigDecimal> points = new ArrayList<>();
        for (ScalarNode n : nodes) {
            add(points, f.decimal(n.getValue(), n, f.field("points")));
        }
        return points.size() == nodes.size() ? new PeerRank(code, label, points) : null;
    }

    private Part part(YamlFields f) {
        String code = factCode(f);
        String title = f.text("title", true);
        String source = f.choice("source", false, SOURCES);
        BigDecimal weight = positive(f, "weight", true);
        BigDecimal floor = f.decimal("floor", false);
        if (floor != null && (floor.signum() < 0 || floor.compareTo(Points.HUNDRED) > 0)) {
            problem(f.lineOf("floor"), f.field("floor"), "最低标准线应在 0 到 100 之间");
        }
        f.rejectUnknown();
        if (code == null || title == null || weight == null || (f.has("source") && source == null)) {
            return null;
        }
        return new Part(code, title, "satisfaction".equals(source) ? Part.Source.SATISFACTION : Part.Source.VALUE,
                weight, floor);
    }

    private Veto veto(YamlFields f) {
        String code = factCode(f);
        String title = f.text("title", true);
        f.rejectUnknown();
        return code == null || title == null ? null : new Veto(code, title);
    }

    private BigDecimal positive(YamlFields f, String name, boolean required) {
        BigDecimal value = f.decimal(name, required);
        if (value != null && value.signum() <= 0) {
            problem(f.lineOf(name), f.field(name), "应为正数");
            return null;
        }
        return value;
    }

    private BigDecimal nonZero(YamlFields f, String name) {
        BigDecimal value = f.decimal(name, true);
        if (value != null && value.signum() == 0) {
            problem(f.lineOf(name), f.field(name), "分值不能为 0（扣分写负数，加分写正数）");
            return null;
        }
        return value;
    }

    private BigDecimal notPositive(YamlFields f, String name, BigDecimal value) {
        if (value != null && value.signum() > 0) {
            problem(f.lineOf(name), f.field(name), "扣分应写作负数或 0（如 -1）");
            return null;
        }
        return value;
    }
}
