package cn.kaoping.voting.rules;

import cn.kaoping.voting.rules.Tally.Counts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Counts an owners' vote as 民法典 第二百七十八条 第二款 requires: owners holding at least two thirds of the
 * exclusive-part area and at least two thirds of the owners take part; items 6–8 then need at least three quarters
 * of the participating area and owners, every other item more than half of both (exactly half is not enough).
 * Area is each unit's registered exclusive-part area; headcount is one person per exclusive part, except that an
 * owner of several units is one person and the developer's unsold or undelivered units are one person together
 * (2009 建筑物区分所有权 judicial interpretation §8–9). Every comparison is made on exact numbers (a × 3 ≥ b × 2),
 * never on rounded percentages.
 */
public final class OwnerVote {

    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal THREE = BigDecimal.valueOf(3);
    private static final BigDecimal FOUR = BigDecimal.valueOf(4);

    private OwnerVote() {
    }

    /**
     * @throws InvalidRollException listing every unit that cannot be counted (a unit twice, one person with two
     *                              different ballots, an empty roll, no area at all)
     */
    public static Tally count(Matter matter, List<RollUnit> roll) {
        Objects.requireNonNull(matter, "matter");
        Map<String, Person> persons = persons(roll == null ? List.of() : roll);

        int totalPersons = persons.size();
        BigDecimal totalArea = BigDecimal.ZERO;
        int voted = 0;
        int consent = 0;
        int against = 0;
        int abstain = 0;
        BigDecimal votedArea = BigDecimal.ZERO;
        BigDecimal consentArea = BigDecimal.ZERO;
        BigDecimal againstArea = BigDecimal.ZERO;
        BigDecimal abstainArea = BigDecimal.ZERO;
        for (Person p : persons.values()) {
            totalArea = totalArea.add(p.area);
            if (p.ballot == null) {
                continue;
            }
            voted++;
            votedArea = votedArea.add(p.area);
            switch (p.ballot) {
                case FOR -> {
                    consent++;
                    consentArea = consentArea.add(p.area);
                }
                case AGAINST -> {
                    against++;
                    againstArea = againstArea.add(p.area);
                }
                case ABSTAIN -> {
                    abstain++;
                    abstainArea = abstainArea.add(p.area);
                }
            }
        }

        List<String> reasons = new ArrayList<>();
        boolean areaQuorum = votedArea.multiply(THREE).compareTo(totalArea.multiply(TWO)) >= 0;
        boolean headQuorum = (long) voted * 3 >= (long) totalPersons * 2;
        reasons.add("参与表决的专有部分面积 " + area(votedArea) + " ㎡ / 总面积 " + area(totalArea) + " ㎡（"
                + percent(votedArea, totalArea) + "）：" + area(votedArea) + " × 3 " + (areaQuorum ? "≥" : "<") + " "
                + area(totalArea) + " × 2，" + (areaQuorum ? "达到" : "未达到") + "三分之二以上");
        reasons.add("参与表决人数 " + voted + " 人 / 业主总人数 " + totalPersons + " 人（"
                + percent(BigDecimal.valueOf(voted), BigDecimal.valueOf(totalPersons)) + "）：" + voted + " × 3 "
                + (headQuorum ? "≥" : "<") + " " + totalPersons + " × 2，" + (headQuorum ? "达到" : "未达到") + "三分之二以上");
        boolean quorum = areaQuorum && headQuorum;

        boolean areaConsent;
        boolean headConsent;
        String bound;
        if (matter.qualified()) {
            bound = "四分之三以上";
            areaConsent = voted > 0 && consentArea.multiply(FOUR).compareTo(votedArea.multiply(THREE)) >= 0;
            headConsent = voted > 0 && (long) consent * 4 >= (long) voted * 3;
            reasons.add("同意的专有部分面积 " + area(consentArea) + " ㎡ / 参与表决面积 " + area(votedArea) + " ㎡（"
                    + percent(consentArea, votedArea) + "）：" + area(consentArea) + " × 4 " + (areaConsent ? "≥" : "<")
                    + " " + area(votedArea) + " × 3，" + (areaConsent ? "达到" : "未达到") + bound);
            reasons.add("同意人数 " + consent + " 人 / 参与表决人数 " + voted + " 人（"
                    + percent(BigDecimal.valueOf(consent), BigDecimal.valueOf(voted)) + "）：" + consent + " × 4 "
                    + (headConsent ? "≥" : "<") + " " + voted + " × 3，" + (headConsent ? "达到" : "未达到") + bound);
        } else {
            bound = "过半数";
            areaConsent = consentArea.multiply(TWO).compareTo(votedArea) > 0;
            headConsent = (long) consent * 2 > voted;
            reasons.add("同意的专有部分面积 " + area(consentArea) + " ㎡ / 参与表决面积 " + area(votedArea) + " ㎡（"
                    + percent(consentArea, votedArea) + "）：" + area(consentArea) + " × 2 " + (areaConsent ? ">" : "≤")
                    + " " + area(votedArea) + "，" + (areaConsent ? "超过" : "未超过") + "半数（恰好一半不算过半数）");
            reasons.add("同意人数 " + consent + " 人 / 参与表决人数 " + voted + " 人（"
                    + percent(BigDecimal.valueOf(consent), BigDecimal.valueOf(voted)) + "）：" + consent + " × 2 "
                    + (headConsent ? ">" : "≤") + " " + voted + "，" + (headConsent ? "超过" : "未超过") + "半数（恰好一半不算过半数）");
        }
        boolean passed = quorum && areaConsent && headConsent;
        String rule = "第" + matter.item() + "项事项（" + matter.label() + "）需参与表决专有部分面积" + bound
                + "的业主且参与表决人数" + bound + "的业主同意（民法典第二百七十八条第二款）";
        if (!quorum) {
            reasons.add("参与表决的业主未达到专有部分面积三分之二以上且人数三分之二以上，表决不成立，未通过");
        } else {
            reasons.add(rule + "：" + (passed ? "表决通过" : "未通过"));
        }
        if (abstain > 0) {
            reasons.add("弃权 " + abstain + " 人（" + area(abstainArea) + " ㎡）计入参与表决，不计入同意");
        }
        return new Tally(matter, quorum, passed, new Counts<>(totalPersons, voted, consent, against, abstain),
                new Counts<>(totalArea, votedArea, consentArea, againstArea, abstainArea), reasons);
    }

