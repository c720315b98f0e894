package cn.kaoping.voting.disclosure.web;

import cn.kaoping.platform.excel.Cells;
import cn.kaoping.shared.ValidationException;
import cn.kaoping.voting.disclosure.FundStatement;
import cn.kaoping.voting.disclosure.ServiceDisclosure;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Lines typed or pasted from a spreadsheet into the accounts forms, one a line, columns separated by tabs or commas
 * (full-width too). Fees: 项目, 单价, 计费单位, 收费方式. Statement lines: 类别, 项目, 说明, 金额, and for a fund spending the number of the owners' vote that decided it.
 */
final class AccountsText {

    private AccountsText() {
    }

    static List<ServiceDisclosure.Fee> fees(String text) {
        List<ServiceDisclosure.Fee> fees = new ArrayList<>();
        int n = 0;
        for (String[] cols : rows(text)) {
            n++;
            int row = n;
            if (cols.length < 3) {
                throw new ValidationException("fees", "收费第 " + n + " 行应有项目、单价、计费单位三列（收费方式可选）");
            }
            BigDecimal price = Cells.decimal(cols[1]).orElseThrow(() -> new ValidationException("fees",
                    "收费第 " + row + " 行的单价“" + cols[1] + "”不是数字"));
            fees.add(new ServiceDisclosure.Fee(cols[0], price, cols[2], cols.length > 3 ? cols[3] : null));
        }
        return fees;
    }

    static List<FundStatement.Line> lines(String text) {
        List<FundStatement.Line> lines = new ArrayList<>();
        int n = 0;
        for (String[] cols : rows(text)) {
            n++;
            int row = n;
            if (cols.length < 4) {
                throw new ValidationException("lines", "收支第 " + n + " 行应有类别、项目、说明、金额四列（说明可空）");
            }
            BigDecimal amount = Cells.decimal(cols[3]).orElseThrow(() -> new ValidationException("lines",
                    "收支第 " + row + " 行的金额“" + cols[3] + "”不是数字"));
            FundStatement.Kind kind = null;
            for (FundStatement.Kind k : FundStatement.Kind.values()) {
                if (k.label().equals(cols[0]) || k.name().equalsIgnoreCase(cols[0])) {
                    kind = k;
                }
            }
            Long vote = cols.length > 4 && !cols[4].isEmpty() ? Cells.whole(cols[4]).map(Long::valueOf)
                    .orElseThrow(() -> new ValidationException("lines", "收支第 " + row + " 行的表决编号“" + cols[4]
                            + "”不是数字")) : null;
            lines.add(new FundStatement.Line(kind, cols[1], cols[2].isEmpty() ? null : cols[2], amount, vote));
        }
        return lines;
    }

    private static List<String[]> rows(String text) {
        List<String[]> rows = new ArrayList<>();
        if (text == null) {
            return rows;
        }
        for (String line : text.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#") || l.startsWith("项目") || l.startsWith("类别")) {
                continue;
            }
            String[] cols = l.split("\\s*[\\t,，]\\s*", -1);
            for (int i = 0; i < cols.length; i++) {
                cols[i] = cols[i].strip();
            }
            rows.add(cols);
        }
        return rows;
    }
}
