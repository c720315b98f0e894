package cn.kaoping.voting.web;

import cn.kaoping.shared.ValidationException;
import cn.kaoping.voting.internal.CountRoll.UnitInput;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a roll pasted from a spreadsheet or typed: one unit a line, columns separated by tabs or commas (full-width
 * too): 房号, 业主, 面积（㎡）, 表决意见 (同意/反对/弃权, empty when the unit did not vote), and optionally 是 when the
 * unit is the developer's, unsold or undelivered. A header line and lines starting with {@code #} are skipped.
 */
final class RollText {

    private RollText() {
    }

    static List<UnitInput> parse(String text) {
        List<UnitInput> units = new ArrayList<>();
        if (text == null) {
            return units;
        }
        String[] lines = text.split("\\R");
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#") || (units.isEmpty() && line.contains("面积"))) {
                continue;
            }
            String[] cols = line.split("\\s*[\\t,，]\\s*", -1);
            if (cols.length < 3) {
                throw new ValidationException("roll", "第 " + (n + 1) + " 行应至少有房号、业主、面积三列");
            }
            BigDecimal area;
            try {
                area = new BigDecimal(cols[2].strip());
            } catch (NumberFormatException e) {
                throw new ValidationException("roll", "第 " + (n + 1) + " 行的面积“" + cols[2] + "”不是数字");
            }
            String ballot = cols.length > 3 ? cols[3].strip() : null;
            boolean unsold = cols.length > 4 && List.of("是", "未售", "未交付", "Y", "y", "true").contains(cols[4].strip());
            units.add(new UnitInput(cols[0].strip(), cols[1].strip(), area, unsold, ballot));
        }
        return units;
    }
}
