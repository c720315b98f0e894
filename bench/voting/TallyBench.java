import cn.kaoping.voting.rules.Ballot;
import cn.kaoping.voting.rules.Matter;
import cn.kaoping.voting.rules.OwnerVote;
import cn.kaoping.voting.rules.RollUnit;
import cn.kaoping.voting.rules.Tally;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The tally of one estate (issue 13: 5,000 units under 100 ms): OwnerVote.count on a roll of N units with owners of
 * one to three units, 3 % unsold, areas 45.00–180.99 m², and 80 % of the owners voted. Warm-up, then each of the
 * measured runs counts a fresh roll; prints the median and the worst.
 *
 *   java -cp target/classes bench/voting/TallyBench.java [units] [runs]
 */
public class TallyBench {

    public static void main(String[] args) {
        int units = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        Random random = new Random(20261204);
        for (int i = 0; i < 200; i++) {
            OwnerVote.count(Matter.MANAGER, roll(units, random)); // the JIT compiles the path
        }
        long[] nanos = new long[runs];
        Tally last = null;
        for (int i = 0; i < runs; i++) {
            List<RollUnit> roll = roll(units, random);
            long t0 = System.nanoTime();
            last = OwnerVote.count(i % 2 == 0 ? Matter.MANAGER : Matter.RAISE_FUND, roll);
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        System.out.printf("units=%d runs=%d median_ms=%.2f worst_ms=%.2f persons=%d area=%s passed=%s%n", units, runs,
                nanos[runs / 2] / 1e6, nanos[runs - 1] / 1e6, last.headcount().total(), last.area().total(),
                last.passed());
    }

    static List<RollUnit> roll(int units, Random random) {
        List<RollUnit> roll = new ArrayList<>(units);
        int owner = 0;
        int left = 0;
        Ballot ownersBallot = null;
        Ballot developers = Ballot.values()[random.nextInt(3)];
        for (int i = 0; i < units; i++) {
            if (left == 0) {
                owner++;
                left = 1 + random.nextInt(3) / 2 + (random.nextInt(10) == 0 ? 1 : 0);
                ownersBallot = random.nextInt(100) < 80 ? Ballot.values()[random.nextInt(3)] : null;
            }
            left--;
            boolean unsold = random.nextInt(100) < 3;
            BigDecimal area = BigDecimal.valueOf(4500 + random.nextInt(13600), 2);
            Ballot ballot = unsold ? developers : ownersBallot; // one person, one ballot for all their units
            roll.add(new RollUnit((i / 100 + 1) + "-" + (i % 100 + 101), unsold ? null : "业主" + owner, area, unsold,
                    ballot));
        }
        return roll;
    }
}
