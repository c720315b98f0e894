package cn.kaoping.voting.disclosure;

import cn.kaoping.shared.ValidationException;
import cn.kaoping.shared.ValidationException.FieldProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A half-year's statement of an estate's public money (seed 003 三、(二) 公开公共部位收益信息; 住宅专项维修资金): the
 * common-area income (parking, advertising, leases, other) and its use, and the maintenance fund's opening balance,
 * income, spending and closing balance, which must balance to the cent.
 */
public record FundStatement(String half, BigDecimal fundOpening, BigDecimal fundClosing, List<Line> lines) {

    private static final Pattern HALF = Pattern.compile("(\\d{4})-H([12])");
    static final BigDecimal MAX = new BigDecimal("999999999999.99");

    public enum Kind {
        COMMON_INCOME("公共收益收入"), COMMON_USE("公共收益支出"), FUND_INCOME("维修资金收入"), FUND_SPENDING("维修资金支出");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        static Kind ofLabel(String text) {
            for (Kind k : values()) {
                if (k.label.equals(text) || k.name().equalsIgnoreCase(text)) {
                    return k;
                }
            }
            return null;
        }
    }

    /**
     * One line: e.g. 公共收益收入 · 停车 · 地面停车位 2026 年上半年 · 12,000.00. A maintenance-fund spending line names
     * the owners' vote that decided it (民法典 art. 278 item 5, 使用维修资金), when there was one.
     */
    public record Line(Kind kind, String item, String note, BigDecimal amount, Long voteId) {

        public Line(Kind kind, String item, String note, BigDecimal amount) {
            this(kind, item, note, amount, null);
        }
    }

    public FundStatement {
        lines = List.copyOf(lines);
    }

    public BigDecimal total(Kind kind) {
        return lines.stream().filter(l -> l.kind() == kind).map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Common-area income left after its use in the half-year (may be negative). */
    public BigDecimal commonBalance() {
        return total(Kind.COMMON_INCOME).subtract(total(Kind.COMMON_USE));
    }

    /**
     * The day the statement of a half-year is due: the first half's on {@code firstHalf} of the same year, the second
     * half's on {@code secondHalf} of the next (by default 31 July and 31 January; {@link StatementDeadlines}).
     */
    static LocalDate dueOn(String half, MonthDay firstHalf, MonthDay secondHalf) {
        Matcher m = HALF.matcher(half);
        if (!m.matches()) {
            throw new IllegalArgumentException(half);
        }
        int year = Integer.parseInt(m.group(1));
        return m.group(2).equals("1") ? firstHalf.atYear(year) : secondHalf.atYear(year + 1);
    }

    /** The last half-year that has ended on the day. */
    public static String lastEndedHalf(LocalDate day) {
        return day.getMonthValue() >= 7 ? day.getYear() + "-H1" : (day.getYear() - 1) + "-H2";
    }

    /**
     * Checks a statement field by field: the half-year, amounts of at most two decimals, no negative line, and the
     * maintenance fund balancing exactly (closing = opening + income − spending).
     *
     * @throws ValidationException listing every problem
     */
    public static FundStatement checked(String half, BigDecimal opening, BigDecimal closing, List<Line> lines) {
        List<FieldProblem> problems = new ArrayList<>();
        String h = half == null ? null : half.strip().toUpperCase(Locale.ROOT);
        if (h == null || !HALF.matcher(h).matches()) {
            problems.add(new FieldProblem("half", "请填写半年度，例如 2026-H1（上半年）或 2026-H2（下半年）"));
        }
        amount("fundOpening", "维修资金期初余额", opening, true, problems);
        amount("fundClosing", "维修资金期末余额", closing, true, problems);
        List<Line> kept = lines == null ? List.of() : lines;
        for (int i = 0; i < kept.size(); i++) {
            Line l = kept.get(i);
            String at = "lines[" + i + "]";
            if (l.kind() == null) {
                problems.add(new FieldProblem(at + ".kind", "第 " + (i + 1) + " 行的类别应为公共收益收入、公共收益支出、维修资金收入或维修资金支出"));
            }
            if (l.item() == null || l.item().isBlank() || l.item().length() > 100) {
                problems.add(new FieldProblem(at + ".item", "第 " + (i + 1) + " 行缺少项目（最多 100 字）"));
            }
            if (l.note() != null && l.note().length() > 500) {
                problems.add(new FieldProblem(at + ".note", "第 " + (i + 1) + " 行的说明最多 500 字"));
            }
            amount(at + ".amount", "第 " + (i + 1) + " 行的金额", l.amount(), false, problems);
            if (l.voteId() != null && l.kind() != Kind.FUND_SPENDING) {
                problems.add(new FieldProblem(at + ".voteId", "第 " + (i + 1) + " 行：只有维修资金支出可以注明业主表决"));
            }
        }
        if (problems.isEmpty()) {
            FundStatement s = new FundStatement(h, opening, closing, kept);
            BigDecimal expected = opening.add(s.total(Kind.FUND_INCOME)).subtract(s.total(Kind.FUND_SPENDING));
            if (expected.compareTo(closing) != 0) {
                problems.add(new FieldProblem("fundClosing", "维修资金不平衡：期初 " + opening.toPlainString() + " + 收入 "
                        + s.total(Kind.FUND_INCOME).toPlainString() + " − 支出 " + s.total(Kind.FUND_SPENDING).toPlainString()
                        + " = " + expected.toPlainString() + "，与期末余额 " + closing.toPlainString() + " 不符"));
            } else {
                return s;
            }
        }
        throw new ValidationException(problems);
    }

    private static void amount(String field, String label, BigDecimal value, boolean mayBeNegative,
                               List<FieldProblem> problems) {
        if (value == null) {
            problems.add(new FieldProblem(field, "请填写" + label));
        } else if (value.scale() > 2 && value.stripTrailingZeros().scale() > 2) {
            problems.add(new FieldProblem(field, label + "最多两位小数（分）"));
        } else if (value.abs().compareTo(MAX) > 0 || (!mayBeNegative && value.signum() < 0)) {
            problems.add(new FieldProblem(field, label + (mayBeNegative ? "超出范围" : "应为 0 或正数")));
        }
    }

    static Kind kind(String text) {
        return text == null ? null : Kind.ofLabel(text.strip());
    }
}