    private static Map<String, Person> persons(List<RollUnit> roll) {
        List<RollProblem> problems = new ArrayList<>();
        if (roll.isEmpty()) {
            problems.add(new RollProblem(-1, "units", "表决名册为空"));
        }
        Set<String> units = new HashSet<>();
        Map<String, Person> persons = new LinkedHashMap<>();
        for (int i = 0; i < roll.size(); i++) {
            RollUnit u = roll.get(i);
            if (u == null) {
                problems.add(new RollProblem(i, "unit", "专有部分为空"));
                continue;
            }
            if (!units.add(u.unit().strip())) {
                problems.add(new RollProblem(i, "unit", "专有部分 " + u.unit() + " 重复出现"));
                continue;
            }
            Person p = persons.computeIfAbsent(u.person(), k -> new Person(u));
            if (p != null && p.first != u) {
                if (!Objects.equals(p.ballot, u.ballot())) {
                    problems.add(new RollProblem(i, "ballot", (u.unsold() ? "建设单位未出售或未交付的专有部分"
                            : "业主 " + u.owner()) + " 只能投一票：专有部分 " + p.first.unit() + " 为"
                            + label(p.ballot) + "，" + u.unit() + " 为" + label(u.ballot())));
                    continue;
                }
                p.area = p.area.add(u.area());
            }
        }
        if (problems.isEmpty() && persons.values().stream().allMatch(p -> p.area.signum() == 0)) {
            problems.add(new RollProblem(-1, "area", "专有部分面积合计为 0，无法按面积计算"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRollException(problems);
        }
        return persons;
    }

    private static String label(Ballot b) {
        return b == null ? "未投票" : b.label();
    }

    private static String area(BigDecimal a) {
        return a.stripTrailingZeros().toPlainString();
    }

    /** A percentage for reading only, truncated (never rounded up to a bound); comparisons use exact numbers. */
    private static String percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return "—";
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 2, RoundingMode.DOWN).toPlainString() + "%";
    }

    private static final class Person {
        private final RollUnit first;
        private final Ballot ballot;
        private BigDecimal area;

        Person(RollUnit first) {
            this.first = first;
            this.ballot = first.ballot();
            this.area = first.area();
        }
    }
}
