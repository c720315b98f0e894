package cn.kaoping.voting.disclosure;

import cn.kaoping.shared.ValidationException;
import cn.kaoping.shared.ValidationException.FieldProblem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What the company publishes about its service at an estate (seed 003 三、(二): 公开服务价格、标准和内容，公开投诉渠道和
 * 方式): the service items, the service grade and standard, the fees and how they are charged, the service phone and
 * the complaint channels (hotline, street office, 12345).
 */
public record ServiceDisclosure(String services, String grade, String standard, List<Fee> fees, String servicePhone,
                                String channels) {

    /** A fee: e.g. 物业服务费 · 2.00 · 元/㎡·月 · 按建筑面积按月收取. */
    public record Fee(String item, BigDecimal price, String unit, String basis) {
    }

    public ServiceDisclosure {
        fees = fees == null ? List.of() : List.copyOf(fees);
    }

    /** @throws ValidationException listing every problem */
    public static ServiceDisclosure checked(String services, String grade, String standard, List<Fee> fees,
                                            String servicePhone, String channels) {
        List<FieldProblem> problems = new ArrayList<>();
        text("services", "服务内容", services, 5000, problems);
        text("grade", "服务等级", grade, 200, problems);
        text("standard", "服务标准", standard, 5000, problems);
        text("servicePhone", "服务电话", servicePhone, 50, problems);
        text("channels", "投诉渠道", channels, 1000, problems);
        List<Fee> kept = fees == null ? List.of() : fees;
        if (kept.isEmpty()) {
            problems.add(new FieldProblem("fees", "请至少公布一项收费（项目、单价、计费单位、收费方式）"));
        }
        for (int i = 0; i < kept.size(); i++) {
            Fee f = kept.get(i);
            String at = "fees[" + i + "]";
            if (f == null || f.item() == null || f.item().isBlank() || f.item().length() > 100) {
                problems.add(new FieldProblem(at + ".item", "第 " + (i + 1) + " 项收费缺少项目名称"));
                continue;
            }
            if (f.price() == null || f.price().signum() < 0 || f.price().stripTrailingZeros().scale() > 4
                    || f.price().compareTo(FundStatement.MAX) > 0) {
                problems.add(new FieldProblem(at + ".price", "第 " + (i + 1) + " 项收费的单价应为 0 或正数（最多四位小数）"));
            }
            if (f.unit() == null || f.unit().isBlank() || f.unit().length() > 50) {
                problems.add(new FieldProblem(at + ".unit", "第 " + (i + 1) + " 项收费缺少计费单位，例如 元/㎡·月"));
            }
            if (f.basis() != null && f.basis().length() > 500) {
                problems.add(new FieldProblem(at + ".basis", "第 " + (i + 1) + " 项收费的收费方式最多 500 字"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new ServiceDisclosure(services.strip(), grade.strip(), standard.strip(), kept, servicePhone.strip(),
                channels.strip());
    }

    private static void text(String field, String label, String value, int max, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "请填写" + label));
        } else if (value.length() > max) {
            problems.add(new FieldProblem(field, label + "最多 " + max + " 字"));
        }
    }
}
