package cn.kaoping.inspection.web;

import cn.kaoping.inspection.internal.Finding;
import cn.kaoping.inspection.internal.RuleInput;
import cn.kaoping.platform.web.FormData;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the inspection form: per rule {@code count:<rule>}, {@code holds:<rule>}, {@code value:<rule>} (a percentage
 * for rate rules) and {@code note:<rule>}. Only rules present in the submission become findings.
 */
final class FindingForm {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private FindingForm() {
    }

    static List<Finding> parse(FormData form, List<RuleInput> rules) {
        List<Finding> findings = new ArrayList<>();
        for (RuleInput r : rules) {
            if (!r.entered()) {
                continue;
            }
            String c = r.code();
            boolean present = form.getValues().containsKey("count:" + c) || form.getValues().containsKey("holds:" + c)
                    || form.getValues().containsKey("value:" + c) || form.getValues().containsKey("note:" + c);
            if (!present) {
                continue;
            }
            Integer count = "count".equals(r.input()) ? form.integer("count:" + c) : null;
            BigDecimal value = "value".equals(r.input()) ? form.decimal("value:" + c) : null;
            if (value != null && r.rate()) {
                value = value.divide(HUNDRED, 6, RoundingMode.HALF_UP).stripTrailingZeros();
            }
            boolean holds = "holds".equals(r.input()) && form.checkbox("holds:" + c);
            findings.add(new Finding(c, count, holds, value, form.text("note:" + c)));
        }
        return findings;
    }
}
