package cn.kaoping.inspection.web;

import cn.kaoping.inspection.internal.Finding;
import cn.kaoping.inspection.internal.RuleInput;
import cn.kaoping.platform.web.FormData;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the inspection form: per rule {@code count:<rule>}, {@code holds:<rule>}, {@code value:<rule>} (a percentage
 * for rate rules), {@code sample:<rule>} (a percentage) and {@code note:<rule>}; per deadline of a milestone rule
 * {@code date:<rule>@<due>} and {@code note:<rule>@<due>}. Only inputs present in the submission become findings.
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
            String k = r.key();
            boolean present = form.getValues().containsKey("count:" + k) || form.getValues().containsKey("holds:" + k)
                    || form.getValues().containsKey("value:" + k) || form.getValues().containsKey("note:" + k)
                    || form.getValues().containsKey("sample:" + k) || form.getValues().containsKey("date:" + k);
            if (!present) {
                continue;
            }
            if ("report".equals(r.input())) {
                LocalDate date = form.date("date:" + k);
                findings.add(Finding.report(r.code(), r.due(), date, form.text("note:" + k)));
                continue;
            }
            Integer count = "count".equals(r.input()) ? form.integer("count:" + k) : null;
            BigDecimal value = "value".equals(r.input()) ? percent(form.decimal("value:" + k), r.rate()) : null;
            BigDecimal sample = r.sampled() ? percent(form.decimal("sample:" + k), true) : null;
            boolean holds = "holds".equals(r.input()) && form.checkbox("holds:" + k);
            findings.add(new Finding(r.code(), count, holds, value, form.text("note:" + k), sample, null, null,
                    null));
        }
        return findings;
    }

    private static BigDecimal percent(BigDecimal typed, boolean rate) {
        return typed != null && rate ? typed.divide(HUNDRED, 6, RoundingMode.DOWN).stripTrailingZeros() : typed;
    }
}
