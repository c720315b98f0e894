package cn.kaoping.voting.internal;

import cn.kaoping.shared.ValidationException;
import cn.kaoping.shared.ValidationException.FieldProblem;
import cn.kaoping.voting.rules.Ballot;
import cn.kaoping.voting.rules.InvalidRollException;
import cn.kaoping.voting.rules.Matter;
import cn.kaoping.voting.rules.OwnerVote;
import cn.kaoping.voting.rules.RollUnit;
import cn.kaoping.voting.rules.Tally;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Counts a roll the caller gives (the public tally: an owners' committee trying numbers before a vote). The same
 * {@link OwnerVote} rules count every real vote. Bad input is a {@link ValidationException} naming the field.
 */
@Component
public class CountRoll {

    /** The longest roll one request may carry (a large estate has a few thousand units). */
    static final int MAX_UNITS = 20_000;

    /** One unit as a caller writes it; the ballot is FOR, AGAINST, ABSTAIN, 同意, 反对, 弃权, or absent. */
    public record UnitInput(String unit, String owner, BigDecimal area, Boolean unsold, String ballot) {
    }

    public Tally count(Integer matter, List<UnitInput> units) {
        List<FieldProblem> problems = new ArrayList<>();
        Matter m = null;
        if (matter == null) {
            problems.add(new FieldProblem("matter", "请选择表决事项（民法典第二百七十八条第一款第一项至第九项，1–9）"));
        } else {
            try {
                m = Matter.ofItem(matter);
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("matter", e.getMessage()));
            }
        }
        List<RollUnit> roll = new ArrayList<>();
        if (units == null || units.isEmpty()) {
            problems.add(new FieldProblem("units", "表决名册为空：请至少列出一个专有部分"));
        } else if (units.size() > MAX_UNITS) {
            problems.add(new FieldProblem("units", "一次最多计算 " + MAX_UNITS + " 个专有部分"));
        } else {
            for (int i = 0; i < units.size(); i++) {
                RollUnit u = unit(i, units.get(i), problems);
                if (u != null) {
                    roll.add(u);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        try {
            return OwnerVote.count(m, roll);
        } catch (InvalidRollException e) {
            throw new ValidationException(e.problems().stream().map(p -> new FieldProblem(
                    p.index() < 0 ? p.field() : "units[" + p.index() + "]." + p.field(), p.message())).toList());
        }
    }

    private static RollUnit unit(int i, UnitInput in, List<FieldProblem> problems) {
        String at = "units[" + i + "]";
        if (in == null) {
            problems.add(new FieldProblem(at, "第 " + (i + 1) + " 个专有部分为空"));
            return null;
        }
        int before = problems.size();
        if (in.unit() == null || in.unit().isBlank()) {
            problems.add(new FieldProblem(at + ".unit", "第 " + (i + 1) + " 个专有部分缺少房号 unit"));
        } else if (in.unit().length() > 100) {
            problems.add(new FieldProblem(at + ".unit", "第 " + (i + 1) + " 个专有部分的房号过长（最多 100 字）"));
        }
        if (in.owner() != null && in.owner().length() > 100) {
            problems.add(new FieldProblem(at + ".owner", "第 " + (i + 1) + " 个专有部分的业主姓名过长（最多 100 字）"));
        }
        if (in.area() == null) {
            problems.add(new FieldProblem(at + ".area", "第 " + (i + 1) + " 个专有部分缺少面积 area（㎡）"));
        } else if (in.area().signum() < 0 || in.area().compareTo(new BigDecimal("1000000")) > 0) {
            problems.add(new FieldProblem(at + ".area", "第 " + (i + 1) + " 个专有部分的面积应在 0 到 1,000,000 ㎡ 之间"));
        }
        Ballot ballot = null;
        if (in.ballot() != null && !in.ballot().isBlank()) {
            ballot = ballot(in.ballot());
            if (ballot == null) {
                problems.add(new FieldProblem(at + ".ballot", "第 " + (i + 1) + " 个专有部分的表决意见“" + in.ballot()
                        + "”无法识别（FOR/同意、AGAINST/反对、ABSTAIN/弃权，未投票则不填）"));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new RollUnit(in.unit().strip(), in.owner(), in.area(), Boolean.TRUE.equals(in.unsold()), ballot);
    }

    static Ballot ballot(String text) {
        return switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "FOR", "同意", "赞成" -> Ballot.FOR;
            case "AGAINST", "反对", "不同意" -> Ballot.AGAINST;
            case "ABSTAIN", "弃权" -> Ballot.ABSTAIN;
            default -> null;
        };
    }
}
