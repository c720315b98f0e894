package cn.kaoping.voting.disclosure;

import cn.kaoping.platform.excel.Cells;
import cn.kaoping.platform.excel.ExcelColumns;
import cn.kaoping.platform.excel.ImportProblem;
import cn.kaoping.platform.excel.SheetRow;
import cn.kaoping.platform.excel.Spreadsheets;
import cn.kaoping.shared.ValidationException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The half-year statement as the company keeps it in Excel (documented in docs/voting.md): one sheet 收支公示 with the
 * columns 类别, 项目, 说明, 金额（元）, 业主表决编号 (for a fund spending decided by the owners, item 5). 类别 is 公共收益收入, 公共收益支出, 维修资金收入, 维修资金支出, or one of the two
 * balance rows 维修资金期初余额 and 维修资金期末余额 (their 项目 may be empty). Every bad row is reported with its
 * number; nothing is stored unless the whole sheet is good and balances.
 */
public final class StatementSheet {

    static final String OPENING = "维修资金期初余额";
    static final String CLOSING = "维修资金期末余额";

    public static final ExcelColumns LAYOUT = new ExcelColumns("收支公示", List.of(
            new ExcelColumns.Column("类别", "公共收益收入、公共收益支出、维修资金收入、维修资金支出、维修资金期初余额、维修资金期末余额"),
            new ExcelColumns.Column("项目", "例如 停车、广告、租赁、其他；电梯维修"),
            new ExcelColumns.Column("说明", "可不填"),
            new ExcelColumns.Column("金额（元）", "0 或正数，最多两位小数；余额可为负数"),
            new ExcelColumns.Column("业主表决编号", "动用维修资金的，填业主共同决定（第五项）的表决编号；其他可不填")));

    private StatementSheet() {
    }

    /** The template to fill in. */
    public static byte[] template() {
        return Spreadsheets.template(LAYOUT);
    }

    /**
     * Reads and checks a filled-in sheet for the half-year.
     *
     * @throws ValidationException naming each bad row (field {@code file}), or the statement's own problems
     */
    public static FundStatement read(InputStream in, String half) {
        Spreadsheets.Read read = Spreadsheets.read(in, LAYOUT);
        List<ImportProblem> problems = new ArrayList<>(read.problems());
        BigDecimal opening = null;
        BigDecimal closing = null;
        List<FundStatement.Line> lines = new ArrayList<>();
        for (SheetRow row : read.rows()) {
            String kind = row.cell(0);
            BigDecimal amount = Cells.decimal(row.cell(3)).orElse(null);
            if (amount == null) {
                problems.add(new ImportProblem(row.number(), "金额（元）", "金额“" + row.cell(3) + "”不是数字"));
                continue;
            }
            if (OPENING.equals(kind)) {
                opening = amount;
            } else if (CLOSING.equals(kind)) {
                closing = amount;
            } else if (FundStatement.kind(kind) == null) {
                problems.add(new ImportProblem(row.number(), "类别", "类别“" + kind + "”无法识别"));
            } else if (row.cell(1).isEmpty()) {
                problems.add(new ImportProblem(row.number(), "项目", "缺少项目"));
            } else {
                Long vote = row.cell(4).isEmpty() ? null : Cells.whole(row.cell(4)).map(Long::valueOf).orElse(null);
                if (!row.cell(4).isEmpty() && vote == null) {
                    problems.add(new ImportProblem(row.number(), "业主表决编号", "表决编号“" + row.cell(4) + "”不是数字"));
                    continue;
                }
                lines.add(new FundStatement.Line(FundStatement.kind(kind), row.cell(1),
                        row.cell(2).isEmpty() ? null : row.cell(2), amount, vote));
            }
        }
        if (read.ok() && opening == null) {
            problems.add(new ImportProblem(0, "类别", "缺少“" + OPENING + "”一行"));
        }
        if (read.ok() && closing == null) {
            problems.add(new ImportProblem(0, "类别", "缺少“" + CLOSING + "”一行"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems.stream().map(pr -> new ValidationException.FieldProblem("file",
                    (pr.row() > 0 ? "第 " + pr.row() + " 行 " : "") + pr.message())).toList());
        }
        return FundStatement.checked(half, opening, closing, lines);
    }
}
