package cn.kaoping.voting.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** 民法典 第二百七十八条 and the 2009 judicial interpretation §8–9, each bound exactly. */
class OwnerVoteTests {

    private static RollUnit unit(String unit, String owner, String area, Ballot ballot) {
        return new RollUnit(unit, owner, new BigDecimal(area), false, ballot);
    }

    /** n owners of one unit each, 10 ㎡ apiece, the first {@code yes} for, the next {@code no} against. */
    private static List<RollUnit> owners(int n, int yes, int no, int abstain) {
        List<RollUnit> roll = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Ballot b = i < yes ? Ballot.FOR : i < yes + no ? Ballot.AGAINST : i < yes + no + abstain ? Ballot.ABSTAIN : null;
            roll.add(unit("1-" + (101 + i), "业主" + i, "10", b));
        }
        return roll;
    }

    @Test
    void exactlyTwoThirdsOfAreaAndOwnersTakingPartIsAQuorumAndOneFewerIsNot() {
        assertThat(OwnerVote.count(Matter.MANAGER, owners(3, 2, 0, 0)).quorumMet()).isTrue();
        assertThat(OwnerVote.count(Matter.MANAGER, owners(9, 6, 0, 0)).quorumMet()).isTrue();
        Tally short1 = OwnerVote.count(Matter.MANAGER, owners(9, 5, 0, 0));
        assertThat(short1.quorumMet()).isFalse();
        assertThat(short1.passed()).isFalse();
        assertThat(short1.reasons()).anyMatch(r -> r.contains("5 × 3 < 9 × 2") && r.contains("未达到三分之二以上"));
    }

    @Test
    void areaIsComparedAsAnExactFraction() {
        // 66.66 ㎡ of 100.00 ㎡ is short of two thirds, although it reads as 66.66 %; the headcount quorum holds (2 of 3)
        List<RollUnit> roll = List.of(unit("1", "甲", "33.33", Ballot.FOR), unit("2", "乙", "33.33", Ballot.FOR),
                unit("3", "丙", "33.34", null));
        Tally t = OwnerVote.count(Matter.MANAGER, roll);
        assertThat(t.area().voted()).isEqualByComparingTo("66.66");
        assertThat(t.quorumMet()).isFalse();
        assertThat(t.reasons().get(0)).contains("66.66 × 3 < 100 × 2");
        List<RollUnit> enough = List.of(unit("1", "甲", "33.34", Ballot.FOR), unit("2", "乙", "33.33", Ballot.FOR),
                unit("3", "丙", "33.33", null));
        assertThat(OwnerVote.count(Matter.MANAGER, enough).quorumMet()).isTrue();
    }

    @Test
    void exactlyHalfIsNotMoreThanHalfForAnOrdinaryMatter() {
        Tally half = OwnerVote.count(Matter.MANAGER, owners(4, 2, 2, 0));
        assertThat(half.quorumMet()).isTrue();
        assertThat(half.passed()).isFalse();
        assertThat(half.reasons()).anyMatch(r -> r.contains("2 × 2 ≤ 4") && r.contains("恰好一半不算过半数"));
        assertThat(OwnerVote.count(Matter.MANAGER, owners(5, 3, 2, 0)).passed()).isTrue();
    }

    @Test
    void itemsSixToEightNeedThreeQuartersAndExactlyThreeQuartersIsEnough() {
        assertThat(OwnerVote.count(Matter.RAISE_FUND, owners(4, 3, 1, 0)).passed()).isTrue();
        assertThat(OwnerVote.count(Matter.REBUILD, owners(8, 5, 3, 0)).passed()).isFalse();
        assertThat(OwnerVote.count(Matter.CHANGE_USE, owners(8, 6, 2, 0)).passed()).isTrue();
        // item 5 (use of the fund) is an ordinary matter: 5 of 8 is more than half
        assertThat(OwnerVote.count(Matter.USE_FUND, owners(8, 5, 3, 0)).passed()).isTrue();
        Tally t = OwnerVote.count(Matter.REBUILD, owners(8, 5, 3, 0));
        assertThat(t.reasons()).anyMatch(r -> r.contains("5 × 4 < 8 × 3") && r.contains("未达到四分之三以上"));
    }

    @Test
    void anAbstentionTakesPartButDoesNotConsent() {
        Tally t = OwnerVote.count(Matter.MANAGER, owners(6, 2, 0, 2));
        assertThat(t.quorumMet()).as("4 of 6 took part").isTrue();
        assertThat(t.headcount().abstain()).isEqualTo(2);
        assertThat(t.passed()).as("2 for of 4 taking part is not more than half").isFalse();
    }

    @Test
    void anOwnerOfSeveralUnitsIsOnePersonWithTheirAreaSummed() {
        List<RollUnit> roll = List.of(unit("1-101", "张三", "90", Ballot.FOR), unit("1-102", "张三", "90", Ballot.FOR),
                unit("1-103", "李四", "90", Ballot.AGAINST), unit("1-104", "王五", "90", null));
        Tally t = OwnerVote.count(Matter.MANAGER, roll);
        assertThat(t.headcount().total()).isEqualTo(3);
        assertThat(t.headcount().voted()).isEqualTo(2);
        assertThat(t.area().consent()).isEqualByComparingTo("180");
        assertThat(t.quorumMet()).isTrue();
        // 1 of 2 persons consents: exactly half of the headcount, so it fails although 180 of 270 ㎡ consented
        assertThat(t.passed()).isFalse();
    }

    @Test
    void theDevelopersUnsoldUnitsAreOnePersonTogether() {
        List<RollUnit> roll = new ArrayList<>(owners(3, 3, 0, 0));
        for (int i = 0; i < 5; i++) {
            roll.add(new RollUnit("2-" + (101 + i), "开发商", new BigDecimal("10"), true, null));
        }
        Tally t = OwnerVote.count(Matter.MANAGER, roll);
        assertThat(t.headcount().total()).isEqualTo(4);
        assertThat(t.area().total()).isEqualByComparingTo("80");
        // 3 of 4 persons took part, but only 30 of 80 ㎡
        assertThat(t.quorumMet()).isFalse();
    }

    @Test
    void onePersonCastsOneBallotAndARollNamesEveryProblem() {
        List<RollUnit> roll = List.of(unit("1-101", "张三", "90", Ballot.FOR), unit("1-102", "张三", "90", Ballot.AGAINST),
                unit("1-101", "李四", "90", Ballot.FOR));
        assertThatThrownBy(() -> OwnerVote.count(Matter.MANAGER, roll)).isInstanceOf(InvalidRollException.class)
                .hasMessageContaining("张三 只能投一票").hasMessageContaining("1-101 重复出现");
        assertThatThrownBy(() -> OwnerVote.count(Matter.MANAGER, List.of())).hasMessageContaining("名册为空");
        assertThatThrownBy(() -> Matter.ofItem(10)).hasMessageContaining("1–9");
    }

    @Property(tries = 300)
    void aVotePassesOnlyWithAQuorumAndTurningAnAgainstIntoAForNeverUndoesAPass(
            @ForAll @IntRange(min = 1, max = 40) int n, @ForAll @IntRange(min = 0, max = 40) int yes,
            @ForAll @IntRange(min = 0, max = 40) int no, @ForAll @IntRange(min = 1, max = 9) int item) {
        int y = Math.min(yes, n);
        int a = Math.min(no, n - y);
        Matter matter = Matter.ofItem(item);
        Tally t = OwnerVote.count(matter, owners(n, y, a, 0));
        assertThat(!t.passed() || t.quorumMet()).isTrue();
        assertThat(t.quorumMet()).isEqualTo((y + a) * 3 >= n * 2);
        if (a > 0 && t.passed()) {
            assertThat(OwnerVote.count(matter, owners(n, y + 1, a - 1, 0)).passed()).isTrue();
        }
    }
}
